"""Who may see and change which areas, decided here once; every area queryset starts here.

- The national team sees and changes every area.
- A hub lead sees every area and changes those in their region.
- An adviser or community worker sees every area and changes those they are assigned to now.
- A specialist sees every area and changes none.
- A partnership member sees only their own area(s) and changes none, and of those only the
  page (with its support log), the plan, the covenant, the local measures, the events for their
  area and the resources; works in their partnership's workspace; takes part in its resident
  grant panels (applies; on a panel, declares interests, scores and votes) and local measures
  (proposes them and records their values), votes in its budget votes (the ballot and,
  once published, the results) and answers its residents' surveys, once a wave:
  :func:`member_may_open` turns them away from every other address, so a page added later stays closed to them until it is added to
  :data:`MEMBER_READS`, :data:`MEMBER_ACTIONS` or :data:`MEMBER_WORKSPACE`. Each page and
  service checks the rest (their own area, their role, a seat on the panel, no conflict of
  interest, the phase).

Pages and API calls about one area fetch it with :func:`area_for_viewing` or
:func:`area_for_editing`: a missing area and one the user may not see both answer 404, so a
page does not reveal which areas exist; an area the user may see but not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from n4c.platform.areas.models import Area
from n4c.platform.people.access import is_staff_role, region_id_of, role_of
from n4c.platform.people.models import Role

__all__ = [
    "MEMBER_ACTIONS",
    "MEMBER_PANELS",
    "MEMBER_READS",
    "MEMBER_WORKSPACE",
    "area_for_editing",
    "area_for_viewing",
    "areas_editable_by",
    "areas_visible_to",
    "can_edit_area",
    "can_view_area",
    "member_may_open",
    "member_may_see_panel",
]

#: What a partnership member may read, by URL name: their areas (list, page and profile), each area's
#: plan, its support log, its community covenant and its local measures (with their photos), its
#: grant panels, its budget votes (the list, each ballot and, once published, the results), the
#: events for their area and the resources, in the pages and the API. Each page's queryset keeps them to
#: their own area (``areas_visible_to``).
MEMBER_READS = frozenset(
    {
        "areas:list",
        "areas:detail",
        "areas:profile",
        "areas:profile_map",
        "plans:detail",
        "events:list",
        "events:detail",
        "resources:list",
        "resources:detail",
        "api:list_areas",
        "api:get_area",
        "api:list_snapshots",
        "api:get_plan",
        "api:list_entries",
        "covenants:detail",
        "api:get_covenant",
        "measures:list",
        "measures:photo",
        "measures:propose",
        "measures:record",
        "api:list_measures",
        "grants:area",
        "grants:panel",
        "grants:apply",
        "grants:application",
        "api:list_events",
        "api:list_resources",
        "api:get_resource",
        "budgets:area",
        "budgets:ballot",
        "budgets:results",
        "api:list_budget_votes",
        "api:get_budget_vote",
        "api:list_grant_panels",
        "api:get_grant_panel",
        "right_to_bid:nominate",
        "surveys:waves",
        "surveys:respond",
        # The search, which shows them only the kinds above, of their own area.
        "search:results",
    }
)
#: The partnership workspace, where members also act (propose, vote; the chair answers and
#: opens and closes decisions): open to them with every method, and each page checks their
#: role in the area's partnership (``n4c.platform.partnership.access.may``).
MEMBER_WORKSPACE = frozenset(
    {
        "partnership:workspace",
        "partnership:roles",
        "partnership:propose",
        "partnership:proposal",
        "partnership:accept",
        "partnership:decline",
        "partnership:open_decision",
        "partnership:decision",
        "partnership:vote",
        "partnership:close",
        "api:list_proposals",
        "api:add_proposal",
        "api:list_decisions",
        "api:get_decision",
        "api:add_vote",
    }
)
#: What a partnership member may send, by URL name: a proposed local measure and a measure's
#: value (pages and API; django-ninja names a path by its first method, so proposing through
#: the API answers to ``api:list_measures``), a grant application to their area's panel and,
#: when they sit on it, their declarations, scores, votes and decisions; their own ballot in
#: their area's budget vote (page and API); a draft nomination of an asset in their area.
MEMBER_ACTIONS = frozenset(
    {
        "measures:propose",
        "measures:record",
        "api:list_measures",
        "api:record_value",
        "grants:apply",
        "grants:declare",
        "grants:score",
        "grants:vote",
        "grants:decide",
        "budgets:ballot",
        "api:cast_ballot",
        "surveys:respond",
        # The plain-English check beside a text box they write in (a grant panel's reasons).
        "plain:check",
        "right_to_bid:nominate",
    }
)
#: The parts of the area page a partnership member sees: the support log, the community
#: covenant and the local measures (not the staff panel).
MEMBER_PANELS = frozenset({"support", "covenant", "measures"})
# Signing in and out, choosing one's own password and one's language are open to everyone.
_ACCOUNT_PAGES = frozenset(
    {"home", "login", "logout", "set_password", "set_password_done", "set_language"}
)
_READING = frozenset({"GET", "HEAD", "OPTIONS"})


def member_may_open(user, url_name: str, method: str = "GET") -> bool:
    """Whether ``user`` may open the address named ``url_name``: always, unless they are a
    partnership member, who may only read :data:`MEMBER_READS`, send :data:`MEMBER_ACTIONS`,
    work in :data:`MEMBER_WORKSPACE` (and sign in and out)."""
    if role_of(user) != Role.PARTNERSHIP_MEMBER or url_name in _ACCOUNT_PAGES:
        return True
    if url_name in MEMBER_WORKSPACE:
        return True
    if method in _READING:
        return url_name in MEMBER_READS
    return url_name in MEMBER_ACTIONS


def member_may_see_panel(user, panel_name: str) -> bool:
    """Whether the area page shows ``user`` the panel named ``panel_name`` (see
    :data:`MEMBER_PANELS`)."""
    return role_of(user) != Role.PARTNERSHIP_MEMBER or panel_name in MEMBER_PANELS


def areas_visible_to(user) -> QuerySet[Area]:
    if is_staff_role(user):
        return Area.objects.all()
    if role_of(user) == Role.PARTNERSHIP_MEMBER:
        return Area.objects.filter(partnership_members=user)
    return Area.objects.none()


def areas_editable_by(user) -> QuerySet[Area]:
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return Area.objects.all()
    if role == Role.HUB_LEAD:
        return Area.objects.filter(region_id=region_id_of(user))
    if role in (Role.ADVISER, Role.COMMUNITY_WORKER):
        return Area.objects.filter(
            assignments__person=user, assignments__ended_on__isnull=True
        ).distinct()
    return Area.objects.none()


def can_view_area(user, area: Area) -> bool:
    """The same rule as :func:`areas_visible_to` for one area; staff need no query."""
    if is_staff_role(user):
        return True
    return areas_visible_to(user).filter(pk=area.pk).exists()


def can_edit_area(user, area: Area) -> bool:
    """The same rule as :func:`areas_editable_by` for one area, without a query where it can."""
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return True
    if role == Role.HUB_LEAD:
        return area.region_id == region_id_of(user)
    return areas_editable_by(user).filter(pk=area.pk).exists()


def area_for_viewing(user, area_id: int) -> Area:
    area = areas_visible_to(user).select_related("region").filter(pk=area_id).first()
    if area is None:
        raise Http404(_("There is no area with that number that you can see."))
    return area


def area_for_editing(user, area_id: int) -> Area:
    area = area_for_viewing(user, area_id)
    if not can_edit_area(user, area):
        raise PermissionDenied(_("You can read this area but not change it."))
    return area
