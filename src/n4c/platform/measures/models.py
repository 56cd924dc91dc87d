"""A measure the partnership defines for itself, and the values recorded for it over time."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area


class LocalMeasure(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Evidence(models.TextChoices):
        NUMBER = "number", _("A number")
        STORY = "story", _("A story")
        PHOTO = "photo", _("A photo")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="local_measures")
    name = models.CharField(
        max_length=200, help_text=_("What you will count or show, like “Young people at the club”.")
    )
    evidence = models.CharField(
        _("Kind of evidence"), max_length=8, choices=Evidence.choices, default=Evidence.NUMBER
    )
    unit = models.CharField(
        max_length=60, blank=True, help_text=_("For a number: what is counted, like “people”.")
    )
    direction = models.CharField(max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    target = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text=_("For a number only.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="measures_one_name_per_area")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("measures:list", args=[self.area_id])

    def clean(self) -> None:
        if self.evidence != self.Evidence.NUMBER and self.target is not None:
            raise ValidationError(
                {"target": _("Leave the target empty: only a measure counted in numbers has one.")}
            )
        if self.evidence == self.Evidence.NUMBER and not self.unit.strip():
            raise ValidationError({"unit": _("Enter what is counted, like “people”.")})


class MeasureValue(models.Model):
    """One value of a measure on a date: a number, a story, or a photo (with a caption)."""

    measure = models.ForeignKey(LocalMeasure, on_delete=models.CASCADE, related_name="values")
    recorded_on = models.DateField(help_text=_("The date the value is for."))
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    story = models.TextField(blank=True, help_text=_("The story, or what the photo shows."))
    # The photo is kept in the database, not on disk, so it is served only to those who may
    # read the area and goes with the database's backups; measures.photos limits its size.
    photo = models.BinaryField(null=True, blank=True)
    photo_type = models.CharField(max_length=20, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_on", "id"]

    def __str__(self) -> str:
        return f"{self.measure} on {self.recorded_on:%-d %B %Y}"

    def clean(self) -> None:
        evidence = self.measure.evidence
        if evidence == LocalMeasure.Evidence.NUMBER and self.value is None:
            raise ValidationError({"value": _("Enter the number, like 12.")})
        if evidence == LocalMeasure.Evidence.STORY and not self.story.strip():
            raise ValidationError({"story": _("Enter the story.")})
        if evidence == LocalMeasure.Evidence.PHOTO and not self.photo:
            raise ValidationError({"photo": _("Choose a photo to upload.")})
