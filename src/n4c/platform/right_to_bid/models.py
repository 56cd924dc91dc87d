"""Right-to-bid cases about an asset, their events and the extensions agreed in writing.

Only events are stored; every statutory date is computed from them by :mod:`n4c.rights`.
The tables were the assets app's until the community-rights apps were split by concept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c import rights
from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset, DatedEvent


class AssetCase(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(
        max_length=200, help_text=_("e.g. 'Nomination by the residents' group'.")
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("Also sent deadline reminders (e.g. the nominating group).")
    )
    opened_on = models.DateField()
    closed_on = models.DateField(
        null=True, blank=True, help_text=_("Empty while the case is open.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.asset}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("right_to_bid:case", args=[self.pk])

    @property
    def area(self) -> Area:
        return self.asset.area

    @property
    def calendar_label(self) -> str:
        """How the case is named in calendars beside other kinds of case."""
        return f"{self.asset.name}: {self.title}"


class CaseEvent(DatedEvent):
    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(
        max_length=50,
        help_text=_("An event the statutory rules count from, e.g. notice-of-disposal."),
    )

    class Meta(DatedEvent.Meta):
        constraints = [
            # The engine reads a case as one date per event; a second notice starts a new case.
            # A withdrawn event no longer counts, so the right one can be recorded in its place.
            models.UniqueConstraint(
                fields=["case", "event"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_date_per_event_per_case",
            )
        ]


class CaseExtension(models.Model):
    """A later date agreed in writing for a period the law lets the parties extend."""

    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="extensions")
    rule_id = models.CharField(max_length=100, help_text=_("e.g. acv.listing-review-decision."))
    extended_to = models.DateField()
    note = models.CharField(
        max_length=300, blank=True, help_text=_("Who agreed it, and where it is written.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["extended_to"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule_id"], name="one_extension_per_rule_per_case"
            )
        ]

    def __str__(self) -> str:
        return gettext("%(rule)s extended to %(date)s") % {
            "rule": self.rule_id,
            "date": date_format(self.extended_to, "d M Y"),
        }


#: What a form calls each kind of body that may nominate, by its key in
#: ``n4c.rights.BODIES_THAT_MAY_NOMINATE`` (a test keeps the two the same).
NOMINATING_BODY_LABELS = {
    "parish-council": _("Parish council"),
    "neighbourhood-forum": _("Neighbourhood forum"),
    "unincorporated-body": _("Unincorporated group of local people"),
    "charity": _("Charity"),
    "company-limited-by-guarantee": _("Company limited by guarantee"),
    "community-benefit-society": _("Community benefit society"),
    "community-interest-company": _("Community interest company"),
}


class Nomination(models.Model):
    """A nomination a partnership member starts for staff to check, edit and send to the council.

    Sending it (recording the day it went) opens a right-to-bid case on the asset with its
    nomination event, so the deadlines follow from then on.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Waiting for staff to check")
        SENT = "sent", _("Sent to the council")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="nominations")
    asset = models.ForeignKey(
        Asset,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        help_text=_("The asset in the area's register, if it is there already."),
    )
    asset_name = models.CharField(_("Name of the building or land"), max_length=200)
    address = models.CharField(_("Address and postcode"), max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    description = models.TextField(_("What it is and what it is used for"), blank=True)
    boundaries = models.TextField(
        _("Its boundaries"),
        blank=True,
        help_text=_("For example: the building, its car park and garden."),
    )
    occupants = models.TextField(_("Who uses or occupies it now, if you know"), blank=True)
    owners = models.TextField(_("Who owns it, and their address, if you know"), blank=True)
    reasons = models.TextField(
        _("Why it matters to the community"),
        help_text=_(
            "How it helps people's wellbeing or social life now, and could in the next five years."
        ),
    )
    nominator_name = models.CharField(_("Name of the group nominating it"), max_length=200)
    nominator_body = models.CharField(
        _("Kind of group"),
        max_length=40,
        choices=[(body, NOMINATING_BODY_LABELS[body]) for body in rights.BODIES_THAT_MAY_NOMINATE],
    )
    registered_members = models.PositiveIntegerField(
        _("Members registered to vote in the area"),
        null=True,
        blank=True,
        help_text=_("An unincorporated group needs at least 21."),
    )
    contact = models.CharField(_("Contact name, address and e-mail"), max_length=300, blank=True)
    council = models.CharField(_("The council it goes to"), max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    sent_on = models.DateField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case = models.OneToOneField(
        AssetCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="nomination"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return gettext("Nomination of %(asset)s") % {"asset": self.asset_name}

    def get_absolute_url(self) -> str:
        return reverse("right_to_bid:nomination", args=[self.pk])
