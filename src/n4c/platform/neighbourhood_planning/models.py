"""Neighbourhood plans and the stages each has reached.

The tables were the assets app's (as ``PlanCase`` and ``PlanStageEvent``) until the
community-rights apps were split by concept.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.assets.models import DatedEvent


class NeighbourhoodPlan(models.Model):
    """A neighbourhood plan's progress through its statutory stages, for one area."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbourhood_plans")
    title = models.CharField(max_length=200, help_text=_("e.g. 'Moss Side neighbourhood plan'."))
    opened_on = models.DateField()
    closed_on = models.DateField(
        null=True, blank=True, help_text=_("Empty while the plan is open.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("neighbourhood_planning:plan", args=[self.pk])

    @property
    def calendar_label(self) -> str:
        """How the plan is named in calendars beside right-to-bid cases."""
        return gettext("Neighbourhood plan: %(title)s") % {"title": self.title}


class PlanStage(DatedEvent):
    """A stage the plan reached on a date, e.g. its pre-submission consultation publicised."""

    plan = models.ForeignKey(NeighbourhoodPlan, on_delete=models.CASCADE, related_name="stages")
    event = models.CharField(
        max_length=50, help_text=_("A stage the rules count from, e.g. pre-submission-publicised.")
    )

    class Meta(DatedEvent.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "event"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_date_per_stage_per_plan",
            )
        ]
