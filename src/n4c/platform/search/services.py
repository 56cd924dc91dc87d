"""The search itself: each kind of record read through its own app's access rule, matched the
same way on SQLite and PostgreSQL.

Matching is done in Python on :func:`n4c.places.normalise`d text (no accents, case or
punctuation), so "Ynys Mon" finds "Ynys Môn" whatever the database; every word of the query
must appear. The platform holds hundreds of areas and thousands of records, well within what
one pass reads quickly; each kind shows at most :data:`MAX_HITS` results with its full count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from n4c.errors import N4CError
from n4c.platform.areas.access import areas_visible_to, member_may_open
from n4c.platform.assets.access import assets_visible_to
from n4c.platform.people.services import staff_visible_to
from n4c.platform.plans.models import AreaPlan
from n4c.platform.referrals.access import partners_visible_to
from n4c.platform.residents.access import residents_visible_to
from n4c.platform.resources.search import resources_visible_to
from n4c.platform.right_to_bid.access import cases_visible_to

__all__ = ["MAX_HITS", "MAX_QUERY_LENGTH", "Group", "Hit", "search_everything"]

#: The most results shown for one kind; the count says how many there are in all.
MAX_HITS: Final = 20
#: Longer queries are cut to this many characters.
MAX_QUERY_LENGTH: Final = 200


@dataclass(frozen=True)
class Hit:
    """One record found: what to call it, where its page is, and a line of context."""

    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Group:
    """The records of one kind that matched, the first :data:`MAX_HITS` of them kept."""

    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)


class _Query:
    def __init__(self, text: str) -> None:
        from n4c.places import normalise  # pandas, so not at start-up

        self.words = normalise(text).split()
        self.code = text.strip().upper()
        self.ward_codes = _ward_codes(text)

    def matches(self, *texts: object) -> bool:
        from n4c.places import normalise

        haystack = normalise(" ".join(str(text) for text in texts if text))
        return bool(self.words) and all(word in haystack for word in self.words)


def _ward_codes(text: str) -> frozenset[str]:
    """The 2017 ward codes whose name matches ``text`` (areas are made of 2017 wards)."""
    from n4c.places import find_places

    try:
        places = find_places(text, kind="ward", edition=2017, limit=50)
    except N4CError:  # a blank query, or the ward lookup not fetched on this machine
        return frozenset()
    return frozenset(place.code for place in places if place.match != "fuzzy")


def _areas(user, query: _Query) -> Iterator[Hit]:
    for pk, name, codes, region in areas_visible_to(user).values_list(
        "pk", "name", "codes", "region__name"
    ):
        wards = set(codes or [])
        if query.matches(name) or query.code in wards or wards & query.ward_codes:
            yield Hit(name, reverse("areas:detail", args=[pk]), region)


def _residents(user, query: _Query) -> Iterator[Hit]:
    for pk, name, area in residents_visible_to(user).values_list("pk", "full_name", "area__name"):
        if query.matches(name):
            yield Hit(name, reverse("residents:detail", args=[pk]), area)


def _staff(user, query: _Query) -> Iterator[Hit]:
    for profile in staff_visible_to(user):
        person = profile.user
        if query.matches(person.get_full_name(), person.username, person.email):
            name = person.get_full_name() or person.username
            yield Hit(name, reverse("people:list"), profile.get_role_display())


def _partners(user, query: _Query) -> Iterator[Hit]:
    for partner in partners_visible_to(user):
        if query.matches(partner.name, partner.description, partner.get_specialism_display()):
            yield Hit(
                partner.name,
                reverse("referrals:partner", args=[partner.pk]),
                partner.get_specialism_display(),
            )


def _resources(user, query: _Query) -> Iterator[Hit]:
    for resource in resources_visible_to(user):
        tags = " ".join(tag.name for tag in resource.tags.all())
        if query.matches(resource.title, resource.summary, resource.body, tags):
            yield Hit(resource.title, resource.get_absolute_url(), resource.summary)


def _assets(user, query: _Query) -> Iterator[Hit]:
    for asset in assets_visible_to(user).select_related("area"):
        if query.matches(asset.name, asset.reference, asset.owner, asset.postcode, asset.use):
            yield Hit(asset.name, reverse("assets:asset", args=[asset.pk]), asset.area.name)


def _cases(user, query: _Query) -> Iterator[Hit]:
    for case in cases_visible_to(user).select_related("asset__area"):
        if query.matches(case.title, case.asset.name):
            detail = f"{case.asset.name}, {case.asset.area.name}"
            yield Hit(case.title, reverse("right_to_bid:case", args=[case.pk]), detail)


def _plans(user, query: _Query) -> Iterator[Hit]:
    plans: QuerySet[AreaPlan] = AreaPlan.objects.filter(area__in=areas_visible_to(user))
    for plan in plans.select_related("area").prefetch_related("priorities"):
        priorities = [priority.title for priority in plan.priorities.all()]
        if query.matches(plan.area.name, plan.vision, *priorities):
            url = reverse("plans:detail", args=[plan.area_id])
            yield Hit(str(_("Plan for %(area)s") % {"area": plan.area.name}), url, plan.vision)


#: Each kind: its name, its heading, the page its results link to (a person who may not open
#: that page is not shown the kind) and how it is searched.
_KINDS: tuple[tuple[str, Any, str, Callable[[Any, _Query], Iterable[Hit]]], ...] = (
    ("areas", _("Areas"), "areas:detail", _areas),
    ("residents", _("Residents"), "residents:detail", _residents),
    ("staff", _("Staff"), "people:list", _staff),
    ("partners", _("Partners"), "referrals:partner", _partners),
    ("resources", _("Resources"), "resources:detail", _resources),
    ("assets", _("Assets"), "assets:asset", _assets),
    ("cases", _("Right to bid cases"), "right_to_bid:case", _cases),
    ("plans", _("Plans"), "plans:detail", _plans),
)


def search_everything(user, text: str) -> list[Group]:
    """The records of each kind that ``user`` may see and whose text matches every word of
    ``text`` (or, for areas, a ward code or a ward's name), kinds with no match left out."""
    query = _Query(text)
    groups = []
    for kind, label, url_name, find in _KINDS:
        if not member_may_open(user, url_name):
            continue
        hits = list(find(user, query))
        if hits:
            groups.append(Group(kind, str(label), len(hits), hits[:MAX_HITS]))
    return groups
