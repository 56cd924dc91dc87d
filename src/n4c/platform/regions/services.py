"""Regions and local authorities from the ONS lookup that ``n4c.data`` provides."""

from __future__ import annotations

from django.db import transaction

from n4c.platform.regions.models import LocalAuthority, Region

__all__ = ["load_regions"]


@transaction.atomic
def load_regions() -> tuple[int, int]:
    """Create or update every region and local authority; returns (regions, local authorities)."""
    from n4c.data.regions import lad_regions

    table = lad_regions()
    regions = {}
    for code, name in (
        table[["region19_code", "region19_name"]].drop_duplicates().itertuples(index=False)
    ):
        regions[code], _ = Region.objects.update_or_create(code=code, defaults={"name": name})
    for lad_code, lad_name, region_code in table[
        ["lad19_code", "lad19_name", "region19_code"]
    ].itertuples(index=False):
        LocalAuthority.objects.update_or_create(
            code=lad_code, defaults={"name": lad_name, "region": regions[region_code]}
        )
    return len(regions), len(table)
