"""An area's baseline need from its wards, by :func:`n4c.needs.summarise_ward_group`."""

from __future__ import annotations

import re

from n4c.errors import InputError
from n4c.geography import EDITIONS
from n4c.needs import WardGroupSummary, summarise_ward_group
from n4c.platform.areas.models import BASELINE_FIELDS

__all__ = ["baseline_for_wards", "baseline_values", "parse_ward_codes", "parse_wards"]

# The platform's ward figures are the IMD 2019 edition's: England's December 2017 wards.
_EDITION = EDITIONS[2019]


def parse_ward_codes(text: str) -> list[str]:
    """Ward codes from text separated by commas, spaces or new lines, checked for shape."""
    codes = [c.strip().upper() for c in re.split(r"[\s,;]+", text) if c.strip()]
    if not codes:
        raise InputError(_EDITION.ward_hint, field="ward17_codes", value=text)
    shape = _EDITION.ward_codes
    assert shape is not None
    bad = [c for c in codes if not shape.matches(c)]
    if bad:
        raise InputError(
            f"{', '.join(bad)} is not {shape.rule}. {_EDITION.ward_hint}",
            field="ward17_codes",
            value=text,
        )
    return list(dict.fromkeys(codes))


#: An entry that is meant as a code (a letter and digits), right or wrong, not as a name.
_CODE_LIKE = re.compile(r"^[A-Za-z]\d+$")
#: "Park (Reading)": a ward's name with its council in brackets.
_WITH_COUNCIL = re.compile(r"^(?P<name>.*?)\s*\((?P<council>[^()]+)\)\s*$")


def _ward_code_for(entry: str) -> str:
    from n4c.places import resolve_place

    written = _WITH_COUNCIL.match(entry)
    name, council = (written["name"], written["council"]) if written else (entry, None)
    found, choices = resolve_place(name, kind="ward", edition=2017, council=council)
    if found is not None:
        return found.code
    if not choices:
        raise InputError(
            f"No December 2017 ward is called “{entry}”. Check the spelling, or enter its code, "
            "like E05001234.",
            field="ward17_codes",
            value=entry,
        )
    listed = "; ".join(f"{p.name} ({p.council_name}) {p.code}" for p in choices)
    first = choices[0]
    raise InputError(
        f"“{entry}” could be more than one ward: {listed}. Enter the ward's code, or its name "
        f"with its council in brackets, like “{first.name} ({first.council_name})”.",
        field="ward17_codes",
        value=entry,
    )


def parse_wards(text: str) -> list[str]:
    """Ward codes from codes or ward names separated by commas, semicolons or new lines.

    A name becomes its ward's code when one December 2017 ward has it (add the council in
    brackets where several share it: "Park (Reading)"); otherwise the error lists the wards
    it could be, so a person can choose without JavaScript.
    """
    codes: list[str] = []
    for entry in (e.strip() for e in re.split(r"[,;\n]+", text)):
        if not entry:
            continue
        words = entry.split()
        if all(_CODE_LIKE.match(word) for word in words):
            codes.extend(words)
        else:
            codes.append(_ward_code_for(entry))
    return parse_ward_codes(" ".join(codes) if codes else text)


def baseline_for_wards(codes: list[str]) -> WardGroupSummary:
    """IMD 2019, CNI 2019, population and both 'left behind' answers of a group of wards."""
    return summarise_ward_group(codes, year=_EDITION.imd_year)


def baseline_values(summary: WardGroupSummary) -> dict[str, object]:
    """The model's baseline fields, taken from the summary's attributes of the same names."""
    return {name: getattr(summary, name) for name in BASELINE_FIELDS}
