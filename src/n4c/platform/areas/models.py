"""An area is a neighbourhood made of wards, with its baseline need copied in at creation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from n4c.platform.regions.models import Region


class Stage(models.TextChoices):
    PROSPECT = "prospect", "Prospect"
    OUTREACH = "outreach", "Outreach"
    YEAR_ZERO = "year_zero", "Year Zero planning"
    ACTIVE = "active", "Active"
    MOVING_ON = "moving_on", "Moving on"


class Area(models.Model):
    name = models.CharField(max_length=150)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="areas")
    ward17_codes = models.JSONField(
        default=list, help_text="GSS codes of the wards (December 2017) that make up the area."
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.PROSPECT)
    partnership_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partnership_areas",
        help_text="Residents on the area's partnership; they may read its plan and log.",
    )
    # Baseline need, copied from n4c.needs.ward_table (IMD 2019, CNI 2019) when the area is made,
    # so later data releases do not rewrite the starting point.
    population = models.PositiveIntegerField(help_text="Mid-2015 population of its wards.")
    imd_score = models.FloatField(help_text="Population-weighted mean IMD 2019 score of its wards.")
    imd_rank = models.PositiveIntegerField(
        help_text="Ward IMD rank (1 = most deprived); the most deprived ward's for several wards."
    )
    imd_decile = models.PositiveSmallIntegerField(help_text="Ward IMD decile (1 = most deprived).")
    cni_rank = models.PositiveIntegerField(
        help_text="Community Needs Index 2019 rank (1 = highest need); the neediest ward's."
    )
    left_behind = models.BooleanField(help_text="At least one ward passes the 'left behind' test.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "stage"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:detail", args=[self.pk])
