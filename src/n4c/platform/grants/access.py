"""Who may see and do what on a grant panel, decided here once.

- Panels are seen by everyone who sees their area (its partnership members included).
- Staff who may change the area run the panel: its rules, members, decisions and e-mails.
- A partnership member applies in their own area, and sees their own applications.
- A panel member sees the panel's applications; the applicants' name and e-mail address only
  while the application waits for a decision (scoring needs them to spot a conflict of
  interest, nothing after that does). Staff running the panel see them until they are erased.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_editable_by, areas_visible_to, can_edit_area
from n4c.platform.grants.models import Application, Panel, PanelMember

__all__ = [
    "application_for",
    "applications_visible_to",
    "can_run_panel",
    "panel_for",
    "panels_visible_to",
    "seat_of",
    "sees_personal_data",
]


def panels_visible_to(user) -> QuerySet[Panel]:
    return Panel.objects.filter(area__in=areas_visible_to(user)).select_related("area")


def can_run_panel(user, panel: Panel) -> bool:
    return can_edit_area(user, panel.area)


def seat_of(user, panel: Panel) -> PanelMember | None:
    if not user.is_authenticated:
        return None
    return PanelMember.objects.filter(panel=panel, person=user).first()


def applications_visible_to(user) -> QuerySet[Application]:
    """Staff running the panel see its applications; a panel member their panel's; anyone
    their own."""
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.filter(panel__area__in=areas_visible_to(user))
        .filter(
            Q(panel__area__in=areas_editable_by(user))
            | Q(panel__memberships__person=user)
            | Q(submitted_by=user)
            | Q(resident__account=user)
        )
        .distinct()
        .select_related("panel", "panel__area")
    )


def sees_personal_data(user, application: Application) -> bool:
    """Whether ``user`` is shown the applicant's name and e-mail address."""
    if application.erased_at is not None:
        return False
    if can_run_panel(user, application.panel) or application.submitted_by_id == user.pk:
        return True
    if application.resident_id is not None and application.resident.account_id == user.pk:
        return True
    return not application.decided and seat_of(user, application.panel) is not None


def panel_for(user, panel_id: int) -> Panel:
    panel = panels_visible_to(user).filter(pk=panel_id).first()
    if panel is None:
        raise Http404(_("There is no grant panel with that number that you can see."))
    return panel


def application_for(user, application_id: int) -> Application:
    application = applications_visible_to(user).filter(pk=application_id).first()
    if application is None:
        raise Http404(_("There is no application with that number that you can see."))
    return application
