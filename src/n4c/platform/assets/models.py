"""An area's community assets, and the dated event every community-rights case is made of.

Only events are stored; every statutory date is computed from them by :mod:`n4c.rights`, so a
change of rule (a new rule file) changes the dates without a data migration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c import rights
from n4c.platform.areas.models import Area
from n4c.rights.assets import CONDITIONS, KINDS, STATUSES

#: How the register's kinds, conditions and statuses read (n4c.rights.assets names the values).
_LABELS = {
    "physical": _("Physical"),
    "social": _("Social"),
    "cultural": _("Cultural"),
    "good": _("Good"),
    "fair": _("Fair"),
    "poor": _("Poor"),
    "derelict": _("Derelict"),
    "unknown": _("Unknown"),
    "in-use": _("In use"),
    "at-risk": _("At risk"),
    "nominated": _("Nominated"),
    "listed": _("Listed"),
    "for-sale": _("For sale"),
    "community-owned": _("Community owned"),
    "closed": _("Closed"),
    "lost": _("Lost"),
}


def _choices(values: tuple[str, ...]) -> list[tuple[str, object]]:
    return [(v, _LABELS[v]) for v in values]


class Asset(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="community_assets")
    reference = models.CharField(
        max_length=50, blank=True, help_text=_("The register's own id (asset_id in the CSV).")
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=_choices(KINDS))
    owner = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    latitude = models.FloatField(null=True, blank=True, help_text=_("WGS84 decimal degrees."))
    longitude = models.FloatField(null=True, blank=True, help_text=_("WGS84 decimal degrees."))
    lsoa_code = models.CharField(
        max_length=9, blank=True, help_text=_("GSS LSOA code, e.g. E01005153.")
    )
    condition = models.CharField(max_length=10, choices=_choices(CONDITIONS), default="unknown")
    status = models.CharField(max_length=20, choices=_choices(STATUSES), default="in-use")
    use = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "reference"],
                condition=~Q(reference=""),
                name="asset_reference_unique_in_area",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assets:asset", args=[self.pk])

    def to_core(self) -> rights.Asset:
        """The asset as the pure register record (for CSV export and checks)."""
        return rights.Asset(
            name=self.name,
            kind=self.kind,  # type: ignore[arg-type]
            asset_id=self.reference,
            owner=self.owner,
            postcode=self.postcode,
            latitude=self.latitude,
            longitude=self.longitude,
            lsoa_code=self.lsoa_code,
            condition=self.condition,  # type: ignore[arg-type]
            status=self.status,  # type: ignore[arg-type]
            use=self.use,
        )


class DatedEvent(models.Model):
    """What happened on a date in a case; the statutory rules count their deadlines from it.

    Right-to-bid cases and neighbourhood plans each store their events in a model of this shape
    (their apps sit above this one), and record them with :func:`.services.save_dated_event`.
    """

    event: models.CharField
    date = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    # An event entered by mistake is kept, marked withdrawn with the reason, and counts for
    # nothing: no deadline, calendar, feed or reminder is worked out from it.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=300, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        values = {"event": self.event_label, "date": date_format(self.date, "d M Y")}
        if self.withdrawn_at:
            return gettext("%(event)s on %(date)s (withdrawn)") % values
        return gettext("%(event)s on %(date)s") % values

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def event_label(self) -> str:
        """The event's name in words, in the reader's language."""
        return rights.event_label(self.event)
