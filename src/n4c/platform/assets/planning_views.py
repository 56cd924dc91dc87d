"""Neighbourhood-plan pages: open a plan for an area, record its stages, see the dates that follow.

The dates come from the same engine and appear in the same calendars and feed as asset cases.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from n4c.platform.assets.access import (
    area_for_editing,
    area_for_viewing,
    can_edit_area_assets,
    plan_cases_visible_to,
)
from n4c.platform.assets.forms import PlanCaseForm, PlanStageForm
from n4c.platform.assets.services import case_deadlines, open_plan_case, record_plan_stage


@login_required
@require_POST
def plan_case_create(request, area_id: int):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    form = PlanCaseForm(request.POST)
    if form.is_valid():
        case = open_plan_case(request.user, area, **form.cleaned_data)
        messages.success(request, "Neighbourhood plan added. Record its stages to see its dates.")
        return redirect(case)
    messages.error(request, "Give the plan a title and the date work began.")
    return redirect("assets:register", area_id=area.pk)


@login_required
def plan_case_detail(request, pk: int):
    case = get_object_or_404(plan_cases_visible_to(request.user).select_related("area"), pk=pk)
    can_edit = can_edit_area_assets(request.user, case.area)
    form = PlanStageForm(request.POST or None)
    if request.method == "POST":
        area_for_editing(request.user, case.area)
        if form.is_valid():
            try:
                record_plan_stage(request.user, case, **form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, "Stage recorded; the dates below include it.")
                return redirect(case)
    timeline = [("event", e.date, e) for e in case.events.all()] + [
        ("deadline", d.date, d) for d in case_deadlines(case)
    ]
    timeline.sort(key=lambda item: (item[1], item[0] == "deadline"))
    return render(
        request,
        "assets/plan_case_detail.html",
        {
            "case": case,
            "timeline": timeline,
            "form": form,
            "can_edit": can_edit,
            "today": dt.date.today(),
        },
    )
