"""Events the Network runs, which areas came, and peer links between areas."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.regions.models import Region


class Event(models.Model):
    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    title = models.CharField(max_length=200)
    scope = models.CharField(max_length=10, choices=Scope.choices)
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The hub holding a regional event; empty for a national one."),
    )
    starts_on = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on:%d %b %Y})"  # untranslated: the audit log's name

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def clean(self) -> None:
        if self.scope == self.Scope.REGIONAL and self.region_id is None:
            raise ValidationError(
                {"region": gettext("Choose the region holding this regional event.")}
            )
        if self.scope == self.Scope.NATIONAL and self.region_id is not None:
            raise ValidationError(
                {"region": gettext("A national event has no region; leave it empty.")}
            )


class Attendance(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="event_attendances")
    people = models.PositiveSmallIntegerField(
        default=1, help_text=_("How many people came from the area.")
    )

    class Meta:
        ordering = ["area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "area"], name="events_attendance_once_per_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} at {self.event}"  # untranslated: the audit log's name


class PeerLink(models.Model):
    """Two areas learning from each other. Stored once per pair, lower id first."""

    first_area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    second_area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=300, blank=True, help_text=_("What they will share."))
    started_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["first_area", "second_area"], name="events_peer_link_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(first_area__lt=F("second_area")), name="events_peer_link_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_area} and {self.second_area}"  # untranslated: the audit log's name

    def other(self, area: Area) -> Area:
        return self.second_area if area.pk == self.first_area_id else self.first_area


class NeedsProfile(models.Model):
    """An area's needs by domain, each a score from 0 to 1 (1 = most need), for peer matching.

    Built from the published ward data by :func:`n4c.platform.events.profiles.build_needs_profiles`
    and kept, like the area's baseline, so later data releases do not move it.
    """

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="needs_profile")
    domains = models.JSONField(help_text=_("Domain name → need score between 0 and 1."))
    source = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"Needs profile of {self.area}"  # untranslated: the admin's name for it
