"""An assignment names the adviser or community worker for an area, from a date until ended."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area


class AssignmentRole(models.TextChoices):
    ADVISER = "adviser", _("Adviser")
    COMMUNITY_WORKER = "community_worker", _("Community worker")


class Assignment(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="assignments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(max_length=20, choices=AssignmentRole.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True, help_text=_("Empty while current."))

    class Meta:
        ordering = ["area__name", "role"]
        constraints = [
            # One named adviser and one named community worker per area at a time.
            models.UniqueConstraint(
                fields=["area", "role"],
                condition=Q(ended_on__isnull=True),
                name="one_current_assignment_per_area_and_role",
            )
        ]
        indexes = [models.Index(fields=["person", "ended_on"])]

    def __str__(self) -> str:
        return gettext("%(person)s – %(role)s for %(area)s") % {
            "person": self.person.get_full_name() or self.person,
            "role": self.get_role_display(),
            "area": self.area,
        }

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
