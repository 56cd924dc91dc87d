"""Needs profiles by domain for peer matching: the Community Needs Index's three domains
(civic assets, connectedness, engaged community) from the published ward file, with the
area's IMD 2019 baseline beside them.

Like the baseline, a ward group takes its neediest ward's rank in each domain, because one
ward in deep need is what brought the area to the Network.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_noop

from n4c.platform.events.models import NeedsProfile

__all__ = ["CNI_DOMAINS", "IMD_WARDS", "ProfilesBuilt", "build_needs_profiles", "rank_to_need"]

#: CNI 2019 domain rank columns and the names people read. The names are kept in English in
#: each profile and translated where they are shown (:func:`n4c.platform.events.peers`).
_ENGAGED = gettext_noop("engaged community (CNI 2019)")
CNI_DOMAINS = {
    "Civic Assets rank": gettext_noop("civic assets (CNI 2019)"),  # untranslated: a column
    "Connectedness rank": gettext_noop("connectedness (CNI 2019)"),  # untranslated: a column
    "Engaged community rank": _ENGAGED,  # untranslated: a column
}
#: Wards ranked on the IMD 2019 (those with LSOAs in the lookup), for turning a rank into a score.
IMD_WARDS = 7_421
SOURCE = "Community Needs Index 2019 domains (OCSI, cni2019_ward17) and the area's IMD 2019 baseline"  # untranslated: the data's source, kept with the profile


def rank_to_need(rank: int, count: int) -> float:
    """A rank (1 = most need) as a need score from 0 to 1 (1 = most need).

    Examples
    --------
    >>> rank_to_need(1, 7433), round(rank_to_need(7433, 7433), 4)
    (1.0, 0.0001)
    """
    return 1 - (rank - 1) / count


@dataclass(frozen=True)
class ProfilesBuilt:
    """What :func:`build_needs_profiles` did: profiles made, and areas left without one."""

    made: int
    not_in_file: tuple[str, ...]


@transaction.atomic
def build_needs_profiles(areas) -> ProfilesBuilt:
    """Make the needs profile of each area that has none.

    An area none of whose wards is in the CNI 2019 ward file gets no profile and is named in
    the result; peer matching then uses its two headline ranks from the baseline.
    """
    from n4c.data import load

    missing = [a for a in areas if not NeedsProfile.objects.filter(area=a).exists()]
    if not missing:
        return ProfilesBuilt(0, ())
    cni = load("cni2019_ward17").set_index("ward17_code")
    count = len(cni)
    made, not_in_file = 0, []
    for area in missing:
        codes = [c for c in area.wards17() if c in cni.index]
        if not codes:
            not_in_file.append(area.name)
            continue
        wards = cni.loc[codes]
        domains = {gettext_noop("deprivation (IMD 2019)"): rank_to_need(area.imd_rank, IMD_WARDS)}
        for column, name in CNI_DOMAINS.items():
            domains[name] = round(rank_to_need(int(wards[column].min()), count), 6)
        NeedsProfile.objects.create(area=area, domains=domains, source=SOURCE)
        made += 1
    return ProfilesBuilt(made, tuple(not_in_file))
