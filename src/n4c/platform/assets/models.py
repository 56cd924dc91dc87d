"""An area's community assets, the right-to-bid cases about them and what happened in each case.

Only events are stored; every statutory date is computed from them by :mod:`n4c.rights`, so a
change of rule (a new rule file) changes the dates without a data migration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from n4c import rights
from n4c.platform.areas.models import Area
from n4c.rights.assets import CONDITIONS, KINDS, STATUSES


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v.replace("-", " ").capitalize()) for v in values]


class Asset(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="community_assets")
    reference = models.CharField(
        max_length=50, blank=True, help_text="The register's own id (asset_id in the CSV)."
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=_choices(KINDS))
    owner = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    latitude = models.FloatField(null=True, blank=True, help_text="WGS84 decimal degrees.")
    longitude = models.FloatField(null=True, blank=True, help_text="WGS84 decimal degrees.")
    lsoa_code = models.CharField(
        max_length=9, blank=True, help_text="GSS LSOA code, e.g. E01005153."
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


class AssetCase(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(max_length=200, help_text="e.g. 'Nomination by the residents' group'.")
    contact_email = models.EmailField(
        blank=True, help_text="Also sent deadline reminders (e.g. the nominating group)."
    )
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True, help_text="Empty while the case is open.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.asset}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("assets:case", args=[self.pk])

    @property
    def area(self) -> Area:
        return self.asset.area

    @property
    def calendar_label(self) -> str:
        """How the case is named in calendars beside other kinds of case."""
        return f"{self.asset.name}: {self.title}"


class DatedEvent(models.Model):
    """What happened on a date in a case; the statutory rules count their deadlines from it."""

    event: models.CharField
    date = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.event} on {self.date:%d %b %Y}"


class CaseEvent(DatedEvent):
    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(
        max_length=50, help_text="An event the statutory rules count from, e.g. notice-of-disposal."
    )

    class Meta(DatedEvent.Meta):
        constraints = [
            # The engine reads a case as one date per event; a second notice starts a new case.
            models.UniqueConstraint(fields=["case", "event"], name="one_date_per_event_per_case")
        ]


class ReminderSent(models.Model):
    """A reminder already sent, so re-running the command never sends it twice."""

    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="reminders")
    rule_id = models.CharField(max_length=100)
    deadline_on = models.DateField()
    lead_days = models.PositiveIntegerField()
    recipients = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule_id", "deadline_on", "lead_days"], name="one_reminder_per_lead"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.deadline_on} ({self.lead_days} days ahead)"


class CaseExtension(models.Model):
    """A later date agreed in writing for a period the law lets the parties extend."""

    case = models.ForeignKey(AssetCase, on_delete=models.CASCADE, related_name="extensions")
    rule_id = models.CharField(max_length=100, help_text="e.g. acv.listing-review-decision.")
    extended_to = models.DateField()
    note = models.CharField(
        max_length=300, blank=True, help_text="Who agreed it, and where it is written."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["extended_to"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "rule_id"], name="one_extension_per_rule_per_case"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} extended to {self.extended_to:%d %b %Y}"


class CalendarFeed(models.Model):
    """The secret in an area's subscribable .ics address, so calendar apps need no session.

    Anyone holding the address reads the area's deadlines, so those who may change the area can
    replace the token (the old address stops working) or turn the feed off.
    """

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.area}"

    def get_absolute_url(self) -> str:
        return reverse("assets:feed", args=[self.area_id, self.token])


class PlanCase(models.Model):
    """A neighbourhood plan's progress through its statutory stages, for one area.

    Like an asset case, only what happened is stored; the dates that follow are computed by the
    neighbourhood-planning rules of :mod:`n4c.rights`.
    """

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="plan_cases")
    title = models.CharField(max_length=200, help_text="e.g. 'Moss Side neighbourhood plan'.")
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True, help_text="Empty while the plan is open.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assets:plan_case", args=[self.pk])

    @property
    def calendar_label(self) -> str:
        return f"Neighbourhood plan: {self.title}"


class PlanStageEvent(DatedEvent):
    case = models.ForeignKey(PlanCase, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(
        max_length=50, help_text="A stage the rules count from, e.g. pre-submission-publicised."
    )

    class Meta(DatedEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["case", "event"], name="one_date_per_stage_per_plan")
        ]
