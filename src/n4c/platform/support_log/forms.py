from __future__ import annotations

import datetime as dt

from django import forms

from n4c.platform.core.forms import PlainModelForm
from n4c.platform.support_log.models import Kind, SupportEntry


class SupportEntryForm(PlainModelForm):
    class Meta:
        model = SupportEntry
        fields = ["date", "kind", "days", "notes", "follow_ups"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "days": forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "max": "5"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "follow_ups": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"days": "Time in days", "follow_ups": "Follow-ups"}
        help_texts = {"days": "In days or half days, like 0.5 or 1."}
        error_messages = {
            "date": {"required": "Enter the date of the support, like 2026-03-14."},
            "days": {"required": "Enter the time in days or half days, like 0.5 or 1."},
            "kind": {"required": "Choose what kind of support it was."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = dt.date.today()
        self.fields["kind"].initial = Kind.VISIT

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > dt.date.today():
            raise forms.ValidationError("The date of the support must be today or in the past.")
        return date
