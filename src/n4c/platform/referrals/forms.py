from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.referrals.access import can_manage_partner, partner_regions_for
from n4c.platform.referrals.models import Partner, Referral


class DateInput(forms.DateInput):
    input_type = "date"


class PartnerForm(PlainModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        region.queryset = partner_regions_for(actor)  # type: ignore[attr-defined]
        # Only the national team keeps the partners working across England (no region).
        region.required = not can_manage_partner(actor, None)
        region.error_messages["required"] = _("Choose your region.")
        region.error_messages["invalid_choice"] = _("Choose your own region.")

    class Meta:
        model = Partner
        fields = ["name", "specialism", "region", "email", "website", "description"]
        labels = {
            "name": _("Name"),
            "specialism": _("Specialism"),
            "region": _("Region"),
            "email": _("Email"),
            "description": _("Description"),
        }
        error_messages = {"name": {"required": _("Enter the partner's name.")}}


class ReferralForm(PlainModelForm):
    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.fields["partner"].queryset = partners  # type: ignore[attr-defined]

    class Meta:
        model = Referral
        fields = ["partner", "need", "referred_on"]
        labels = {
            "partner": _("Partner"),
            "need": _("What the area needs help with"),
            "referred_on": _("Date of referral"),
        }
        widgets = {"referred_on": DateInput(), "need": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "partner": {"required": _("Choose the partner.")},
            "need": {"required": _("Enter what the area needs help with.")},
            "referred_on": {"required": _("Enter the date of the referral, like 27 3 2026.")},
        }


class ReferralUpdateForm(PlainForm):
    status = forms.ChoiceField(label=_("Status"), choices=Referral.Status.choices)
    outcome = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Outcome")
    )
    closed_on = forms.DateField(required=False, widget=DateInput(), label=_("Date it closed"))
