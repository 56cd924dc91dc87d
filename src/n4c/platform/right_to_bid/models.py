"""Right-to-bid cases about an asset, their events and the extensions agreed in writing.

Only events are stored; every statutory date is computed from them by :mod:`n4c.rights`.
The tables were the assets app's until the community-rights apps were split by concept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset, DatedEvent


class AssetCase(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(max_length=200, help_text="e.g. 'Nomination by the residents' group'.")
    contact_email = models.EmailField(
        blank=True, help_text="Also sent deadline reminders (e.g. the nominating group)."
    )
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True, help_text="Empty while the case is open.")
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
        max_length=50, help_text="An event the statutory rules count from, e.g. notice-of-disposal."
    )

    class Meta(DatedEvent.Meta):
        constraints = [
            # The engine reads a case as one date per event; a second notice starts a new case.
            models.UniqueConstraint(fields=["case", "event"], name="one_date_per_event_per_case")
        ]


class CaseExtension(models.Model):
    """A later date agreed in writing for a period the law lets the parties extend."""

    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="extensions")
    rule_id = models.CharField(max_length=100, help_text="e.g. acv.listing-review-decision.")
    extended_to = models.DateField()
    note = models.CharField(
        max_length=300, blank=True, help_text="Who agreed it, and where it is written."
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
        return f"{self.rule_id} extended to {self.extended_to:%d %b %Y}"
