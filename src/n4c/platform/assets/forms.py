"""Forms of the register. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms

from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import ASSET_FIELDS
from n4c.platform.core.forms import PlainForm, PlainModelForm


class AssetForm(PlainModelForm):
    class Meta:
        model = Asset
        fields = list(ASSET_FIELDS)


class ImportForm(PlainForm):
    file = forms.FileField(
        label="Register CSV",
        help_text="Columns: asset_id, name, kind, owner, postcode, latitude, longitude, lsoa_code, condition, status, use.",
    )


class WithdrawForm(PlainForm):
    """Withdraw an event of a case or a plan that was entered by mistake."""

    event_id = forms.TypedChoiceField(label="Event", coerce=int, choices=())
    reason = forms.CharField(
        max_length=300, help_text="Why it was a mistake. This is kept in the audit log."
    )

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_id"].choices = [
            (e.pk, f"{e.event} on {e.date:%d %b %Y}") for e in events if e.withdrawn_at is None
        ]
