"""An area is a neighbourhood drawn on wards or LSOAs, with its baseline need frozen when it joins."""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from n4c.platform.regions.models import Region
from n4c.words import number


class Stage(models.TextChoices):
    PROSPECT = "prospect", _("Prospect")
    OUTREACH = "outreach", _("Outreach")
    YEAR_ZERO = "year_zero", _("Year Zero planning")
    ACTIVE = "active", _("Active")
    MOVING_ON = "moving_on", _("Moving on")


class Geography(models.TextChoices):
    """What an area's codes are; the names are :data:`n4c.needs.AREA_GEOGRAPHIES`."""

    WARD17 = "ward17", _("Wards (December 2017)")
    WARD24 = "ward24", _("Wards (2024)")
    LSOA21 = "lsoa21", _("LSOAs (2021)")


class AreaCodes(NamedTuple):
    """An area's codes and their kind, with the 360Giving ``geoCodeType`` for them."""

    geography: str
    codes: list[str]
    geo_code_type: str


class AreaBaseline(models.Model):
    """An area's baseline need, declared once: the admin, API, page and service derive from it.

    Copied from :func:`n4c.needs.summarise_ward_group` (IMD 2019, CNI 2019) when the area is
    made, so later data releases do not rewrite the starting point. Each field's name is the
    summary's attribute of the same name.

    The labels are marked for translation with ``gettext_noop`` (no lazy text in the API's schema) and
    translated where the area page shows them (:meth:`Area.baseline_figures`).
    """

    population = models.PositiveIntegerField(
        gettext_noop("Population (mid-2015)"), help_text=_("Mid-2015 population of its wards.")
    )
    imd_score = models.FloatField(
        gettext_noop("IMD 2019 score"),
        help_text=_("Population-weighted mean IMD 2019 score of its wards."),
    )
    imd_rank = models.PositiveIntegerField(
        gettext_noop("IMD 2019 ward rank (1 is most deprived)"),
        help_text=_(
            "Ward IMD rank (1 = most deprived); the most deprived ward's for several wards."
        ),
    )
    imd_decile = models.PositiveSmallIntegerField(
        gettext_noop("IMD 2019 ward decile (1 is most deprived)"),
        help_text=_("Ward IMD decile (1 = most deprived)."),
    )
    cni_rank = models.PositiveIntegerField(
        gettext_noop("Community Needs Index 2019 rank (1 is highest need)"),
        help_text=_("Community Needs Index 2019 rank (1 = highest need); the neediest ward's."),
    )
    left_behind = models.BooleanField(
        gettext_noop("'Left behind' (n4c)"),
        help_text=_(
            "More than half of its residents live in wards that pass n4c's 'left behind' test."
        ),
    )
    left_behind_published = models.BooleanField(
        gettext_noop("'Left behind' (OCSI's published list)"),
        null=True,
        blank=True,
        help_text=_(
            "The same rule on OCSI's published ward list; empty for areas made before it was recorded."
        ),
    )
    left_behind_difference = models.TextField(
        gettext_noop("Why the two differ"),
        blank=True,
        help_text=_("Why n4c's answer differs from OCSI's published list; empty when they agree."),
    )

    class Meta:
        abstract = True


#: The baseline's fields, in order, from the one declaration above.
BASELINE_FIELDS: tuple[str, ...] = tuple(f.name for f in AreaBaseline._meta.local_fields)


class Area(AreaBaseline):
    name = models.CharField(max_length=150)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="areas")
    geography = models.CharField(
        max_length=10,
        choices=Geography.choices,
        default=Geography.WARD17,
        help_text=_(
            "What the area's codes are: wards of December 2017, wards of 2024 or LSOAs 2021."
        ),
    )
    codes = models.JSONField(
        default=list, help_text=_("GSS codes of the wards or LSOAs that make up the area.")
    )
    start_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("When the area joined the Network; setting it freezes its baseline."),
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.PROSPECT)
    partnership_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partnership_areas",
        help_text=_("Residents on the area's partnership; they may read its plan and log."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "stage"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:detail", args=[self.pk])

    @property
    def ward17_codes(self) -> list[str]:
        """The December 2017 wards of an area drawn on them; none for other geographies."""
        return list(self.codes) if self.geography == Geography.WARD17 else []

    @ward17_codes.setter
    def ward17_codes(self, codes: list[str]) -> None:
        self.geography = Geography.WARD17
        self.codes = list(codes)

    def area_codes(self) -> AreaCodes:
        """Its codes and their kind: the one place grants, spending and the demo read them."""
        kind = "LSOA" if self.geography == Geography.LSOA21 else "WD"
        return AreaCodes(self.geography, list(self.codes), kind)

    def wards17(self) -> list[str]:
        """Its December 2017 wards: as drawn, or those that best fit it in its frozen baseline."""
        if self.geography == Geography.WARD17:
            return list(self.codes)
        latest = self.snapshots.order_by("-version").first()
        return list(latest.need["imd2019"]["ward_codes"]) if latest else []

    @property
    def left_behind_difference_explained(self) -> str:
        """Why n4c and OCSI differ about the area, in the reader's language.

        Told again from the facts frozen when the area joined (its first snapshot), which gave
        the baseline; the stored English where those facts are missing (areas made earlier).
        """
        if not self.left_behind_difference:
            return ""
        from n4c import needs

        first = self.snapshots.order_by("version").first()
        try:
            ward17 = needs.area_need_from_dict(first.need).ward17 if first else None
        except (KeyError, TypeError, ValueError):
            ward17 = None
        if (
            ward17 is None
            or not ward17.ward_differences
            or (ward17.left_behind, ward17.left_behind_published)
            != (self.left_behind, self.left_behind_published)
        ):
            return self.left_behind_difference
        return needs.difference_sentence(ward17)

    def baseline_figures(self) -> list[tuple[str, str]]:
        """The baseline as (label, shown value) pairs, for the area page."""
        figures = []
        for name in BASELINE_FIELDS:
            value = getattr(self, name)
            if name == "left_behind_difference":
                if not value:
                    continue
                value = self.left_behind_difference_explained
            figures.append((gettext(str(self._meta.get_field(name).verbose_name)), _shown(value)))
        return figures


def _shown(value: object) -> str:
    if value is None:
        return gettext("Not recorded")
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, float):
        return number(value, 1)
    if isinstance(value, int):
        return number(value)
    return str(value)


class AreaSnapshot(models.Model):
    """An area's need frozen when it joined, with the data and n4c versions it was read with.

    A snapshot is never changed: freezing again (explicit and audited) adds a new version, so
    the history of starting points stays.
    """

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="snapshots")
    version = models.PositiveIntegerField()
    frozen_at = models.DateTimeField(auto_now_add=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300)
    start_date = models.DateField(null=True, blank=True)
    geography = models.CharField(max_length=10, choices=Geography.choices)
    codes = models.JSONField(default=list)
    need = models.JSONField(help_text=_("The area's need, as n4c.needs.summarise_area gave it."))
    meaning = models.JSONField(default=list, help_text=_("What the need means, in sentences."))
    data_versions = models.JSONField(
        default=dict, help_text=_("n4c's version and the SHA-256 of each dataset read.")
    )

    class Meta:
        ordering = ["area", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["area", "version"], name="one_snapshot_per_version")
        ]

    def __str__(self) -> str:
        return gettext("%(area)s baseline, version %(version)s") % {
            "area": self.area,
            "version": self.version,
        }

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError(
                "A frozen baseline is never changed; freeze a new version instead."  # untranslated: a programming error, not shown to users
            )
        super().save(*args, **kwargs)

    @property
    def explained(self) -> list[str]:
        """What the need means, in the reader's language, made again from the stored need.

        ``meaning`` keeps the sentences written when the baseline was frozen, in English; a
        snapshot whose need this version of n4c cannot read again shows those.
        """
        from n4c import needs

        try:
            return needs.explain_area_need(needs.area_need_from_dict(self.need))
        except (KeyError, TypeError, ValueError):
            return list(self.meaning)
