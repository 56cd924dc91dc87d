"""Errors that carry their parts, so the CLI, the API and forms can each show them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from n4c.words import gettext as _
from n4c.words import number

__all__ = ["DataMissingError", "InputError", "N4CError"]


class N4CError(Exception):
    """Base class for every error n4c raises on purpose; the CLI prints it without a traceback."""


@dataclass
class InputError(N4CError):
    """Bad input: says where (file, row, field), what (the value and the rule) and what to do.

    ``row`` is the 1-based data row (the header is row 0), as a person counts rows in a
    spreadsheet after the header.
    """

    message: str
    path: str | Path | None = None
    row: int | None = None
    field: str | None = None
    value: object = None
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(Path(self.path).name)
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": number(self.row)})
        if self.field is not None:
            where.append(_('field "%(field)s"') % {"field": self.field})
        text = ", ".join(where)
        text = f"{text}: {self.message}" if text else self.message
        if self.hint:
            text = f"{text} {self.hint}"
        return text


class DataMissingError(N4CError):
    """A dataset is not on this machine (or fails its checksum); the message says how to get it."""
