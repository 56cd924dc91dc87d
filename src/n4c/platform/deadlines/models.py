"""What the deadlines app keeps: each area's calendar-feed secret, and the reminders sent.

The tables were the assets app's until the community-rights apps were split by concept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from n4c.platform.areas.models import Area
from n4c.platform.right_to_bid.models import AssetCase


class ReminderSent(models.Model):
    """A reminder already sent, so re-running the command never sends it twice."""

    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="reminders")
    rule_id = models.CharField(max_length=100)
    deadline_on = models.DateField()
    lead_days = models.PositiveIntegerField()
    recipients = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule_id", "deadline_on", "lead_days"], name="one_reminder_per_lead"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.deadline_on} ({self.lead_days} days ahead)"  # untranslated: the admin's name for it


class CalendarFeed(models.Model):
    """The secret in an area's subscribable .ics address, so calendar apps need no session.

    Anyone holding the address reads the area's deadlines, so those who may change the area can
    replace the token (the old address stops working) or turn the feed off.
    """

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.area}"  # untranslated: the admin's name for it

    def get_absolute_url(self) -> str:
        return reverse("deadlines:feed", args=[self.area_id, self.token])
