"""Who may be named an area's adviser or community worker, and by whom, decided once here.

The national team names anyone in those roles who can still sign in; a hub lead only their own
region's staff, to the areas of their region (``can_assign``). The page's choice of people, the
API and the service all start from :func:`people_assignable_by`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from n4c.platform.caseloads.models import AssignmentRole
from n4c.platform.core.acting import Actor, is_platform
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role, display_name

__all__ = ["check_assignable", "people_assignable_by"]


def people_assignable_by(actor: Actor) -> QuerySet:
    """The advisers and community workers who can still sign in, and whom ``actor`` may assign."""
    people = get_user_model().objects.filter(
        profile__role__in=AssignmentRole.values, is_active=True
    )
    if is_platform(actor) or role_of(actor) == Role.NATIONAL_TEAM:
        return people
    if role_of(actor) == Role.HUB_LEAD:
        return people.filter(profile__region_id=region_id_of(actor))
    return people.none()


def check_assignable(actor: Actor, person) -> None:
    """Refuse, with a sentence to act on, a person ``actor`` may not name to an area."""
    if people_assignable_by(actor).filter(pk=person.pk).exists():
        return
    name = display_name(person)
    if not person.is_active:
        raise ValidationError(
            _(
                "%(name)s can no longer sign in, so cannot hold an area. Choose someone who "
                "works for the Network now."
            )
            % {"name": name},
            code="inactive",
        )
    if role_of(person) not in AssignmentRole.values:
        raise ValidationError(
            _("%(name)s is not an adviser or community worker. Choose one of them.")
            % {"name": name},
            code="wrong_role",
        )
    raise ValidationError(
        _(
            "%(name)s works in another region. A hub lead assigns their own region's staff; "
            "ask the national team to assign someone from elsewhere."
        )
        % {"name": name},
        code="other_region",
    )
