"""Finding resources: every word of the query must appear in the title, summary, text or a tag."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from n4c.platform.people.access import role_of
from n4c.platform.people.models import Role
from n4c.platform.resources.models import Resource

__all__ = ["can_manage_resources", "resources_visible_to", "search_resources"]


def resources_visible_to(user) -> QuerySet[Resource]:
    # Guidance is for residents as much as staff: every signed-in person may read it.
    if not user.is_authenticated:
        return Resource.objects.none()
    return Resource.objects.prefetch_related("tags")


def can_manage_resources(user) -> bool:
    return role_of(user) in (Role.NATIONAL_TEAM, Role.HUB_LEAD, Role.SPECIALIST)


def search_resources(
    resources: QuerySet[Resource], query: str = "", *, tag: str = "", kind: str = ""
) -> QuerySet[Resource]:
    """Resources matching every word of ``query`` (any field, any case), a tag and a kind.

    ``icontains`` rather than a database full-text index, so SQLite and PostgreSQL give the
    same answers; a few hundred documents do not need more.
    """
    for word in query.split():
        resources = resources.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(tags__name__icontains=word)
        )
    if tag:
        resources = resources.filter(tags__name__iexact=tag)
    if kind in Resource.Kind.values:
        resources = resources.filter(kind=kind)
    return resources.distinct()
