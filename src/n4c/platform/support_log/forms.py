from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

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
        labels = {
            "date": _("Date"),
            "kind": _("Kind"),
            "days": _("Time in days"),
            "notes": _("Notes"),
            "follow_ups": _("Follow-ups"),
        }
        help_texts = {"days": _("In days or half days, like 0.5 or 1.")}
        error_messages = {
            "date": {"required": _("Enter the date of the support, like 2026-03-14.")},
            "days": {"required": _("Enter the time in days or half days, like 0.5 or 1.")},
            "kind": {"required": _("Choose what kind of support it was.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = dt.date.today()
        self.fields["kind"].initial = Kind.VISIT

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > dt.date.today():
            raise forms.ValidationError(_("The date of the support must be today or in the past."))
        return date
