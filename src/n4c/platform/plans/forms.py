from __future__ import annotations

from django import forms

from n4c.platform.plans.models import Action, AreaPlan, Milestone, Priority


class DateInput(forms.DateInput):
    input_type = "date"


class VisionForm(forms.ModelForm):
    class Meta:
        model = AreaPlan
        fields = ["vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 4})}


class PriorityForm(forms.ModelForm):
    class Meta:
        model = Priority
        fields = ["theme", "title"]
        error_messages = {
            "title": {"required": "Enter the priority, like “Somewhere for young people to go”."}
        }


class ActionForm(forms.ModelForm):
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


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Action.Status.choices)


class MilestoneForm(forms.ModelForm):
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


class YearZeroForm(forms.Form):
    done_on = forms.DateField(required=False, widget=DateInput(), label="Done on")
