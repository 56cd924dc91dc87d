"""One page of a list on a web page, sorted by a column the reader chooses.

``sorted_page(request, queryset, sorts={"name": "name", "region": "region__name"},
default="name")`` reads ``?sort=region&order=desc&page=2`` and returns a :class:`SortedPage`:
the page of items, a link for each column header (with its ``aria-sort``) and the pagination
links, each keeping every other query parameter (the page's filters) as it is. An unknown sort
or page number falls back to the first page in the default order rather than an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict

__all__ = ["PER_PAGE", "PageLink", "SortLink", "SortedPage", "sorted_page"]

#: Items on one page unless a list says otherwise.
PER_PAGE = 50

Order = Literal["asc", "desc"]


@dataclass(frozen=True)
class SortLink:
    """A column header: the address that sorts by it, and how the list is sorted by it now."""

    url: str
    aria_sort: Literal["ascending", "descending", "none"]


@dataclass(frozen=True)
class PageLink:
    """One page number in the pagination, or a gap (``number`` None) between them."""

    number: int | None
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class SortedPage:
    """What a list template needs: the page, the header links and the pagination."""

    page: Page
    sort: str
    order: Order
    sort_links: Mapping[str, SortLink]
    page_links: list[PageLink]
    previous_url: str
    next_url: str


def _url(query: QueryDict, **changes: Any) -> str:
    query = query.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return "?" + query.urlencode()


def _numbers(current: int, last: int) -> list[int | None]:
    """The first, last and two either side of the current page, with None for each gap."""
    wanted = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    numbers: list[int | None] = []
    for number in wanted:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def sorted_page(
    request,
    queryset: QuerySet,
    *,
    sorts: Mapping[str, str],
    default: str,
    default_order: Order = "asc",
    per_page: int = PER_PAGE,
) -> SortedPage:
    """The page of ``queryset`` that ``request`` asks for, sorted by one of ``sorts`` (a
    column's name in the address, mapped to the field it orders by), ``default`` if none."""
    query = request.GET
    sort = query.get("sort", "")
    order: Order = "desc" if query.get("order") == "desc" else "asc"
    if sort not in sorts:
        sort, order = default, default_order
    field = sorts[sort]
    ordered = queryset.order_by(f"-{field}" if order == "desc" else field, "pk")
    page = Paginator(ordered, per_page).get_page(query.get("page"))
    sort_links = {}
    for name in sorts:
        now = sort == name
        flipped = "desc" if now and order == "asc" else "asc"
        shown = {"asc": "ascending", "desc": "descending"}[order] if now else "none"
        sort_links[name] = SortLink(_url(query, sort=name, order=flipped, page=None), shown)  # type: ignore[arg-type]
    last = page.paginator.num_pages
    page_links = [
        PageLink(n, _url(query, page=n), n == page.number) if n else PageLink(None)
        for n in _numbers(page.number, last)
    ]
    return SortedPage(
        page=page,
        sort=sort,
        order=order,
        sort_links=sort_links,
        page_links=page_links if last > 1 else [],
        previous_url=_url(query, page=page.previous_page_number()) if page.has_previous() else "",
        next_url=_url(query, page=page.next_page_number()) if page.has_next() else "",
    )
