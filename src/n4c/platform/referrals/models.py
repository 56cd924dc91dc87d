"""A partner is a specialist organisation; a referral introduces an area to one and records how it went."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.regions.models import Region


class Specialism(models.TextChoices):
    PLANNING = "planning", _("Planning")
    FINANCE = "finance", _("Finance")
    LEGAL = "legal", _("Legal")
    COMMUNICATIONS = "communications", _("Communications")
    COMMUNITY_OWNERSHIP = "community_ownership", _("Community ownership")


class Partner(models.Model):
    name = models.CharField(max_length=200, unique=True)
    specialism = models.CharField(max_length=24, choices=Specialism.choices)
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
        help_text=_("Leave empty for a partner that works across England."),
    )
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True, help_text=_("What they offer and to whom."))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("referrals:partner", args=[self.pk])


class Referral(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    #: Statuses that end a referral; each needs an outcome saying what happened.
    CLOSED = frozenset({Status.COMPLETED, Status.DECLINED, Status.WITHDRAWN})

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals")
    need = models.TextField(help_text=_("What the area needs help with."))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    outcome = models.TextField(blank=True, help_text=_("What came of it, in a sentence or two."))
    referred_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-referred_on", "-id"]
        indexes = [models.Index(fields=["area", "status"])]

    def __str__(self) -> str:
        return f"{self.area} to {self.partner}"

    def clean(self) -> None:
        if self.status in self.CLOSED and not self.outcome.strip():
            raise ValidationError(
                {
                    "outcome": _(
                        "Enter the outcome: what came of the referral, in a sentence or two."
                    )
                }
            )
        if self.status in self.CLOSED and self.closed_on is None:
            raise ValidationError({"closed_on": _("Enter the date the referral closed.")})
        if self.closed_on and self.closed_on < self.referred_on:
            raise ValidationError(
                {
                    "closed_on": _(
                        "The date it closed must be the same as or after the date of the referral."
                    )
                }
            )
