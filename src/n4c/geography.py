"""GSS code shapes and the IMD editions n4c holds: one place for both facts.

A GSS code (ONS Register of Geographic Codes) is a letter for the country, two digits for the
kind of area and six digits: ``E01000001`` is an English LSOA, ``W05000001`` a Welsh ward.
:data:`CODE_SHAPES` says which prefixes each kind of area n4c reads may have; loaders, forms,
the asset register and grant placing all check codes with it, so they cannot disagree about
what a ward code looks like.

:data:`EDITIONS` lists the editions of the English Indices of Deprivation that n4c holds, each
with the geography its figures are published on, and :func:`check_year` refuses any other year
with a sentence saying what is available, for every command and function that takes a year.

Imports only :mod:`n4c.errors`, so every layer above may use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from n4c.errors import InputError

__all__ = [
    "CODE_SHAPES",
    "EDITIONS",
    "GSS_PATTERN",
    "IMD_YEARS",
    "CodeShape",
    "Edition",
    "check_year",
    "code_shape",
    "level_of",
    "name_words",
]

#: Apostrophes, straight and curly, which a name loses ("King's Lynn" is "Kings Lynn").
_APOSTROPHES = re.compile(r"['’‘`]")


def name_words(text: str) -> list[str]:
    """The words of a place's name as names are compared: no accents, case, apostrophes or
    punctuation, and "&" read as "and".

    >>> name_words("St. Helens & King’s Lynn, Ynys Môn")
    ['st', 'helens', 'and', 'kings', 'lynn', 'ynys', 'mon']
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", _APOSTROPHES.sub("", bare.replace("&", " and ")))


#: Any GSS code: a country letter (England, Wales, Scotland, Northern Ireland, UK) and 8 digits.
GSS_PATTERN = re.compile(r"^[EWSNK]\d{8}$")


@dataclass(frozen=True)
class CodeShape:
    """The GSS codes of one kind of area: its prefixes (entity codes) and an example."""

    level: str
    noun: str
    prefixes: tuple[str, ...]
    example: str

    @property
    def pattern(self) -> str:
        """A regular expression matching the whole code, for pandas ``str.match``."""
        return rf"^(?:{'|'.join(self.prefixes)})\d{{6}}$"

    def matches(self, code: object) -> bool:
        """Whether ``code`` has this shape (exactly, with no spaces or lower case)."""
        return isinstance(code, str) and re.match(self.pattern, code) is not None

    def england_only(self) -> CodeShape:
        """The same shape limited to England's prefixes (``E..``)."""
        english = tuple(p for p in self.prefixes if p.startswith("E"))
        return CodeShape(self.level, f"English {self.noun}", english, self.example)

    @property
    def expected(self) -> str:
        """The prefixes in words, e.g. ``E06 to E09 or W06 and 6 digits``.

        Examples
        --------
        >>> code_shape("lad").expected
        'E06 to E09 or W06 and 6 digits'
        >>> code_shape("ward").expected
        'E05 or W05 and 6 digits'
        """
        return f"{' or '.join(_runs(self.prefixes))} and 6 digits"

    @property
    def rule(self) -> str:
        """What a code must be, finishing a sentence "... is not ___".

        Examples
        --------
        >>> code_shape("lad", england_only=True).rule
        'an English local authority code (expected E06 to E09 and 6 digits)'
        """
        vowel = self.noun[0] in "AEIOUaeiou" or self.noun.startswith(("LSOA", "MSOA"))
        article = "an" if vowel else "a"
        return f"{article} {self.noun} code (expected {self.expected})"


def _runs(prefixes: tuple[str, ...]) -> list[str]:
    """Consecutive prefixes of one country as a range: E06, E07, E08, E09 → "E06 to E09"."""
    runs: list[list[str]] = []
    for prefix in prefixes:
        last = runs[-1][-1] if runs else ""
        if last and last[0] == prefix[0] and int(prefix[1:]) == int(last[1:]) + 1:
            runs[-1].append(prefix)
        else:
            runs.append([prefix])
    return [run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs]


#: The kinds of area n4c reads, by level name. LSOAs of 2011 and 2021 share one shape, as do
#: wards of every year: the year a code belongs to is a fact of the dataset, not of the code.
CODE_SHAPES: dict[str, CodeShape] = {
    shape.level: shape
    for shape in (
        CodeShape("lsoa", "LSOA", ("E01", "W01"), "E01005153"),
        CodeShape("msoa", "MSOA", ("E02", "W02"), "E02000001"),
        CodeShape("ward", "ward", ("E05", "W05"), "E05001234"),
        CodeShape("lad", "local authority", ("E06", "E07", "E08", "E09", "W06"), "E06000009"),
        CodeShape("region", "region", ("E12",), "E12000002"),
        CodeShape("country", "country", ("E92", "W92"), "E92000001"),
    )
}


def code_shape(level: str, *, england_only: bool = False) -> CodeShape:
    """The shape of codes at ``level`` (a key of :data:`CODE_SHAPES`), optionally England's only."""
    shape = CODE_SHAPES[level]
    return shape.england_only() if england_only else shape


def level_of(code: str) -> str | None:
    """The level a code's prefix names, or None when n4c reads no such kind of area.

    Examples
    --------
    >>> level_of("E05001234"), level_of("E10000002")
    ('ward', None)
    """
    for shape in CODE_SHAPES.values():
        if code[:3] in shape.prefixes:
            return shape.level
    return None


@dataclass(frozen=True)
class Edition:
    """One edition of the English Indices of Deprivation and the geography it is published on."""

    imd_year: int
    lsoa: str
    wards: str | None
    cni_year: int

    @property
    def ward_codes(self) -> CodeShape | None:
        """The shape of this edition's ward codes: England's only, as the IoD and CNI cover England."""
        return code_shape("ward", england_only=True) if self.wards else None

    @property
    def ward_hint(self) -> str:
        """How to enter this edition's ward codes, as a form or the API says it.

        Examples
        --------
        >>> EDITIONS[2019].ward_hint
        'Enter English ward codes of December 2017 (E05 and 6 digits), like E05001234.'
        """
        shape = self.ward_codes
        if shape is None:
            return f"IMD {self.imd_year} has no ward figures; use its {self.lsoa} codes."
        return f"Enter English ward codes of {self.wards} ({shape.expected}), like {shape.example}."

    @property
    def description(self) -> str:
        """E.g. "IMD 2019 on LSOA 2011 (wards of December 2017)"."""
        wards = f" (wards of {self.wards})" if self.wards else ""
        return f"IMD {self.imd_year} on {self.lsoa}{wards}"


#: The editions n4c holds, by IMD year. IMD 2019 pairs with the Community Needs Index 2019 on
#: December 2017 wards (the published 'left behind' list); IMD 2025 with the CNI 2023 on LSOA 2021.
EDITIONS: dict[int, Edition] = {
    2019: Edition(2019, "LSOA 2011", "December 2017", 2019),
    2025: Edition(2025, "LSOA 2021", None, 2023),
}
IMD_YEARS: tuple[int, ...] = tuple(EDITIONS)


def check_year(
    year: int,
    *,
    supported: Sequence[int] = IMD_YEARS,
    purpose: str | None = None,
    field: str = "year",
) -> int:
    """``year`` if it is one of ``supported`` IMD years; otherwise an :class:`InputError`.

    Parameters
    ----------
    year : int
        The year asked for.
    supported : sequence of int
        The IMD years the caller can use (by default every edition n4c holds).
    purpose : str, optional
        What the caller does, for the message, e.g. ``"fund allocation"``.
    field : str
        The option or argument that gave the year, e.g. ``"--year"``.

    Examples
    --------
    >>> check_year(2025)
    2025
    >>> check_year(2025, supported=[2019], purpose="fund allocation")
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "year": 2025 is not available yet for fund allocation, which uses IMD 2019 on LSOA 2011 (wards of December 2017); choose 2019.
    """
    if year in supported:
        return year
    choose = " or ".join(str(y) for y in supported)
    if year not in EDITIONS:
        message = f"{year} is not an IMD year n4c holds; choose {choose}."
    else:
        uses = " and ".join(EDITIONS[y].description for y in supported)
        message = f"{year} is not available yet for {purpose or 'this'}, which uses {uses}; choose {choose}."
    raise InputError(message, field=field, value=year)
