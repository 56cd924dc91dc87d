"""An area's need from its codes, by :func:`n4c.needs.summarise_area`, and its frozen snapshots."""

from __future__ import annotations

from dataclasses import asdict

from n4c.needs import AreaNeed, area_need_versions, explain_area_need
from n4c.platform.areas.models import BASELINE_FIELDS, Area, AreaSnapshot

__all__ = ["baseline_values", "freeze_snapshot"]


def baseline_values(need: AreaNeed) -> dict[str, object]:
    """The model's baseline fields (IMD 2019 on 2017 wards), from the summary of the same names."""
    return {name: getattr(need.ward17, name) for name in BASELINE_FIELDS}


def freeze_snapshot(area: Area, need: AreaNeed, *, actor, reason: str) -> AreaSnapshot:
    """A new version of the area's frozen baseline; earlier versions stay as they are."""
    last = area.snapshots.order_by("-version").first()
    return AreaSnapshot.objects.create(
        area=area,
        version=(last.version + 1) if last else 1,
        frozen_by=actor if getattr(actor, "pk", None) else None,
        reason=reason,
        start_date=area.start_date,
        geography=area.geography,
        codes=list(area.codes),
        need=asdict(need),
        meaning=explain_area_need(need),
        data_versions=area_need_versions(),
    )
