"""One page of a list in the JSON API: ``limit`` and ``offset``, the same on every list.

Each list endpoint takes ``page: Query[Page]`` and returns ``page_of(items, page)``. Both numbers
are checked before any query runs, so ``limit=-1`` or ``limit=1000000000`` is answered 422 with
the rule, not a database error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeVar

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "Page", "page_of"]

#: The most items one request returns; ask again with a larger ``offset`` for more.
MAX_LIMIT: Final = 1000
#: Far beyond any list the platform holds, and well inside a 64-bit integer.
MAX_OFFSET: Final = 10**9

Items = TypeVar("Items", QuerySet, Sequence)


class Page(Schema):
    """Which part of a list to return."""

    limit: int = Field(
        MAX_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description="Most items to return, from 1 to 1,000.",  # untranslated: the API schema is for developers
    )
    offset: int = Field(
        0,
        ge=0,
        le=MAX_OFFSET,
        description="How many items to skip from the start.",  # untranslated: the API schema
    )


def page_of(items: Items, page: Page) -> Items:
    """The part of ``items`` (a queryset or a list, in a stable order) that ``page`` asks for."""
    return items[page.offset : page.offset + page.limit]
