"""Survey sites, their waves and the responses, stored without names.

A site is where a survey runs: a supported area on the platform, or a comparison ward known only
by its code. A response keeps its answers by question id, the consent words shown, and an
anonymous id; the link to the resident (online responses only) is kept so that each member
answers once a wave, sees their answers in their export and has them removed on erasure.
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy

from n4c.evaluate.surveys import WAVES
from n4c.platform.areas.models import Area
from n4c.platform.residents.models import Resident

#: The waves' names (:data:`n4c.evaluate.surveys.WAVES`) in the reader's language.
WAVE_NAMES = {
    "baseline": gettext_lazy("Baseline"),
    "year_2": gettext_lazy("Year 2"),
    "year_4": gettext_lazy("Year 4"),
}


class Site(models.Model):
    class Kind(models.TextChoices):
        SUPPORTED = "supported", gettext_lazy("Supported area")
        COMPARATOR = "comparator", gettext_lazy("Comparison area")

    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    #: The platform area surveyed (a supported site), or the supported area a comparison ward
    #: is compared with.
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="survey_sites")
    ward_code = models.CharField(
        max_length=9,
        blank=True,
        help_text=gettext_lazy("The ward's December 2017 code, like E05000650."),
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="comparator", ward_code=""),
                name="comparator_site_has_ward_code",
                violation_error_message=gettext_lazy("Give the comparison ward's code."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Wave(models.Model):
    Kind = models.TextChoices(
        "Kind",
        [(code.upper(), (code, WAVE_NAMES.get(code, label))) for code, label in WAVES.items()],
    )

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="waves")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    opens_on = models.DateField()
    closes_on = models.DateField()
    questionnaire_version = models.CharField(max_length=20)

    class Meta:
        ordering = ["site", "opens_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind"],
                name="one_wave_of_each_kind_per_site",
                violation_error_message=gettext_lazy("This site already has a wave of that kind."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.site}: {self.get_kind_display()}"

    @property
    def kind_name(self) -> str:
        """The wave's name in the reader's language."""
        return str(WAVE_NAMES.get(self.kind, self.get_kind_display()))

    def get_absolute_url(self) -> str:
        return reverse("surveys:respond", args=[self.pk])

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class Response(models.Model):
    class Method(models.TextChoices):
        ONLINE = "online", gettext_lazy("Online")
        PAPER = "paper", gettext_lazy("Paper")

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    response_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: Only for online responses by a member; removed with the response on erasure.
    resident = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.PROTECT, related_name="survey_responses"
    )
    #: Answers by question id: a choice's code or a 0 to 10 score; unanswered questions absent.
    answers = models.JSONField(default=dict)
    method = models.CharField(max_length=6, choices=Method.choices)
    weight = models.FloatField(
        null=True, blank=True, help_text=gettext_lazy("A survey weight, if given.")
    )
    questionnaire_version = models.CharField(max_length=20)
    consent_wording = models.TextField()
    consented_at = models.DateTimeField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    #: The audit log keeps that a response came in, never whose it is or what it said.
    audit_withheld: ClassVar[tuple[str, ...]] = ("resident", "answers")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "resident"], name="one_response_per_member")
        ]

    def __str__(self) -> str:
        return f"Response {self.response_id}"  # untranslated: its name in the audit log and admin


class FrozenComparators(models.Model):
    """Comparison wards chosen by ``n4c.evaluate`` for an area, kept as they were when frozen."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="frozen_comparators")
    version = models.CharField(max_length=64)
    pool = models.CharField(max_length=20)
    k = models.PositiveSmallIntegerField()
    selection = models.JSONField()
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    frozen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-frozen_at", "-id"]
        get_latest_by = "frozen_at"

    def __str__(self) -> str:
        return f"Comparators for {self.area} (version {self.version})"  # untranslated: its name in the audit log and admin

    @property
    def comparator_codes(self) -> list[str]:
        return [code for codes in self.selection["matches"].values() for code in codes]
