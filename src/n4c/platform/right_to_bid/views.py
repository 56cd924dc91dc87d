"""Case pages: opening a case from its asset's page, and a case's timeline with its changes.

Every queryset starts from the access functions; the dates all come from services.case_deadlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.assets.access import area_for_editing, assets_visible_to, can_edit_area_assets
from n4c.platform.assets.forms import WithdrawForm
from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import timeline
from n4c.platform.core.forms import apply_service
from n4c.platform.right_to_bid.access import cases_visible_to
from n4c.platform.right_to_bid.forms import CaseForm, CloseForm, EventForm, ExtensionForm
from n4c.platform.right_to_bid.journey import journey_of
from n4c.platform.right_to_bid.services import (
    agree_extension,
    case_deadlines,
    close_case,
    extendable_rule_ids,
    open_case,
    record_event,
    withdraw_event,
)


def asset_cases_panel(request, asset: Asset) -> dict:
    """The asset page's section: its cases, and the form to open one for those who may."""
    return {
        "asset": asset,
        "steps": journey_of(asset, today=timezone.localdate())[1],
        "cases": asset.cases.all(),
        "can_edit": can_edit_area_assets(request.user, asset.area),
        "case_form": CaseForm(initial={"opened_on": dt.date.today()}),
    }


@login_required
@require_POST
def case_create(request, pk: int):
    asset = get_object_or_404(assets_visible_to(request.user).select_related("area"), pk=pk)
    area_for_editing(request.user, asset.area)
    form = CaseForm(request.POST)
    if form.is_valid():
        case = open_case(request.user, asset, **form.cleaned_data)
        messages.success(request, _("Case opened. Record what has happened to see its deadlines."))
        return redirect(case)
    messages.error(request, _("Give the case a title and the date it opened."))
    return redirect(asset)


@login_required
def case_detail(request, pk: int):
    case = get_object_or_404(cases_visible_to(request.user).select_related("asset__area"), pk=pk)
    deadlines = case_deadlines(case)
    extendable = [
        (d.rule_id, f"{d.title} ({date_format(d.date, 'd M Y')})")
        for d in deadlines
        if d.rule_id in extendable_rule_ids()
    ]
    action = request.POST.get("action", "event") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    form = EventForm(data if action == "event" else None)
    extension_form = ExtensionForm(data if action == "extension" else None, extendable=extendable)
    close_form = CloseForm(
        data if action == "close" else None, initial={"closed_on": dt.date.today()}
    )
    events = list(case.events.all())
    withdraw_form = WithdrawForm(data if action == "withdraw" else None, events=events)
    if request.method == "POST":
        area_for_editing(request.user, case.asset.area)
        handlers: dict[str, tuple[forms.Form, Callable[..., object], str]] = {
            "event": (form, record_event, _("Event recorded; the dates below include it.")),
            "extension": (extension_form, agree_extension, _("Extension recorded.")),
            "close": (close_form, close_case, _("Case closed; its dates leave the calendars.")),
            "withdraw": (
                withdraw_form,
                withdraw_event,
                _("Event withdrawn; the dates below no longer count it."),
            ),
        }
        chosen, change, done = handlers.get(action, handlers["event"])
        if apply_service(chosen, lambda data: change(request.user, case, **data)) is not None:
            messages.success(request, done)
            return redirect(case)
        deadlines = case_deadlines(case)
    return render(
        request,
        "right_to_bid/case_detail.html",
        {
            "case": case,
            "timeline": timeline(events, deadlines),
            "withdraw_form": withdraw_form if withdraw_form.fields["event_id"].choices else None,
            "form": form,
            "extension_form": extension_form if extendable else None,
            "close_form": close_form,
            "can_edit": can_edit_area_assets(request.user, case.asset.area),
            "today": dt.date.today(),
        },
    )
