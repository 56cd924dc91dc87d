"""Who may do what in an area's partnership, decided here once: :func:`may`.

- Everyone who may see the area reads its workspace: a partnership member only their own
  area's (see :func:`n4c.platform.areas.access.areas_visible_to`).
- A resident on the area's partnership, whatever their role, proposes plan items and votes;
  only in their own area, and not once their personal data is erased.
- The chair, a facilitator attached to the partnership and the staff who may change the area
  (its adviser and community worker, its hub lead, the national team) answer proposals, open
  and close decisions and set members' roles.
- Only the staff who may change the area attach other staff as observer or facilitator.
- Staff never vote: an observer only reads, a facilitator helps run the partnership.
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.access import area_for_viewing, can_edit_area, can_view_area
from n4c.platform.areas.models import Area
from n4c.platform.partnership.models import StaffAttachment, StaffRole
from n4c.platform.people.access import role_of
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident

__all__ = [
    "WorkspaceAction",
    "area_for",
    "may",
    "may_read_workspace",
    "member_record",
    "role_in_partnership",
]

WorkspaceAction = Literal[
    "read", "propose", "vote", "answer_proposal", "run_decision", "set_roles", "attach_staff"
]

_REFUSALS: dict[str, Promise] = {
    "read": _("You cannot see this partnership's workspace."),
    "propose": _("Only members of this area's partnership can propose items for its plan."),
    "vote": _("Only members of this area's partnership can vote; staff and observers do not."),
    "answer_proposal": _("Only the chair, a facilitator or the area's staff can answer proposals."),
    "run_decision": _(
        "Only the chair, a facilitator or the area's staff can open or close decisions."
    ),
    "set_roles": _("Only the chair, a facilitator or the area's staff can set members' roles."),
    "attach_staff": _("Only the area's staff can attach staff to the partnership."),
}


def member_record(user, area: Area) -> Resident | None:
    """The signed-in person's own record on ``area``'s partnership, or None (for staff, for a
    member of another area, and once their data is erased)."""
    if role_of(user) != Role.PARTNERSHIP_MEMBER:
        return None
    return Resident.objects.filter(account=user, area=area, erased_at__isnull=True).first()


def role_in_partnership(user, area: Area) -> str | None:
    """The person's role in the partnership: a resident's role (chair, member…), a member of
    staff's attachment (observer, facilitator), or None."""
    resident = member_record(user, area)
    if resident is not None:
        return resident.partnership_role
    if not user.is_authenticated:
        return None
    attachment = StaffAttachment.objects.filter(area=area, person=user).first()
    return attachment.role if attachment is not None else None


def may(user, area: Area, action: WorkspaceAction) -> bool:
    """Whether ``user`` may do ``action`` in ``area``'s partnership (see the module's rules)."""
    if not can_view_area(user, area):
        return False
    if action == "read":
        return True
    if action in ("propose", "vote"):
        return member_record(user, area) is not None
    if action == "attach_staff":
        return can_edit_area(user, area)
    role = role_in_partnership(user, area)
    return role in (Resident.PartnershipRole.CHAIR, StaffRole.FACILITATOR) or can_edit_area(
        user, area
    )


def may_read_workspace(user, area: Area) -> bool:
    return may(user, area, "read")


def area_for(user, area_id: int, action: WorkspaceAction) -> Area:
    """The area, for doing ``action`` in its partnership: 404 when ``user`` may not see it (so
    a member of another area learns nothing), 403 when they see it but may not do this."""
    area = area_for_viewing(user, area_id)
    if not may(user, area, action):
        raise PermissionDenied(_REFUSALS[action])
    return area
