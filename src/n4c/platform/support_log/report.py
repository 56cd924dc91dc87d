"""The monthly report: days delivered against days committed, by area, person and region.

Committed: each adviser and community worker assignment commits N4C_SUPPORT_DAYS_PER_MONTH days
a month to its area, in proportion to the days of the month it runs and rounded to the half
day, since support is logged in half days: an adviser who starts on the 16th of a 30-day month
owes 1 day, and a hand-over mid-month does not count the month twice. Delivered: the support
logged that month in that role. Both are summed in the database, so the report costs two grouped queries however long
the log grows.

Expected: what the commitment asks for by now. For a past month that is all of it; for the
month in progress only the days already gone (to yesterday), so on the 1st of the month no one
shows a gap, and a future month expects nothing yet. Gaps are measured against what is expected.
:func:`support_by_month` gives the same two figures month by month, for the charts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext

from n4c.errors import InputError
from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.core.months import month_end as _end_of
from n4c.platform.core.months import month_starts
from n4c.platform.people.models import display_name
from n4c.platform.support_log.models import SupportEntry

__all__ = [
    "Line",
    "MonthTotal",
    "MonthlyReport",
    "monthly_report",
    "parse_month",
    "support_by_month",
]


@dataclass
class Line:
    """Committed and delivered days for one area, person or region."""

    key: object
    label: str
    committed_days: Decimal = Decimal(0)
    delivered_days: Decimal = Decimal(0)
    expected_days: Decimal = Decimal(0)
    detail: dict[str, Decimal] = field(default_factory=dict)
    region: str = ""

    @property
    def gap_days(self) -> Decimal:
        """Days short of what is expected by now; for an area, each role's shortfall counts on
        its own, so a busy adviser does not hide a community worker's missing days."""
        if self.detail:
            return sum(
                (
                    max(
                        self.detail.get(f"{r}_expected", 0) - self.detail.get(f"{r}_delivered", 0),
                        0,
                    )
                    for r in AssignmentRole.values
                ),
                Decimal(0),
            )
        return max(self.expected_days - self.delivered_days, Decimal(0))

    @property
    def has_gap(self) -> bool:
        return self.gap_days > 0


@dataclass
class MonthlyReport:
    month_start: dt.date
    month_end: dt.date
    by_area: list[Line]
    by_person: list[Line]
    by_region: list[Line]
    #: The month is under way: only the days already gone are expected.
    in_progress: bool = False

    @property
    def gaps(self) -> list[Line]:
        """The areas short of what is expected by now, largest gap first."""
        return sorted(
            (line for line in self.by_area if line.has_gap), key=lambda x: (-x.gap_days, x.label)
        )

    @property
    def expected_days(self) -> Decimal:
        return sum((line.expected_days for line in self.by_region), Decimal(0))

    @property
    def committed_days(self) -> Decimal:
        return sum((line.committed_days for line in self.by_region), Decimal(0))

    @property
    def delivered_days(self) -> Decimal:
        return sum((line.delivered_days for line in self.by_region), Decimal(0))


def parse_month(text: str | None, *, today: dt.date | None = None) -> dt.date:
    """The first day of the month written ``YYYY-MM``; this month when empty."""
    today = today or dt.date.today()
    if not text:
        return today.replace(day=1)
    try:
        year, month = (int(part) for part in text.split("-"))
        return dt.date(year, month, 1)
    except ValueError as error:
        raise InputError(
            gettext("Enter the month as year and month, like %(example)s.")
            % {"example": f"{today:%Y-%m}"},
            field="month",
            value=text,
        ) from error


def _committed(
    per_month: Decimal,
    started_on: dt.date,
    ended_on: dt.date | None,
    month_start: dt.date,
    month_end: dt.date,
    *,
    until: dt.date | None = None,
) -> Decimal:
    """Days owed in the month, rounded to the half day; up to ``until`` only, when given."""
    first = max(started_on, month_start)
    last = min(ended_on or month_end, month_end, until or month_end)
    if last < first:
        return Decimal(0)
    share = Decimal((last - first).days + 1) / Decimal((month_end - month_start).days + 1)
    return (per_month * share * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def _expected_until(month_start: dt.date, month_end: dt.date, today: dt.date) -> dt.date:
    """The last day whose support is expected by ``today``: yesterday in the month under way."""
    return min(month_end, today - dt.timedelta(days=1))


def monthly_report(
    month_start: dt.date, *, areas=None, today: dt.date | None = None
) -> MonthlyReport:
    """Delivered against committed days in the month starting ``month_start``.

    ``areas`` limits the report to a queryset of areas (e.g. one region's); ``today`` (the
    real today when not given) decides how much of the commitment is expected yet.
    """
    month_end = _end_of(month_start)
    until = _expected_until(month_start, month_end, today or dt.date.today())
    per_role = Decimal(settings.SUPPORT_DAYS_PER_MONTH)
    areas = areas if areas is not None else Area.objects.all()
    area_rows = {
        a.pk: Line(key=a.pk, label=a.name, region=a.region.name)
        for a in areas.select_related("region")
    }
    assignments = Assignment.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=month_start),
        area_id__in=areas.values("pk"),
        started_on__lte=month_end,
    ).values_list("area_id", "person_id", "role", "started_on", "ended_on")
    delivered = (
        SupportEntry.objects.filter(
            date__gte=month_start, date__lte=month_end, area_id__in=areas.values("pk")
        )
        .values_list("area_id", "person_id", "role")
        .annotate(days=Sum("days"))
        .order_by()
    )
    people: dict[int, Line] = {}

    def person_line(person_id: int) -> Line:
        if person_id not in people:
            people[person_id] = Line(key=person_id, label="")
        return people[person_id]

    for area_id, person_id, role, started_on, ended_on in assignments:
        owed = _committed(per_role, started_on, ended_on, month_start, month_end)
        due = _committed(per_role, started_on, ended_on, month_start, month_end, until=until)
        line = area_rows[area_id]
        line.committed_days += owed
        line.expected_days += due
        line.detail[f"{role}_committed"] = line.detail.get(f"{role}_committed", Decimal(0)) + owed
        line.detail[f"{role}_expected"] = line.detail.get(f"{role}_expected", Decimal(0)) + due
        person = person_line(person_id)
        person.committed_days += owed
        person.expected_days += due
    for area_id, person_id, role, days in delivered:
        line = area_rows[area_id]
        line.delivered_days += days
        line.detail[f"{role}_delivered"] = line.detail.get(f"{role}_delivered", Decimal(0)) + days
        person_line(person_id).delivered_days += days

    users = get_user_model().objects.filter(pk__in=people).select_related("profile__region")
    for user in users:
        line = people[user.pk]
        line.label = display_name(user)
        profile = getattr(user, "profile", None)
        line.region = profile.region.name if profile is not None and profile.region else ""
    regions: dict[str, Line] = {}
    for line in area_rows.values():
        region = regions.setdefault(line.region, Line(key=line.region, label=line.region))
        region.committed_days += line.committed_days
        region.delivered_days += line.delivered_days
        region.expected_days += line.expected_days
        for role in AssignmentRole.values:
            for part in ("committed", "expected", "delivered"):
                line.detail.setdefault(f"{role}_{part}", Decimal(0))
    return MonthlyReport(
        month_start=month_start,
        month_end=month_end,
        by_area=sorted(area_rows.values(), key=lambda x: (x.region, x.label)),
        by_person=sorted(people.values(), key=lambda x: x.label),
        by_region=sorted(regions.values(), key=lambda x: x.label),
        in_progress=until < month_end,
    )


@dataclass(frozen=True)
class MonthTotal:
    """Days committed and delivered in one month (for a chart and its table)."""

    month_start: dt.date
    committed_days: Decimal
    delivered_days: Decimal


def support_by_month(
    first_month: dt.date, last_month: dt.date, *, areas=None, person=None
) -> list[MonthTotal]:
    """Days committed and delivered each month from ``first_month`` to ``last_month``, for the
    areas in ``areas`` (a queryset; all when None) and, when given, one ``person``'s work only.

    The same rule as :func:`monthly_report` (each assignment's days pro-rated to the days of
    the month it runs), in two queries however many months.
    """
    months = month_starts(first_month, last_month)
    if not months:
        return []
    start, end = months[0], _end_of(months[-1])
    per_role = Decimal(settings.SUPPORT_DAYS_PER_MONTH)
    assignments = Assignment.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start), started_on__lte=end
    )
    entries = SupportEntry.objects.filter(date__gte=start, date__lte=end)
    if areas is not None:
        assignments = assignments.filter(area_id__in=areas.values("pk"))
        entries = entries.filter(area_id__in=areas.values("pk"))
    if person is not None:
        assignments = assignments.filter(person=person)
        entries = entries.filter(person=person)
    spans = list(assignments.values_list("started_on", "ended_on"))
    delivered = dict(
        entries.annotate(month=TruncMonth("date"))
        .values_list("month")
        .annotate(days=Sum("days"))
        .order_by()
    )
    return [
        MonthTotal(
            month_start=month,
            committed_days=sum(
                (_committed(per_role, s, e, month, _end_of(month)) for s, e in spans),
                Decimal(0),
            ),
            delivered_days=delivered.get(month, Decimal(0)),
        )
        for month in months
    ]
