"""The rollout page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from n4c.platform.rollout.forms import RolloutForm


def _gbp(amount: float) -> str:
    return f"£{amount:,.0f}"


@login_required
def rollout_page(request):
    form = RolloutForm(request.GET or None)
    if not form.is_bound:
        form = RolloutForm({name: field.initial for name, field in form.fields.items()})
    result = form.plan() if form.is_valid() else None
    context = {"form": form, "assumptions": None, "plan": None}
    if result is not None:
        assumptions, plan = result
        lines = list(plan[-1].cost.lines_gbp)
        context |= {
            "assumptions": assumptions,
            "plan": plan,
            "staff_rows": [
                (role.title, [year.cost.staff[role.key] for year in plan])
                for role in assumptions.roles
            ],
            "cost_rows": [
                (
                    line.removesuffix("_gbp").replace("_", " ").capitalize(),
                    [_gbp(year.cost.lines_gbp[line]) for year in plan],
                )
                for line in lines
            ],
            "totals": [_gbp(year.cost.total_gbp) for year in plan],
        }
    return render(request, "rollout/rollout.html", context, status=200 if form.is_valid() else 400)
