"""The rollout page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c import rollout
from n4c.platform.audit.services import record_export
from n4c.platform.core.exports import export_response
from n4c.platform.rollout.forms import RolloutForm
from n4c.spreadsheets import GBP
from n4c.words import number


def _gbp(amount: float) -> str:
    return f"£{number(amount, 0)}"


def _form(request) -> RolloutForm:
    form = RolloutForm(request.GET or None)
    if not form.is_bound:
        form = RolloutForm({name: field.initial for name, field in form.fields.items()})
    return form


@login_required
def rollout_page(request):
    form = _form(request)
    result = form.plan() if form.is_valid() else None
    context = {"form": form, "assumptions": None, "plan": None, "query": request.GET.urlencode()}
    if result is not None:
        assumptions, plan = result
        lines = list(plan[-1].cost.lines_gbp)
        context |= {
            "assumptions": assumptions,
            "plan": plan,
            "staff_rows": [
                (_(role.title), [year.cost.staff[role.key] for year in plan])
                for role in assumptions.roles
            ],
            "cost_rows": [
                (
                    _(rollout.cost_line_label(line)),
                    [_gbp(year.cost.lines_gbp[line]) for year in plan],
                )
                for line in lines
            ],
            "totals": [_gbp(year.cost.total_gbp) for year in plan],
        }
    return render(request, "rollout/rollout.html", context, status=200 if form.is_valid() else 400)


@login_required
def rollout_export(request, file_format: str):
    """The plan the page shows for the same assumptions: one row a year, posts and costs."""
    form = _form(request)
    result = form.plan() if form.is_valid() else None
    if result is None:
        return HttpResponse(_("Correct the assumptions on the rollout page first."), status=400)
    assumptions, plan = result
    rows = []
    for year in plan:
        row: dict[str, object] = {
            "year": year.year,
            "areas": year.areas,
            "new_areas": year.new_areas,
        }
        row |= {f"{role.key}_posts": year.cost.staff[role.key] for role in assumptions.roles}
        row["posts"] = year.cost.staff_total
        row |= {line: round(amount) for line, amount in year.cost.lines_gbp.items()}
        row["total_gbp"] = round(year.cost.total_gbp)
        rows.append(row)
    import pandas as pd  # here, not at the top: the platform starts without pandas

    frame = pd.DataFrame(rows)
    pounds = {column: GBP for column in frame.columns if column.endswith("_gbp")}
    response = export_response(
        {"rollout": frame}, name="rollout", file_format=file_format, formats=pounds
    )
    description = ngettext(
        "Rollout, %(years)s year, %(format)s", "Rollout, %(years)s years, %(format)s", len(plan)
    ) % {"years": len(plan), "format": file_format.upper()}
    record_export(request.user, "rollout.plan", description)
    return response
