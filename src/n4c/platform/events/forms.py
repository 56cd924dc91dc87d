from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PERMISSION_DENIED, PlainForm, PlainModelForm
from n4c.platform.events.access import can_run_event
from n4c.platform.events.models import Event
from n4c.platform.people.access import region_id_of
from n4c.platform.regions.models import Region


class DateInput(forms.DateInput):
    input_type = "date"


class EventForm(PlainModelForm):
    """A new event. With ``actor``, it refuses on the field a scope or region they may not use
    (``events.access.can_run_event``), so the page keeps what they typed."""

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor

    def _post_clean(self):
        # After the model's own checks, so a refusal is the only message once the rest is right.
        super()._post_clean()
        scope, region = self.cleaned_data.get("scope"), self.cleaned_data.get("region")
        if self.actor is None or scope is None or self.errors:
            return
        if can_run_event(self.actor, scope=scope, region_id=region.pk if region else None):
            return
        own = Region.objects.filter(pk=region_id_of(self.actor)).first()
        if scope == Event.Scope.REGIONAL and own is not None:
            message = gettext("You can only add events in your own region (%(region)s).") % {
                "region": own.name
            }
            field = "region"
        else:
            message, field = gettext("Only the national team can add national events."), "scope"
        self.add_error(field, forms.ValidationError(message, code=PERMISSION_DENIED))

    class Meta:
        model = Event
        fields = ["title", "scope", "region", "starts_on", "place", "description"]
        labels = {"starts_on": _("Date")}
        widgets = {"starts_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": _("Enter the event's title.")},
            "starts_on": {"required": _("Enter the date, like 27 3 2026.")},
        }


class AttendanceForm(PlainForm):
    area = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label=_("Area"),
        error_messages={"required": _("Choose the area.")},
    )
    people = forms.IntegerField(
        min_value=1,
        max_value=500,
        initial=1,
        label=_("How many people came"),
        error_messages={"required": _("Enter how many people came from the area.")},
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]


class PeerLinkForm(PlainForm):
    other_area = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label=_("Peer area"),
        error_messages={"required": _("Choose the area to link with.")},
    )
    purpose = forms.CharField(max_length=300, required=False, label=_("What they will share"))
    started_on = forms.DateField(widget=DateInput(), label=_("Start date"))

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_area"].queryset = areas  # type: ignore[attr-defined]
