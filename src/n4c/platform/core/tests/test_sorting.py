"""Sorted, paginated lists: the header links flip the order and keep the page's filters."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from n4c.platform.core.sorting import sorted_page

pytestmark = pytest.mark.django_db

_SORTS = {"name": "username", "population": "last_name"}


def _listing(query: str, **options):
    request = RequestFactory().get(f"/areas/?{query}")
    users = get_user_model().objects.all()
    return sorted_page(request, users, sorts=_SORTS, default="name", **options)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(url.removeprefix("?"))


def _person(name: str, population: int = 900):
    # A list of people stands in for any list: "population" sorts by a number-like text.
    return get_user_model()(username=name, last_name=str(population))


@pytest.fixture
def areas(db):
    get_user_model().objects.bulk_create(_person(f"Area {n}", 900 - n) for n in range(7))


def test_the_default_order_is_used_for_an_unknown_sort(areas):
    listing = _listing("sort=secret&order=desc", per_page=3)
    assert [a.username for a in listing.page] == ["Area 0", "Area 1", "Area 2"]
    assert listing.sort_links["name"].aria_sort == "ascending"
    assert listing.sort_links["population"].aria_sort == "none"


def test_sorting_descending_and_the_header_link_flips_it(areas):
    listing = _listing("sort=population&order=desc&stage=active", per_page=3)
    assert [a.last_name for a in listing.page] == ["900", "899", "898"]
    link = _query(listing.sort_links["population"].url)
    assert link == {"sort": ["population"], "order": ["asc"], "stage": ["active"]}
    assert listing.sort_links["population"].aria_sort == "descending"


def test_pages_keep_the_sort_and_filters(areas):
    listing = _listing("sort=population&stage=active&page=2", per_page=3)
    assert [a.username for a in listing.page] == ["Area 3", "Area 2", "Area 1"]
    assert [link.number for link in listing.page_links] == [1, 2, 3]
    assert [link.current for link in listing.page_links] == [False, True, False]
    assert _query(listing.next_url) == {"sort": ["population"], "stage": ["active"], "page": ["3"]}
    assert _query(listing.previous_url)["page"] == ["1"]
    # Changing the sort goes back to the first page.
    assert "page" not in _query(listing.sort_links["name"].url)


def test_a_page_number_out_of_range_shows_the_last_page(areas):
    listing = _listing("page=99", per_page=3)
    assert listing.page.number == 3 and listing.next_url == ""


def test_gaps_between_far_page_numbers(db):
    get_user_model().objects.bulk_create(_person(f"A{n:03d}") for n in range(100))
    listing = _listing("page=5", per_page=5)
    assert [link.number for link in listing.page_links] == [1, None, 3, 4, 5, 6, 7, None, 20]
