"""Forms of the register. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import ASSET_FIELDS
from n4c.platform.core.forms import PlainForm, PlainModelForm


def _date(day) -> str:
    return date_format(day, "d M Y")


class AssetForm(PlainModelForm):
    class Meta:
        model = Asset
        fields = list(ASSET_FIELDS)
        labels = {
            "reference": _("Reference"),
            "name": _("Name"),
            "kind": _("Kind"),
            "owner": _("Owner"),
            "postcode": _("Postcode"),
            "latitude": _("Latitude"),
            "longitude": _("Longitude"),
            "lsoa_code": _("LSOA code"),
            "condition": _("Condition"),
            "status": _("Status"),
            "use": _("Use"),
        }


class ImportForm(PlainForm):
    file = forms.FileField(
        label=_("Register CSV"),
        help_text=_(
            "Columns: asset_id, name, kind, owner, postcode, latitude, longitude, lsoa_code, "
            "condition, status, use."
        ),
    )


class WithdrawForm(PlainForm):
    """Withdraw an event of a case or a plan that was entered by mistake."""

    event_id = forms.TypedChoiceField(label=_("Event"), coerce=int, choices=())
    reason = forms.CharField(
        max_length=300,
        label=_("Reason"),
        help_text=_("Why it was a mistake. This is kept in the audit log."),
    )

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_id"].choices = [
            (
                e.pk,
                gettext("%(event)s on %(date)s") % {"event": e.event_label, "date": _date(e.date)},
            )
            for e in events
            if e.withdrawn_at is None
        ]
