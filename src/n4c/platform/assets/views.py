"""Asset pages: an area's register (map, import, export), an asset, a case timeline, calendars.

Every queryset starts from the access functions; the dates all come from services.case_deadlines.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from n4c import rights
from n4c.errors import InputError
from n4c.platform.areas.access import areas_visible_to
from n4c.platform.assets.access import (
    area_for_editing,
    area_for_feed,
    area_for_viewing,
    assets_visible_to,
    can_edit_area_assets,
    cases_visible_to,
    plan_cases_visible_to,
)
from n4c.platform.assets.forms import (
    AssetForm,
    CaseForm,
    CloseForm,
    EventForm,
    ExtensionForm,
    ImportForm,
    PlanCaseForm,
)
from n4c.platform.assets.mapping import MapPoint, asset_map_svg
from n4c.platform.assets.models import AssetCase, CalendarFeed, PlanCase
from n4c.platform.assets.services import (
    add_asset,
    agree_extension,
    case_deadlines,
    close_case,
    import_assets,
    open_case,
    record_event,
    renew_calendar_feed,
    stop_calendar_feed,
    upcoming_deadlines,
)
from n4c.platform.regions.models import Region

CALENDAR_DAYS = 180


def _form_errors(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def register(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    can_edit = can_edit_area_assets(request.user, area)
    form = AssetForm(request.POST or None)
    if request.method == "POST":
        area_for_editing(request.user, area)
        if form.is_valid():
            try:
                asset = add_asset(request.user, area, form.cleaned_data)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, f"{asset.name} added to the register.")
                return redirect("assets:register", area_id=area.pk)
    assets = list(assets_visible_to(request.user).filter(area=area))
    points = [
        MapPoint(a.name, a.kind, a.latitude, a.longitude, a.get_absolute_url())
        for a in assets
        if a.latitude is not None and a.longitude is not None
    ]
    cases = cases_visible_to(request.user).filter(asset__area=area).select_related("asset__area")
    plan_cases = plan_cases_visible_to(request.user).filter(area=area).select_related("area")
    return render(
        request,
        "assets/register.html",
        {
            "area": area,
            "assets": assets,
            "map_svg": asset_map_svg(points),
            "unmapped": [a for a in assets if a.latitude is None or a.longitude is None],
            "form": form,
            "import_form": ImportForm(),
            "can_edit": can_edit,
            "feed": CalendarFeed.objects.filter(area=area).first(),
            "plan_cases": plan_cases,
            "plan_case_form": PlanCaseForm(initial={"opened_on": dt.date.today()}),
            "upcoming": upcoming_deadlines(
                [
                    *cases.prefetch_related("events", "extensions"),
                    *plan_cases.prefetch_related("events"),
                ],
                start=dt.date.today(),
                days=CALENDAR_DAYS,
            ),
        },
    )


@login_required
def export_csv(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    text = rights.assets_to_text(
        a.to_core() for a in assets_visible_to(request.user).filter(area=area)
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="assets-area-{area.pk}.csv"'
    return response


@login_required
@require_POST
def import_csv(request, area_id: int):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a CSV file to import.")
        return redirect("assets:register", area_id=area.pk)
    upload = form.cleaned_data["file"]
    try:
        text = io.StringIO(upload.read().decode("utf-8-sig"))
        result = import_assets(request.user, area, text, name=upload.name)
    except UnicodeDecodeError:
        messages.error(
            request, f"{upload.name} is not UTF-8 text; save it as CSV UTF-8 and try again."
        )
        return redirect("assets:register", area_id=area.pk)
    except InputError as error:
        messages.error(request, str(error))
        return redirect("assets:register", area_id=area.pk)
    level = messages.SUCCESS if not result.rejected else messages.WARNING
    messages.add_message(request, level, result.summary())
    for item in result.rejected[:20]:
        for problem in item.errors:
            messages.warning(request, str(problem))
    return redirect("assets:register", area_id=area.pk)


@login_required
def asset_detail(request, pk: int):
    asset = get_object_or_404(assets_visible_to(request.user).select_related("area"), pk=pk)
    return render(
        request,
        "assets/asset_detail.html",
        {
            "asset": asset,
            "cases": asset.cases.all(),
            "can_edit": can_edit_area_assets(request.user, asset.area),
            "case_form": CaseForm(initial={"opened_on": dt.date.today()}),
        },
    )


@login_required
@require_POST
def case_create(request, pk: int):
    asset = get_object_or_404(assets_visible_to(request.user).select_related("area"), pk=pk)
    area_for_editing(request.user, asset.area)
    form = CaseForm(request.POST)
    if form.is_valid():
        case = open_case(request.user, asset, **form.cleaned_data)
        messages.success(request, "Case opened. Record what has happened to see its deadlines.")
        return redirect(case)
    messages.error(request, "Give the case a title and the date it opened.")
    return redirect(asset)


@login_required
def case_detail(request, pk: int):
    case = get_object_or_404(cases_visible_to(request.user).select_related("asset__area"), pk=pk)
    can_edit = can_edit_area_assets(request.user, case.asset.area)
    deadlines = case_deadlines(case)
    extendable = [
        (d.rule_id, f"{d.title} ({d.date:%d %b %Y})")
        for d in deadlines
        if d.rule_id in _extendable_rule_ids()
    ]
    action = request.POST.get("action", "event") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    form = EventForm(data if action == "event" else None)
    extension_form = ExtensionForm(data if action == "extension" else None, extendable=extendable)
    close_form = CloseForm(
        data if action == "close" else None, initial={"closed_on": dt.date.today()}
    )
    if request.method == "POST":
        area_for_editing(request.user, case.asset.area)
        handlers: dict[str, tuple[forms.Form, Callable[..., object], str]] = {
            "event": (form, record_event, "Event recorded; the dates below include it."),
            "extension": (extension_form, agree_extension, "Extension recorded."),
            "close": (close_form, close_case, "Case closed; its dates leave the calendars."),
        }
        chosen, change, done = handlers.get(action, handlers["event"])
        if chosen.is_valid():
            try:
                change(request.user, case, **chosen.cleaned_data)
            except ValidationError as error:
                _form_errors(chosen, error)
            else:
                messages.success(request, done)
                return redirect(case)
        deadlines = case_deadlines(case)
    # One timeline: what happened and what follows from it, in date order.
    timeline = [("event", e.date, e) for e in case.events.all()] + [
        ("deadline", d.date, d) for d in deadlines
    ]
    timeline.sort(key=lambda item: (item[1], item[0] == "deadline"))
    return render(
        request,
        "assets/case_detail.html",
        {
            "case": case,
            "timeline": timeline,
            "form": form,
            "extension_form": extension_form if extendable else None,
            "close_form": close_form,
            "can_edit": can_edit,
            "today": dt.date.today(),
        },
    )


def _extendable_rule_ids() -> set[str]:
    return {r.id for r in rights.default_rulebook().rules if r.extendable}


@login_required
def calendar(request):
    """Upcoming deadlines across the areas the user may see, for one region or area if asked."""
    cases = (
        cases_visible_to(request.user)
        .select_related("asset__area__region")
        .prefetch_related("events", "extensions")
    )
    plan_cases = (
        plan_cases_visible_to(request.user).select_related("area").prefetch_related("events")
    )
    region_code = request.GET.get("region", "")
    area_id = request.GET.get("area", "")
    if region_code:
        cases = cases.filter(asset__area__region__code=region_code)
        plan_cases = plan_cases.filter(area__region__code=region_code)
    if area_id.isdigit():
        cases = cases.filter(asset__area_id=int(area_id))
        plan_cases = plan_cases.filter(area_id=int(area_id))
    try:
        days = max(1, min(int(request.GET.get("days", CALENDAR_DAYS)), 3 * 365))
    except ValueError:
        days = CALENDAR_DAYS
    today = dt.date.today()
    return render(
        request,
        "assets/calendar.html",
        {
            "upcoming": upcoming_deadlines([*cases, *plan_cases], start=today, days=days),
            "regions": Region.objects.all(),
            "areas": areas_visible_to(request.user),
            "region_code": region_code,
            "area_id": area_id,
            "days": days,
            "today": today,
        },
    )


@login_required
def area_ics(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    return _area_calendar(
        request,
        area,
        cases_visible_to(request.user).filter(asset__area=area),
        plan_cases_visible_to(request.user).filter(area=area),
    )


def area_feed(request, area_id: int, token: str):
    """The same calendar at a secret address, for calendar apps that cannot sign in."""
    area = area_for_feed(area_id, token)
    response = _area_calendar(
        request,
        area,
        AssetCase.objects.filter(asset__area=area),
        PlanCase.objects.filter(area=area),
    )
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def feed_change(request, area_id: int):
    """Turn the subscribable feed on, give it a new address, or turn it off."""
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    if request.POST.get("action") == "stop":
        if stop_calendar_feed(area):
            messages.success(request, "Calendar feed turned off; its address no longer works.")
    else:
        renew_calendar_feed(request.user, area)
        messages.success(
            request, "Calendar feed address made. Any earlier address no longer works."
        )
    return redirect("assets:register", area_id=area.pk)


def _area_calendar(request, area, cases, plan_cases) -> HttpResponse:
    open_cases: list[tuple[AssetCase | PlanCase, str, str]] = [
        (case, case.asset.name, f"n4c-case-{case.pk}")
        for case in cases.filter(closed_on__isnull=True)
        .select_related("asset")
        .prefetch_related("events", "extensions")
    ]
    open_cases += [
        (case, "Neighbourhood plan", f"n4c-plan-{case.pk}")
        for case in plan_cases.filter(closed_on__isnull=True).prefetch_related("events")
    ]
    entries = []
    for case, label, uid in open_cases:
        for deadline in case_deadlines(case):
            if deadline.status != "not_applicable":
                entries.append(
                    rights.CalendarEntry(
                        deadline, label, uid, request.build_absolute_uri(case.get_absolute_url())
                    )
                )
    body = rights.deadlines_calendar(entries, name=f"{area.name}: community rights deadlines")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="area-{area.pk}-deadlines.ics"'
    return response
