"""A covenant: the partners who signed an area's plan, their commitments and review points."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.plans.models import AreaPlan


class Sector(models.TextChoices):
    COUNCIL = "council", _("Council")
    HEALTH = "health", _("Health")
    POLICE = "police", _("Police")
    HOUSING = "housing", _("Housing")
    VOLUNTARY = "voluntary", _("Voluntary and community sector")


class Signatory(models.Model):
    """A partner organisation that has signed the area's plan."""

    plan = models.ForeignKey(AreaPlan, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.CharField(max_length=200, help_text=_("For example, Blackpool Council."))
    sector = models.CharField(max_length=16, choices=Sector.choices)
    signed_by = models.CharField(
        max_length=200, help_text=_("The name and job title of the person who signed.")
    )
    signed_on = models.DateField()

    class Meta:
        ordering = ["signed_on", "organisation"]
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "organisation"], name="covenants_one_signature_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.organisation

    def get_absolute_url(self) -> str:
        return reverse("covenants:detail", args=[self.plan.area_id])


class Commitment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Not yet kept")
        KEPT = "kept", _("Kept")
        DROPPED = "dropped", _("Dropped")

    class State(models.TextChoices):
        """What a reader is told: an open commitment is due, or late once its date has passed."""

        DUE = "due", _("Due")
        LATE = "late", _("Late")
        KEPT = "kept", _("Kept")
        DROPPED = "dropped", _("Dropped")

    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="commitments")
    description = models.CharField(max_length=300, help_text=_("What the partner will do."))
    due_on = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    kept_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        if self.status == self.Status.KEPT and self.kept_on is None:
            raise ValidationError({"kept_on": gettext("Enter the date the commitment was kept.")})
        if self.status != self.Status.KEPT and self.kept_on is not None:
            raise ValidationError(
                {"kept_on": gettext("Leave the date kept empty unless the commitment was kept.")}
            )

    def state_on(self, today: dt.date) -> Commitment.State:
        """Kept or dropped as recorded; an open commitment is late once ``today`` is past its
        due date (the due date itself is still on time)."""
        if self.status == self.Status.KEPT:
            return self.State.KEPT
        if self.status == self.Status.DROPPED:
            return self.State.DROPPED
        return self.State.LATE if today > self.due_on else self.State.DUE


class ReviewPoint(models.Model):
    """A date on which a partner and the partnership will look at its commitments again."""

    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="review_points")
    review_on = models.DateField()
    note = models.CharField(max_length=300, blank=True, help_text=_("What will be reviewed."))

    class Meta:
        ordering = ["review_on", "id"]

    def __str__(self) -> str:
        return f"{self.signatory} review on {self.review_on:%-d %B %Y}"  # untranslated: the audit log's and the admin's name for it
