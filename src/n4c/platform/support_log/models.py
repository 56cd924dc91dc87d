"""One entry per piece of support given to an area, in half-day steps."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import AssignmentRole
from n4c.platform.plain.wording import days_text


class Kind(models.TextChoices):
    VISIT = "visit", _("Visit")
    CALL = "call", _("Call")
    MEETING = "meeting", _("Meeting")
    TRAINING = "training", _("Training")
    EVENT = "event", _("Event")


def validate_half_days(value: Decimal) -> None:
    if value <= 0 or (value * 2) % 1 != 0:
        raise ValidationError(
            gettext("Enter the time in days or half days, like 0.5, 1 or 1.5."), code="half_days"
        )
    if value > 5:
        raise ValidationError(
            gettext("Enter at most 5 days in one entry; log a longer piece of work weekly.")
        )


class SupportEntry(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="support_entries")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="support_entries"
    )
    role = models.CharField(
        max_length=20,
        choices=AssignmentRole.choices,
        help_text=_("The role the support was given in; the monthly report counts it against it."),
    )
    date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    days = models.DecimalField(max_digits=3, decimal_places=1, validators=[validate_half_days])
    notes = models.TextField(blank=True)
    follow_ups = models.TextField(blank=True, help_text=_("What happens next, and who does it."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name_plural = _("support entries")
        indexes = [
            models.Index(fields=["date", "area"]),
            models.Index(fields=["area", "-date"]),
            models.Index(fields=["person", "date"]),
        ]

    def __str__(self) -> str:
        return gettext("%(kind)s at %(area)s on %(date)s (%(days)s)") % {
            "kind": self.get_kind_display(),
            "area": self.area,
            "date": date_format(self.date, "d F Y"),
            "days": days_text(self.days),
        }
