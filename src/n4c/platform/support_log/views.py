"""Logging support for an area, and the monthly report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.errors import InputError
from n4c.platform.areas.access import areas_visible_to
from n4c.platform.audit.services import record_export
from n4c.platform.core.exports import export_response
from n4c.platform.core.fragments import FRAGMENT_SECONDS
from n4c.platform.core.sorting import sorted_page
from n4c.platform.people.access import is_staff_role
from n4c.platform.people.models import display_name
from n4c.platform.plain.wording import days_text
from n4c.platform.regions.models import Region
from n4c.platform.support_log.forms import SupportEntryForm
from n4c.platform.support_log.freshness import SUPPORT_VERSION
from n4c.platform.support_log.models import Kind, SupportEntry
from n4c.platform.support_log.report import monthly_report, parse_month
from n4c.platform.support_log.services import can_log_support, log_support
from n4c.spreadsheets import DATE

if TYPE_CHECKING:
    import pandas as pd


@login_required
def entry_create(request, area_pk: int):
    area = get_object_or_404(areas_visible_to(request.user), pk=area_pk)
    if not can_log_support(request.user, area):
        raise PermissionDenied(
            _("Only the area's adviser or community worker can log support for it.")
        )
    form = SupportEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = log_support(request.user, area, **form.cleaned_data)
        messages.success(
            request,
            _("Logged %(days)s of support for %(area)s.")
            % {"days": days_text(entry.days), "area": area.name},
        )
        return redirect(area)
    return render(request, "support_log/entry_form.html", {"form": form, "area": area})


def _report_choices(request):
    """The month and the areas the report page shows, and what was wrong with the month."""
    if not is_staff_role(request.user):
        raise PermissionDenied(_("The monthly report is for the Network's staff."))
    error = None
    try:
        month_start = parse_month(request.GET.get("month"))
    except InputError as exc:
        error = exc.message
        month_start = parse_month(None)
    region_code = request.GET.get("region", "")
    areas = areas_visible_to(request.user)
    if region_code:
        areas = areas.filter(region__code=region_code)
    return month_start, areas, region_code, error


@login_required
def report(request):
    month_start, areas, region_code, error = _report_choices(request)
    return render(
        request,
        "support_log/report.html",
        {
            # Lazy: computed only when the cached fragment has gone stale.
            "report": SimpleLazyObject(lambda: monthly_report(month_start, areas=areas)),
            "month_start": month_start,
            "version": SUPPORT_VERSION.current(),
            "fragment_seconds": FRAGMENT_SECONDS,
            "month": f"{month_start:%Y-%m}",
            # The month under way expects a little more each day, so the copy lasts a day.
            "today": f"{dt.date.today():%Y-%m-%d}",
            "regions": Region.objects.all(),
            "region_code": region_code,
            "error": error,
        },
    )


def _lines(lines, *, region: bool) -> pd.DataFrame:
    rows = [
        {
            "name": line.label,
            **({"region": line.region} if region else {}),
            "committed_days": float(line.committed_days),
            "delivered_days": float(line.delivered_days),
            "gap_days": float(line.gap_days),
        }
        for line in lines
    ]
    columns = ["name", *(["region"] if region else []), "committed_days", "delivered_days"]
    import pandas as pd

    return pd.DataFrame(rows, columns=[*columns, "gap_days"])


@login_required
def report_export(request, file_format: str):
    """The monthly report the page shows (its month and region), by area, person and region."""
    month_start, areas, region_code, _error = _report_choices(request)
    found = monthly_report(month_start, areas=areas)
    # The sheets' names and the columns (here and in ``_history``) stay English in every
    # language: they are identifiers that spreadsheets and other programs look up.
    sheets = {
        "by area": _lines(found.by_area, region=True),
        "by person": _lines(found.by_person, region=True),
        "by region": _lines(found.by_region, region=False),
    }
    days = {name: "0.0" for name in ("committed_days", "delivered_days", "gap_days")}
    name = f"support-{month_start:%Y-%m}"
    response = export_response(sheets, name=name, file_format=file_format, formats=days)
    values = {"month": f"{month_start:%Y-%m}", "region": region_code, "format": file_format.upper()}
    if region_code:
        description = _("Monthly report %(month)s, region %(region)s, %(format)s") % values
    else:
        description = _("Monthly report %(month)s, %(format)s") % values
    record_export(request.user, SupportEntry, description)
    return response


def _history(entries) -> pd.DataFrame:
    rows = [
        {
            "date": entry.date,
            "area": entry.area.name,
            "person": display_name(entry.person),
            "role": entry.get_role_display(),
            "kind": entry.get_kind_display(),
            "days": float(entry.days),
            "notes": entry.notes,
            "follow_ups": entry.follow_ups,
        }
        for entry in entries.select_related("area", "person")
    ]
    columns = ["date", "area", "person", "role", "kind", "days", "notes", "follow_ups"]
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _history_response(request, entries, *, name: str, what: str, file_format: str):
    frame = _history(entries.order_by("-date", "-pk"))
    formats = {"date": DATE, "days": "0.0"}
    response = export_response(
        {"support": frame}, name=name, file_format=file_format, formats=formats
    )
    description = ngettext(
        "%(what)s, %(rows)s row, %(format)s", "%(what)s, %(rows)s rows, %(format)s", len(frame)
    ) % {"what": what, "rows": len(frame), "format": file_format.upper()}
    record_export(request.user, SupportEntry, description)
    return response


#: The support history table's columns, by their name in the address.
_HISTORY_SORTS = {"date": "date", "kind": "kind", "who": "person__last_name", "days": "days"}


@login_required
def area_history_page(request, area_pk: int):
    """One area's whole support history, newest first, a page at a time; staff may filter it by
    kind of support and sort it by a column, and download it whole."""
    if not is_staff_role(request.user):
        raise PermissionDenied(_("Support histories are for the Network's staff."))
    area = get_object_or_404(areas_visible_to(request.user), pk=area_pk)
    entries = SupportEntry.objects.filter(area=area).select_related("person")
    kind = request.GET.get("kind", "")
    if kind in Kind.values:
        entries = entries.filter(kind=kind)
    listing = sorted_page(
        request, entries, sorts=_HISTORY_SORTS, default="date", default_order="desc"
    )
    return render(
        request,
        "support_log/area_history.html",
        {"area": area, "listing": listing, "kinds": Kind.choices, "kind": kind},
    )


@login_required
def area_history(request, area_pk: int, file_format: str):
    """Every support entry of one area the user may see, newest first."""
    area = get_object_or_404(areas_visible_to(request.user), pk=area_pk)
    entries = SupportEntry.objects.filter(area=area)
    what = _("Support history of %(name)s") % {"name": area.name}
    return _history_response(
        request, entries, name=f"support-area-{area.pk}", what=what, file_format=file_format
    )


@login_required
def person_history(request, person_pk: int, file_format: str):
    """Every support entry one member of staff logged, in the areas the user may see."""
    if not is_staff_role(request.user):
        raise PermissionDenied(_("Support histories are for the Network's staff."))
    person = get_object_or_404(get_user_model(), pk=person_pk)
    entries = SupportEntry.objects.filter(person=person, area__in=areas_visible_to(request.user))
    what = _("Support history of %(name)s") % {"name": display_name(person)}
    return _history_response(
        request, entries, name=f"support-person-{person.pk}", what=what, file_format=file_format
    )
