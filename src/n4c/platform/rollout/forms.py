"""One form field per assumption of :mod:`n4c.rollout`, built from the defaults file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c import rollout
from n4c.errors import InputError
from n4c.platform.core.forms import PlainForm, add_service_error
from n4c.rollout import bounds


def _label(name: str) -> str:
    return gettext(rollout.cost_line_label(name))


class RolloutForm(PlainForm):
    areas = forms.IntegerField(
        min_value=bounds.AREAS.minimum,
        max_value=bounds.AREAS.maximum,
        initial=100,
        label=_("Areas by the last year"),
        error_messages={"required": _("Enter how many areas, like 100.")},
    )
    years = forms.IntegerField(
        min_value=bounds.YEARS.minimum,
        max_value=bounds.YEARS.maximum,
        initial=3,
        label=_("Years to get there"),
        error_messages={"required": _("Enter how many years, like 3.")},
    )
    profile = forms.ChoiceField(
        choices=[
            ("even", _("The same number of new areas each year")),
            ("ramp", _("Start small: 1 : 2 : 3 …")),
        ],
        label=_("How areas join"),
    )
    on_costs_percent = forms.DecimalField(
        min_value=bounds.ON_COSTS_PERCENT.minimum,
        max_value=bounds.ON_COSTS_PERCENT.maximum,
        decimal_places=2,
        # xgettext:no-python-format
        label=_("On-costs (% of pay)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        defaults = rollout.default_assumptions()
        self.fields["profile"].initial = defaults.profile
        self.fields["on_costs_percent"].initial = defaults.on_costs_percent
        self.role_fields: list[tuple[str, str, str]] = []
        for role in defaults.roles:
            per_post, salary = f"{role.key}__areas_per_post", f"{role.key}__salary_gbp"
            self.fields[per_post] = forms.DecimalField(
                min_value=bounds.AREAS_PER_POST.minimum,
                max_value=bounds.AREAS_PER_POST.maximum,
                initial=role.areas_per_post,
                label=gettext("%(role)s: areas per post") % {"role": gettext(role.title)},
            )
            self.fields[salary] = forms.DecimalField(
                min_value=bounds.SALARY_GBP.minimum,
                max_value=bounds.SALARY_GBP.maximum,
                initial=role.salary_gbp,
                label=gettext("%(role)s: salary (£ a year)") % {"role": gettext(role.title)},
            )
            self.role_fields.append((gettext(role.title), per_post, salary))
        self.cost_fields: list[tuple[str, str]] = []
        for table, lines in (
            ("per_post", defaults.per_post_gbp),
            ("per_area", defaults.per_area_gbp),
            ("fixed", defaults.fixed_gbp),
        ):
            label = {
                "per_post": gettext("%(line)s (£ a year per post)"),
                "per_area": gettext("%(line)s (£ a year per area)"),
                "fixed": gettext("%(line)s (£ a year)"),
            }[table]
            for name, amount in lines.items():
                key = f"{table}__{name}"
                self.fields[key] = forms.DecimalField(
                    min_value=bounds.COST_LINE_GBP.minimum,
                    max_value=bounds.COST_LINE_GBP.maximum,
                    initial=amount,
                    label=label % {"line": _label(name)},
                )
                self.cost_fields.append((table, key))

    def override(self) -> dict[str, Any]:
        """The assumptions the form changes, laid over the defaults by :func:`n4c.rollout.merge_assumptions`."""
        data = self.cleaned_data
        costs: dict[str, Any] = {"on_costs_percent": float(data["on_costs_percent"])}
        for table, key in self.cost_fields:
            costs.setdefault(table, {})[key.split("__", 1)[1]] = float(data[key])
        roles = [
            {
                "key": per_post.split("__", 1)[0],
                "areas_per_post": float(data[per_post]),
                "salary_gbp": float(data[salary]),
            }
            for _title, per_post, salary in self.role_fields
        ]
        return {"phasing": {"profile": data["profile"]}, "costs": costs, "roles": roles}

    def plan(self) -> tuple[rollout.Assumptions, list[rollout.RolloutYear]] | None:
        """The assumptions and the year-by-year plan, or None with the problem added to the form."""
        try:
            merged = rollout.merge_assumptions(rollout.default_assumptions_dict(), self.override())
            assumptions = rollout.assumptions_from_dict(merged)
            return assumptions, rollout.plan_rollout(
                self.cleaned_data["areas"], self.cleaned_data["years"], assumptions
            )
        except InputError as error:
            add_service_error(self, error)
            return None
