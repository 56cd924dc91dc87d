"""Plan pages: every area's plan at a glance, one area's plan, and the forms that change it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import (
    area_for_editing,
    area_for_viewing,
    areas_editable_by,
    areas_visible_to,
)
from n4c.platform.core.forms import apply_service
from n4c.platform.core.sorting import sorted_page
from n4c.platform.plans import services
from n4c.platform.plans.forms import (
    ActionForm,
    ActionStatusForm,
    MilestoneForm,
    PriorityForm,
    VisionForm,
    YearZeroForm,
)
from n4c.platform.plans.hooks import plan_panels_for
from n4c.platform.plans.models import YEAR_ZERO_CHECKLIST, Action, AreaPlan, Milestone

#: The plan list's columns, by their name in the address.
_SORTS = {"area": "name", "stage": "stage", "region": "region__name"}


@login_required
def plan_list(request):
    visible = areas_visible_to(request.user).select_related("region")
    listing = sorted_page(request, visible, sorts=_SORTS, default="area")
    areas = list(listing.page)
    plans = {
        plan.area_id: plan
        for plan in AreaPlan.objects.filter(area__in=areas).annotate(
            actions_total=Count("actions", distinct=True),
            actions_done=Count(
                "actions", filter=Q(actions__status=Action.Status.DONE), distinct=True
            ),
            year_zero_done=Count("year_zero", distinct=True),
        )
    }
    rows = [(area, plans.get(area.pk)) for area in areas]
    return render(
        request,
        "plans/plan_list.html",
        {"rows": rows, "listing": listing, "year_zero_total": len(YEAR_ZERO_CHECKLIST)},
    )


def _render_detail(request, area, status: int = 200, **forms):
    plan = AreaPlan.objects.filter(area=area).first()
    can_edit = areas_editable_by(request.user).filter(pk=area.pk).exists()
    context = {
        "area": area,
        "plan": plan,
        "can_edit": can_edit,
        "priorities": plan.priorities.all() if plan else [],
        "actions": plan.actions.select_related("priority") if plan else [],
        "milestones": plan.milestones.all() if plan else [],
        "year_zero": services.year_zero_items(plan),
        "statuses": Action.Status.choices,
        "plan_panels": plan_panels_for(request, area),
    }
    if can_edit:
        context |= {
            "vision_form": forms.get("vision_form") or VisionForm(instance=plan),
            "priority_form": forms.get("priority_form") or PriorityForm(),
            "action_form": forms.get("action_form") or ActionForm(plan=plan),
            "milestone_form": forms.get("milestone_form") or MilestoneForm(),
        }
    return render(request, "plans/plan_detail.html", context, status=status)


@login_required
def plan_detail(request, area_id: int):
    return _render_detail(request, area_for_viewing(request.user, area_id))


@login_required
@require_POST
def edit_vision(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    plan = services.plan_for(request.user, area)
    form = VisionForm(request.POST, instance=plan)
    if not form.is_valid():
        return _render_detail(request, area, 400, vision_form=form)
    services.set_vision(request.user, plan, form.cleaned_data["vision"])
    messages.success(request, _("The vision is saved."))
    return redirect("plans:detail", area.pk)


def _add_to_plan(request, area_id: int, form_name: str, make_form, add, done: str):
    """Validate a form that adds one item to the area's plan; on errors show the page again."""
    area = area_for_editing(request.user, area_id)
    plan = services.plan_for(request.user, area)
    form = make_form(request.POST, plan)
    if not form.is_valid():
        return _render_detail(request, area, 400, **{form_name: form})
    add(request.user, plan, **form.cleaned_data)
    messages.success(request, done)
    return redirect("plans:detail", area.pk)


@login_required
@require_POST
def add_priority(request, area_id: int):
    return _add_to_plan(
        request,
        area_id,
        "priority_form",
        lambda data, plan: PriorityForm(data),
        services.add_priority,
        _("The priority is added."),
    )


@login_required
@require_POST
def add_action(request, area_id: int):
    return _add_to_plan(
        request,
        area_id,
        "action_form",
        lambda data, plan: ActionForm(data, plan=plan),
        services.add_action,
        _("The action is added."),
    )


@login_required
@require_POST
def action_status(request, area_id: int, action_id: int):
    area = area_for_editing(request.user, area_id)
    action = get_object_or_404(Action, pk=action_id, plan__area=area)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.set_action_status(request.user, action, form.cleaned_data["status"])
        if not request.htmx:
            status = action.get_status_display().lower()
            messages.success(
                request, _("“%(action)s” is now %(status)s.") % {"action": action, "status": status}
            )
    if request.htmx:  # swap the status cell alone, saying what was saved
        context = {"area": area, "action": action, "statuses": Action.Status.choices}
        return render(
            request,
            "plans/_action_status.html",
            context | {"saved": form.is_valid()},
            status=200 if form.is_valid() else 400,
        )
    return redirect("plans:detail", area.pk)


@login_required
@require_POST
def add_milestone(request, area_id: int):
    return _add_to_plan(
        request,
        area_id,
        "milestone_form",
        lambda data, plan: MilestoneForm(data),
        services.add_milestone,
        _("The milestone is added."),
    )


@login_required
@require_POST
def milestone_reached(request, area_id: int, milestone_id: int):
    area = area_for_editing(request.user, area_id)
    milestone = get_object_or_404(Milestone, pk=milestone_id, plan__area=area)
    form = YearZeroForm(request.POST)  # the same single optional date: empty means not reached
    if form.is_valid():
        services.set_milestone_reached(request.user, milestone, form.cleaned_data["done_on"])
        messages.success(request, _("“%(milestone)s” is updated.") % {"milestone": milestone})
    return redirect("plans:detail", area.pk)


@login_required
@require_POST
def year_zero(request, area_id: int, item: str):
    area = area_for_editing(request.user, area_id)
    if item not in dict(YEAR_ZERO_CHECKLIST):
        raise Http404(_("There is no such Year Zero checklist item."))
    form = YearZeroForm(request.POST)
    apply_service(
        form,
        lambda data: services.set_year_zero(
            request.user, services.plan_for(request.user, area), item, data["done_on"]
        ),
    )
    # The checklist has no form of its own to show a refusal on (ticked by someone else at the
    # same moment), so it shows above the plan.
    for error in form.non_field_errors():
        messages.error(request, error)
    return redirect("plans:detail", area.pk)
