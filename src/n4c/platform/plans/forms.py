from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.plans.models import Action, AreaPlan, Milestone, Priority


class DateInput(forms.DateInput):
    input_type = "date"


class VisionForm(PlainModelForm):
    class Meta:
        model = AreaPlan
        fields = ["vision"]
        labels = {"vision": _("Vision")}
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}


class PriorityForm(PlainModelForm):
    class Meta:
        model = Priority
        fields = ["theme", "title"]
        labels = {"theme": _("Theme"), "title": _("Title")}
        error_messages = {
            "title": {"required": _("Enter the priority, like “Somewhere for young people to go”.")}
        }


class ActionForm(PlainModelForm):
    def __init__(self, *args, plan: AreaPlan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        priorities = self.fields["priority"]
        priorities.queryset = plan.priorities.all() if plan else Priority.objects.none()  # type: ignore[attr-defined]
        priorities.required = False

    class Meta:
        model = Action
        fields = ["description", "owner", "due_on", "priority"]
        labels = {
            "description": _("What will be done"),
            "owner": _("Owner"),
            "due_on": _("Due date"),
            "priority": _("Priority"),
        }
        widgets = {"due_on": DateInput()}
        error_messages = {
            "description": {"required": _("Enter what will be done.")},
            "owner": {"required": _("Enter who will do it.")},
            "due_on": {
                "required": _("Enter the due date, like 27 3 2027."),
                "invalid": _("Enter a real date, like 27 3 2027."),
            },
        }


class ActionStatusForm(PlainForm):
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)


class MilestoneForm(PlainModelForm):
    """Shown on the plan page beside the priority form, which has a title too: its own ids
    (``id_milestone_title``) keep each label on its own input."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_milestone_%s")
        super().__init__(*args, **kwargs)

    class Meta:
        model = Milestone
        fields = ["title", "target_on"]
        labels = {"title": _("Title"), "target_on": _("Target date")}
        widgets = {"target_on": DateInput()}
        error_messages = {
            "title": {"required": _("Enter the milestone.")},
            "target_on": {
                "required": _("Enter the target date, like 27 3 2027."),
                "invalid": _("Enter a real date, like 27 3 2027."),
            },
        }


class YearZeroForm(PlainForm):
    done_on = forms.DateField(required=False, widget=DateInput(), label=_("Done on"))
