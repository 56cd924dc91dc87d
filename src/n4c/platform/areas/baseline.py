"""An area's baseline need from its wards, by :func:`n4c.needs.summarise_ward_group`."""

from __future__ import annotations

import re

from n4c.errors import InputError
from n4c.geography import EDITIONS
from n4c.needs import WardGroupSummary, summarise_ward_group
from n4c.platform.areas.models import BASELINE_FIELDS

__all__ = ["baseline_for_wards", "baseline_values", "parse_ward_codes"]

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


def baseline_for_wards(codes: list[str]) -> WardGroupSummary:
    """IMD 2019, CNI 2019, population and both 'left behind' answers of a group of wards."""
    return summarise_ward_group(codes, year=_EDITION.imd_year)


def baseline_values(summary: WardGroupSummary) -> dict[str, object]:
    """The model's baseline fields, taken from the summary's attributes of the same names."""
    return {name: getattr(summary, name) for name in BASELINE_FIELDS}
