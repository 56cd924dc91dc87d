"""Who may see residents' personal data: only those who may change the resident's area."""

from __future__ import annotations

from django.db.models import QuerySet

from n4c.platform.areas.access import areas_editable_by
from n4c.platform.residents.models import Resident

__all__ = ["keeps_sign_in", "residents_visible_to"]


def residents_visible_to(user) -> QuerySet[Resident]:
    # Data minimisation: a specialist or a resident reading the area's plan has no need to see
    # who sits on the partnership, so the rule is "may change the area", not "may see it".
    return Resident.objects.filter(area__in=areas_editable_by(user)).select_related("area")


def keeps_sign_in(actor, account) -> bool:
    """Whether ``actor`` looks after this partnership member's sign-in: they see the member."""
    return residents_visible_to(actor).filter(account=account).exists()
