from __future__ import annotations

from django import forms

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.plans.models import Action, AreaPlan, Milestone, Priority


class DateInput(forms.DateInput):
    input_type = "date"


class VisionForm(PlainModelForm):
    class Meta:
        model = AreaPlan
        fields = ["vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}


class PriorityForm(PlainModelForm):
    class Meta:
        model = Priority
        fields = ["theme", "title"]
        error_messages = {
            "title": {"required": "Enter the priority, like “Somewhere for young people to go”."}
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
        labels = {"due_on": "Due date", "description": "What will be done"}
        widgets = {"due_on": DateInput()}
        error_messages = {
            "description": {"required": "Enter what will be done."},
            "owner": {"required": "Enter who will do it."},
            "due_on": {
                "required": "Enter the due date, like 27 3 2027.",
                "invalid": "Enter a real date, like 27 3 2027.",
            },
        }


class ActionStatusForm(PlainForm):
    status = forms.ChoiceField(choices=Action.Status.choices)


class MilestoneForm(PlainModelForm):
    """Shown on the plan page beside the priority form, which has a title too: its own ids
    (``id_milestone_title``) keep each label on its own input."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_milestone_%s")
        super().__init__(*args, **kwargs)

    class Meta:
        model = Milestone
        fields = ["title", "target_on"]
        labels = {"target_on": "Target date"}
        widgets = {"target_on": DateInput()}
        error_messages = {
            "title": {"required": "Enter the milestone."},
            "target_on": {
                "required": "Enter the target date, like 27 3 2027.",
                "invalid": "Enter a real date, like 27 3 2027.",
            },
        }


class YearZeroForm(PlainForm):
    done_on = forms.DateField(required=False, widget=DateInput(), label="Done on")
