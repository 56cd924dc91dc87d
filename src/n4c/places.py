"""Finding a place by name or code: wards, councils and LSOAs in the editions n4c holds.

Owns the list of named places (wards 2017 and 2024, councils 2019 and 2024, LSOAs 2011 and
2021, all read from the registered lookups) and the rule that matches a typed name to them.
Imports only :mod:`n4c.data` and the modules below it; the CLI and the platform both call
:func:`find_places`, so a search box and ``n4c place`` give the same answers.

Names are compared after :func:`normalise`: accents dropped (NFKD), case folded, ``&`` read as
"and", the word "and" and punctuation ignored, so "Brighton & Hove", "brighton and hove" and
"Brighton-Hove" are one name. Matches rank exact, then prefix, then a word starting with
the query, then anywhere inside the name, then spelling slips (:mod:`difflib`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Literal

import pandas as pd

from n4c.data import load
from n4c.errors import InputError
from n4c.geography import name_words

__all__ = ["KINDS", "MATCHES", "Place", "find_places", "normalise", "resolve_place"]

PlaceKind = Literal["ward", "council", "lsoa"]
KINDS: tuple[PlaceKind, ...] = ("ward", "council", "lsoa")
#: How a name matched, best first; a result's ``match`` is one of these.
MATCHES = ("code", "exact", "prefix", "word", "substring", "fuzzy")
#: Within one kind of match, councils before wards before LSOAs (a council name is the one
#: people most often mean), and the newer edition first.
_KIND_ORDER = {"council": 0, "ward": 1, "lsoa": 2}

_CODE = re.compile(r"^[A-Za-z]\d{8}$")


@dataclass(frozen=True)
class Place:
    """One place a name matched: its kind, GSS code, name, council and edition (year)."""

    kind: PlaceKind
    code: str
    name: str
    council_name: str
    edition: int
    match: str

    def as_dict(self) -> dict[str, Any]:
        """The place as plain values, for JSON."""
        return asdict(self)

    @property
    def label(self) -> str:
        """How a person reads it: "Bloomfield (ward 2017, Blackpool)"."""
        where = "" if self.kind == "council" else f", {self.council_name}"
        return f"{self.name} ({self.kind} {self.edition}{where})"


def normalise(text: str) -> str:
    """A name reduced for comparing: no accents, case or punctuation, "&" and "and" ignored.

    Examples
    --------
    >>> normalise("Brighton & Hove")
    'brighton hove'
    >>> normalise("St. Mary's and Ladywood")
    'st marys ladywood'
    >>> normalise("Ynys Môn")
    'ynys mon'
    """
    return " ".join(word for word in name_words(text) if word != "and")


def _frame(
    kind: PlaceKind, edition: int, table: pd.DataFrame, code: str, name: str, council: str
) -> pd.DataFrame:
    rows = table[list(dict.fromkeys([code, name, council]))].drop_duplicates(subset=code)
    return pd.DataFrame(
        {
            "kind": kind,
            "code": rows[code].astype(str).to_numpy(),
            "name": rows[name].astype(str).to_numpy(),
            "council_name": rows[council].astype(str).to_numpy(),
            "edition": edition,
        }
    )


@lru_cache(maxsize=1)
def _places() -> pd.DataFrame:
    wards17 = load("cni2019_ward17")
    lsoas11 = load("imd2019_population_denominators")
    lsoas21 = load("lookup_lsoa21_ward24_lad24")
    frames = [
        _frame("ward", 2017, wards17, "ward17_code", "ward17_name", "lad19_name"),
        _frame("ward", 2024, lsoas21, "ward24_code", "ward24_name", "ltla24_name"),
        _frame("council", 2019, lsoas11, "lad19_code", "lad19_name", "lad19_name"),
        _frame("council", 2024, lsoas21, "ltla24_code", "ltla24_name", "ltla24_name"),
        _frame("lsoa", 2011, lsoas11, "lsoa11_code", "lsoa11_name", "lad19_name"),
        _frame("lsoa", 2021, lsoas21, "lsoa21_code", "lsoa21_name", "ltla24_name"),
    ]
    places = pd.concat(frames, ignore_index=True)
    places["key"] = [normalise(name) for name in places["name"]]
    places["order"] = places["kind"].map(_KIND_ORDER) * 10_000 - places["edition"]
    return places


def _ranked(places: pd.DataFrame, query: str) -> pd.DataFrame:
    keys = places["key"]
    tiers = pd.Series(len(MATCHES), index=places.index)
    code = query.strip().upper()
    if _CODE.match(code):
        tiers[places["code"] == code] = 0
    needle = normalise(query)
    if needle:
        substring = keys.str.contains(needle, regex=False)
        word = substring & (" " + keys).str.contains(" " + needle, regex=False)
        prefix = keys.str.startswith(needle)
        for tier, hit in ((4, substring), (3, word), (2, prefix), (1, keys == needle)):
            tiers[hit & (tiers > tier)] = tier
    places = places.assign(tier=tiers)
    return places[places["tier"] < len(MATCHES)]


def _fuzzy(places: pd.DataFrame, query: str, limit: int) -> pd.DataFrame:
    needle = normalise(query)
    if len(needle) < 3:
        return places.iloc[:0]
    # Compare with each distinct name once; LSOA names ("Leeds 001A") are too alike to help.
    named = places[places["kind"] != "lsoa"]
    close = difflib.get_close_matches(needle, named["key"].unique().tolist(), n=limit, cutoff=0.75)
    similarity = {key: i for i, key in enumerate(close)}
    found = named[named["key"].isin(similarity)]
    return found.assign(tier=len(MATCHES) - 1, closeness=found["key"].map(similarity))


def find_places(
    query: str, *, kind: PlaceKind | None = None, edition: int | None = None, limit: int = 10
) -> list[Place]:
    """Places whose name or code matches ``query``, best first.

    Parameters
    ----------
    query : str
        A name (any case, with or without accents and punctuation), part of one, or a GSS code.
    kind : {"ward", "council", "lsoa"}, optional
        Only places of this kind.
    edition : int, optional
        Only places of this edition (2017 or 2024 wards, 2019 or 2024 councils, 2011 or 2021
        LSOAs).
    limit : int
        At most this many results.

    Returns
    -------
    list of Place
        Ranked code, exact, prefix, word-prefix, substring, then close spellings; within a
        rank, councils, then wards, then LSOAs, newest edition first, then shorter names.

    Raises
    ------
    InputError
        If the query is blank, the kind unknown or the limit below 1.

    Examples
    --------
    >>> [p.code for p in find_places("Bloomfield", kind="ward") if p.edition == 2017][:1]
    ['E05001645']
    """
    if not normalise(query) and not _CODE.match(query.strip()):
        raise InputError("Enter a place name or code, like Bloomfield or E05001645.", field="query")
    if kind is not None and kind not in KINDS:
        raise InputError(
            f'"{kind}" is not a kind of place; use ward, council or lsoa.', field="kind", value=kind
        )
    if limit < 1:
        raise InputError("the limit must be 1 or more.", field="limit", value=str(limit))
    places = _places()
    if kind is not None:
        places = places[places["kind"] == kind]
    if edition is not None:
        places = places[places["edition"] == edition]
    found = _ranked(places, query).assign(closeness=0)
    if len(found) < limit:
        found = pd.concat([found, _fuzzy(places.drop(found.index), query, limit)])
    found = found.assign(length=found["name"].str.len())
    found = found.sort_values(["tier", "closeness", "order", "length", "name", "code"])
    return [
        Place(
            kind=row["kind"],
            code=row["code"],
            name=row["name"],
            council_name=row["council_name"],
            edition=int(row["edition"]),
            match=MATCHES[int(row["tier"])],
        )
        for row in found.head(limit).to_dict("records")
    ]


def resolve_place(
    query: str, *, kind: PlaceKind, edition: int, council: str | None = None
) -> tuple[Place | None, list[Place]]:
    """The one place of ``kind`` and ``edition`` that ``query`` names, or the choices it could be.

    A code or an exact name (after :func:`normalise`) held by a single place resolves; anything
    else returns ``None`` and up to ten candidates, best first, for a person to pick from.
    ``council`` (a council's name) keeps only the places in that council.
    """
    candidates = find_places(query, kind=kind, edition=edition, limit=500)
    if council is not None:
        wanted = normalise(council)
        candidates = [p for p in candidates if normalise(p.council_name) == wanted]
    best = [p for p in candidates if p.match in ("code", "exact")]
    if len(best) == 1:
        return best[0], []
    return None, (best or candidates)[:10]
