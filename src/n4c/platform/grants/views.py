"""Grant panel pages: an area's panels, one panel, applying, and one application's record."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import area_for_viewing, can_edit_area
from n4c.platform.core.forms import add_service_error, apply_service
from n4c.platform.grants import outcomes, publishing, services
from n4c.platform.grants.access import (
    application_for,
    applications_visible_to,
    can_run_panel,
    panel_for,
    seat_of,
    sees_personal_data,
)
from n4c.platform.grants.forms import (
    ApplicationForm,
    DecisionForm,
    DeclarationForm,
    PanelForm,
    ScoreForm,
    SeatForm,
    VoteForm,
)
from n4c.platform.grants.models import BUDGET_NAMES, Application, Panel, Phase
from n4c.platform.grants.personal_data import erase_application


@login_required
def area_panels(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    runs = can_edit_area(request.user, area)
    form = PanelForm(request.POST or None, request.FILES or None, area=area) if runs else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only staff who work with this area can add a grant panel."))
        panel = apply_service(form, lambda data: services.create_panel(request.user, area, **data))
        if panel is not None:
            messages.success(
                request, _("%(panel)s is added. Now choose who sits on it.") % {"panel": panel}
            )
            return redirect(panel)
    return render(
        request,
        "grants/area_panels.html",
        {"area": area, "panels": area.grant_panels.all(), "form": form},
        status=400 if form is not None and form.errors else 200,
    )


def _budgets(panel: Panel) -> list[dict[str, Any]]:
    return [
        {
            "label": label,
            "budget": panel.budget_gbp(kind),
            "awarded": services.spent_gbp(panel, kind),
            "left": services.left_to_spend_gbp(panel, kind),
        }
        for kind, label in BUDGET_NAMES.items()
    ]


def _panel_page(request, panel: Panel, status: int = 200, seat_form: SeatForm | None = None):
    runs = can_run_panel(request.user, panel)
    seat = seat_of(request.user, panel)
    applications = applications_visible_to(request.user).filter(panel=panel)
    return render(
        request,
        "grants/panel_detail.html",
        {
            "panel": panel,
            "area": panel.area,
            "phase": panel.phase_on(timezone.localdate()),
            "Phase": Phase,
            "runs": runs,
            "seat": seat,
            "budgets": _budgets(panel),
            "seats": panel.memberships.select_related("person"),
            "seat_form": seat_form or (SeatForm(panel=panel) if runs else None),
            "applications": [(a, sees_personal_data(request.user, a)) for a in applications],
        },
        status=status,
    )


@login_required
def panel_detail(request, pk: int):
    return _panel_page(request, panel_for(request.user, pk))


@login_required
@require_POST
def add_seat(request, pk: int):
    panel = panel_for(request.user, pk)
    form = SeatForm(request.POST, panel=panel)
    seat = apply_service(
        form, lambda data: services.add_panel_member(request.user, panel, data["person"])
    )
    if seat is None:
        return _panel_page(request, panel, 400, seat_form=form)
    messages.success(request, _("%(person)s is on the panel.") % {"person": seat})
    return redirect(panel)


@login_required
@require_POST
def remove_seat(request, pk: int, seat_id: int):
    panel = panel_for(request.user, pk)
    try:
        services.remove_panel_member(request.user, get_object_or_404(panel.memberships, pk=seat_id))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("They are no longer on the panel."))
    return redirect(panel)


@login_required
def apply(request, pk: int):
    panel = panel_for(request.user, pk)
    form = ApplicationForm(request.POST or None)
    application = (
        apply_service(
            form,
            lambda data: services.submit_application(
                request.user, panel, consent_given=data.pop("consent_given"), **data
            ),
        )
        if request.method == "POST"
        else None
    )
    if application is not None:
        messages.success(request, _("The application is sent to the panel."))
        return redirect(application)
    return render(
        request,
        "grants/apply.html",
        {"panel": panel, "phase": panel.phase_on(timezone.localdate()), "form": form},
        status=400 if form.errors else 200,
    )


def _application_page(request, application: Application, status: int = 200, **forms: Any):
    panel = application.panel
    seat = seat_of(request.user, panel)
    runs = can_run_panel(request.user, panel)
    declaration = application.declarations.filter(member=seat).first() if seat else None
    return render(
        request,
        "grants/application_detail.html",
        {
            "application": application,
            "panel": panel,
            "phase": panel.phase_on(timezone.localdate()),
            "Phase": Phase,
            "runs": runs,
            "seat": seat,
            "declaration": declaration,
            "personal": sees_personal_data(request.user, application),
            "declarations": application.declarations.select_related("member__person"),
            "summary": services.score_summary(application),
            "tally": services.vote_tally(application),
            # A refused form may not be shown in this phase: its reasons head the page.
            "problems": [
                message
                for form in forms.values()
                for messages_ in form.errors.values()
                for message in messages_
            ],
            "declaration_form": forms.get("declaration_form") or DeclarationForm(),
            "score_form": forms.get("score_form") or ScoreForm(panel=panel),
            "vote_form": forms.get("vote_form") or VoteForm(),
            "decision_form": forms.get("decision_form") or DecisionForm(),
        },
        status=status,
    )


@login_required
def application_detail(request, pk: int):
    return _application_page(request, application_for(request.user, pk))


def _act(
    request,
    pk: int,
    form_name: str,
    make_form: Callable[[Application], Any],
    change: Callable[[Application, Any], object],
    done: str,
):
    """Check the form, run the service and go back to the application, or show the refusal."""
    application = application_for(request.user, pk)
    form = make_form(application)
    if form.is_valid():
        try:
            change(application, form)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect(application)
    return _application_page(request, application, 400, **{form_name: form})


@login_required
@require_POST
def declare(request, pk: int):
    return _act(
        request,
        pk,
        "declaration_form",
        lambda _: DeclarationForm(request.POST),
        lambda application, form: services.declare_interest(
            request.user, application, **form.cleaned_data
        ),
        _("Your declaration is recorded."),
    )


@login_required
@require_POST
def score(request, pk: int):
    return _act(
        request,
        pk,
        "score_form",
        lambda application: ScoreForm(request.POST, panel=application.panel),
        lambda application, form: services.score_application(
            request.user, application, scores=form.scores(), comment=form.cleaned_data["comment"]
        ),
        _("Your scores are recorded."),
    )


@login_required
@require_POST
def vote(request, pk: int):
    return _act(
        request,
        pk,
        "vote_form",
        lambda _: VoteForm(request.POST),
        lambda application, form: services.vote(request.user, application, **form.cleaned_data),
        _("Your vote is recorded."),
    )


@login_required
@require_POST
def decide(request, pk: int):
    return _act(
        request,
        pk,
        "decision_form",
        lambda _: DecisionForm(request.POST),
        lambda application, form: services.decide(request.user, application, **form.cleaned_data),
        _("The decision is recorded."),
    )


@login_required
@require_POST
def erase(request, pk: int):
    application = application_for(request.user, pk)
    if not can_run_panel(request.user, application.panel):
        raise PermissionDenied(
            _("Only staff who work with this area can erase an applicant's data.")
        )
    erase_application(request.user, application)
    messages.success(request, _("The applicant's name and email address are erased."))
    return redirect(application)


@login_required
@require_POST
def send_outcomes(request, pk: int):
    panel = panel_for(request.user, pk)
    try:
        sent = outcomes.send_outcomes(request.user, panel)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext("%(count)s decision email sent.", "%(count)s decision emails sent.", sent)
            % {"count": sent},
        )
    return redirect(panel)


@login_required
def published(request, pk: int):
    panel = panel_for(request.user, pk)
    try:
        package = publishing.grants_package(request.user, panel)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(panel)
    response = HttpResponse(
        json.dumps(package, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    disposition = f'attachment; filename="grants-panel-{panel.pk}.json"'
    response["Content-Disposition"] = disposition  # untranslated: an HTTP header
    return response
