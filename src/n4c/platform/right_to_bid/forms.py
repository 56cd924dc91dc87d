"""Forms for cases, events, extensions and closing. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from n4c import rights
from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.right_to_bid.models import AssetCase, Nomination
from n4c.platform.right_to_bid.nominations import NOMINATION_FIELDS
from n4c.platform.right_to_bid.services import event_choices


class CaseForm(PlainModelForm):
    class Meta:
        model = AssetCase
        fields = ["title", "opened_on", "contact_email"]
        labels = {
            "title": _("Title"),
            "opened_on": _("Opened on"),
            "contact_email": _("Contact email"),
        }
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}


class EventForm(PlainForm):
    event = forms.ChoiceField(label=pgettext_lazy("case event", "Event"), choices=())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(e, rights.event_label(e)) for e in event_choices()]


class ExtensionForm(PlainForm):
    rule_id = forms.ChoiceField(label=_("Period"), choices=())
    extended_to = forms.DateField(
        label=_("Agreed date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("Who agreed it, and where it is written."),
    )

    def __init__(self, *args, extendable: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule_id"].choices = extendable or []


class CloseForm(PlainForm):
    closed_on = forms.DateField(
        label=_("Closed on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class NominationForm(PlainModelForm):
    """A nomination's details; the asset is one of the area's own, if it is in the register."""

    class Meta:
        model = Nomination
        fields = list(NOMINATION_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("description", "boundaries", "occupants", "owners", "reasons")
        }

    def __init__(self, *args, area, choose_asset: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_asset:
            # Members do not see the register; staff link the asset when they check the draft.
            del self.fields["asset"]
            return
        field = self.fields["asset"]
        field.queryset = area.community_assets.all()  # type: ignore[attr-defined]
        field.required = False
        field.empty_label = _("It is not in the register yet")
        field.label = _("The asset in the register")


class SendForm(PlainForm):
    sent_on = forms.DateField(
        label=_("Date it was sent to the council"), widget=forms.DateInput(attrs={"type": "date"})
    )
