"""An area's need from its codes, by :func:`n4c.needs.summarise_area`, its frozen snapshots,
and ward names read as codes."""

from __future__ import annotations

import re
from dataclasses import asdict, replace

from django.utils import translation
from django.utils.translation import gettext as _

from n4c import needs
from n4c.errors import InputError
from n4c.platform.areas.models import BASELINE_FIELDS, Area, AreaSnapshot

__all__ = ["baseline_values", "for_the_record", "freeze_snapshot", "parse_wards"]

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
            _(
                "No December 2017 ward is called “%(entry)s”. Check the spelling, or enter its "
                "code, like E05001234."
            )
            % {"entry": entry},
            field="codes",
            value=entry,
        )
    listed = "; ".join(f"{p.name} ({p.council_name}) {p.code}" for p in choices)
    first = choices[0]
    raise InputError(
        _(
            "“%(entry)s” could be more than one ward: %(listed)s. Enter the ward's code, or its "
            "name with its council in brackets, like “%(name)s (%(council)s)”."
        )
        % {"entry": entry, "listed": listed, "name": first.name, "council": first.council_name},
        field="codes",
        value=entry,
    )


def parse_wards(text: str) -> list[str]:
    """December 2017 ward codes from codes or ward names separated by commas, semicolons or
    new lines.

    A name becomes its ward's code when one December 2017 ward has it (add the council in
    brackets where several share it: "Park (Reading)"); otherwise the error lists the wards
    it could be, so a person can choose without JavaScript. Codes are then checked as
    :func:`n4c.needs.parse_area_codes` checks them.
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
    return needs.parse_area_codes(" ".join(codes) if codes else text, "ward17")


def for_the_record(need: needs.AreaNeed) -> needs.AreaNeed:
    """The need with its sentences in English, as records keep them, whoever made it; pages
    and the API tell them again in their reader's language from the facts beside them."""
    with translation.override(None):
        ward17 = replace(need.ward17, left_behind_difference=needs.difference_sentence(need.ward17))
        return replace(
            need, ward17=ward17, change=needs.change_sentence(need.imd2019, need.imd2025)
        )


def baseline_values(need: needs.AreaNeed) -> dict[str, object]:
    """The model's baseline fields (IMD 2019 on 2017 wards), from the summary of the same names."""
    ward17 = for_the_record(need).ward17
    return {name: getattr(ward17, name) for name in BASELINE_FIELDS}


def freeze_snapshot(area: Area, need: needs.AreaNeed, *, actor, reason: str) -> AreaSnapshot:
    """A new version of the area's frozen baseline; earlier versions stay as they are."""
    last = area.snapshots.order_by("-version").first()
    # Pages and the API make the sentences again in their reader's language (explained).
    need = for_the_record(need)
    with translation.override(None):
        meaning = needs.explain_area_need(need)
    return AreaSnapshot.objects.create(
        area=area,
        version=(last.version + 1) if last else 1,
        frozen_by=actor if getattr(actor, "pk", None) else None,
        reason=reason,
        start_date=area.start_date,
        geography=area.geography,
        codes=list(area.codes),
        need=asdict(need),
        meaning=meaning,
        data_versions=needs.area_need_versions(),
    )
