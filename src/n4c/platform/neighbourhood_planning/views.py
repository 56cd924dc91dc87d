"""Neighbourhood-plan pages: open a plan for an area, record its stages, see the dates that follow.

The area's register page lists its plans (see :func:`area_plans_panel`); the dates appear in the
same calendars and feed as right-to-bid cases.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.assets.access import area_for_editing, area_for_viewing, can_edit_area_assets
from n4c.platform.assets.forms import WithdrawForm
from n4c.platform.assets.services import timeline
from n4c.platform.assets.views import register_page
from n4c.platform.core.forms import apply_service
from n4c.platform.neighbourhood_planning.access import plans_visible_to
from n4c.platform.neighbourhood_planning.forms import PlanForm, PlanStageForm
from n4c.platform.neighbourhood_planning.services import (
    open_plan,
    plan_deadlines,
    record_plan_stage,
    withdraw_stage,
)


def area_plans_panel(request, area) -> dict:
    """The register page's section: the area's plans, and the form to add one for those who may."""
    return {
        "area": area,
        "plans": plans_visible_to(request.user).filter(area=area),
        "can_edit": can_edit_area_assets(request.user, area),
        "plan_form": PlanForm(initial={"opened_on": dt.date.today()}),
    }


@login_required
@require_POST
def plan_create(request, area_id: int):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    form = PlanForm(request.POST)
    plan = apply_service(form, lambda data: open_plan(request.user, area, **data))
    if plan is None:
        return register_page(request, area, bound={"plan_form": form})
    messages.success(request, _("Neighbourhood plan added. Record its stages to see its dates."))
    return redirect(plan)


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(plans_visible_to(request.user).select_related("area"), pk=pk)
    action = request.POST.get("action", "stage") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    form = PlanStageForm(data if action == "stage" else None)
    stages = list(plan.stages.all())
    withdraw_form = WithdrawForm(data if action == "withdraw" else None, events=stages)
    if request.method == "POST":
        area_for_editing(request.user, plan.area)
        chosen, change, done = (
            (
                withdraw_form,
                withdraw_stage,
                _("Stage withdrawn; the dates below no longer count it."),
            )
            if action == "withdraw"
            else (form, record_plan_stage, _("Stage recorded; the dates below include it."))
        )
        if apply_service(chosen, lambda data: change(request.user, plan, **data)):
            messages.success(request, done)
            return redirect(plan)
    return render(
        request,
        "neighbourhood_planning/plan_detail.html",
        {
            "plan": plan,
            "timeline": timeline(stages, plan_deadlines(plan)),
            "withdraw_form": withdraw_form if withdraw_form.fields["event_id"].choices else None,
            "form": form,
            "can_edit": can_edit_area_assets(request.user, plan.area),
            "today": dt.date.today(),
        },
    )
