"""Record ids from addresses and query strings, checked against the range a database can hold.

Every table's id is a 64-bit integer (``BigAutoField``): SQLite refuses a larger number with an
``OverflowError`` and PostgreSQL with an error of its own, so a 20-digit id typed into an address
would crash the page instead of finding nothing. The API types its id parameters as
:data:`RecordId` (a number out of range is answered 422, like any value of the wrong type);
views read an id from a query string with :func:`parse_id` (out of range is 404: no such record).
"""

from __future__ import annotations

from typing import Annotated, Final

from django.http import Http404
from django.utils.translation import gettext as _
from pydantic import Field

__all__ = ["MAX_ID", "RecordId", "parse_id"]

#: The largest id a 64-bit signed integer column holds, in SQLite and PostgreSQL alike.
MAX_ID: Final = 2**63 - 1

#: An id parameter of the JSON API: a whole number from 1 to :data:`MAX_ID`.
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]


def parse_id(text: str | None) -> int | None:
    """The id in a query-string value; ``None`` when empty; :class:`Http404` when not an id.

    >>> parse_id("12"), parse_id("")
    (12, None)
    """
    text = (text or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_ID:
        raise Http404(_('"%(text)s" is not the number of a record.') % {"text": text[:30]})
    return int(text)
