"""Guided pages: an asset's task list with its template letters, and nominations that members
start and staff check and send. Every queryset starts from the access functions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from n4c.platform.areas.access import area_for_viewing, can_edit_area
from n4c.platform.assets.access import assets_visible_to
from n4c.platform.core.forms import apply_service
from n4c.platform.people.access import is_staff_role
from n4c.platform.right_to_bid.access import nominations_visible_to
from n4c.platform.right_to_bid.forms import NominationForm, SendForm
from n4c.platform.right_to_bid.journey import LETTERS, asset_letter, journey_of
from n4c.platform.right_to_bid.models import Nomination
from n4c.platform.right_to_bid.nominations import (
    change_nomination,
    nomination_letter,
    send_nomination,
    start_nomination,
)


def _text_file(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    disposition = f'attachment; filename="{filename}"'
    response["Content-Disposition"] = disposition  # untranslated: an HTTP header
    return response


@login_required
def journey(request, pk: int):
    """The asset's right to bid, step by step, with its letters filled in from its record."""
    asset = get_object_or_404(assets_visible_to(request.user).select_related("area"), pk=pk)
    today = timezone.localdate()
    case, steps = journey_of(asset, today=today)
    letters = [
        (name, title, asset_letter(asset, name, today=today)) for name, title in LETTERS.items()
    ]
    return render(
        request,
        "right_to_bid/journey.html",
        {"asset": asset, "case": case, "steps": steps, "letters": letters, "today": today},
    )


@login_required
def letter(request, pk: int, letter: str):
    asset = get_object_or_404(assets_visible_to(request.user), pk=pk)
    if letter not in LETTERS:
        raise Http404(_("There is no such letter."))
    text = asset_letter(asset, letter, today=timezone.localdate())
    return _text_file(text, f"{letter}-letter-asset-{asset.pk}.txt")


@login_required
def nominate(request, area_id: int):
    """A member (or staff) starts a nomination in their area, for staff to check and send."""
    area = area_for_viewing(request.user, area_id)
    form = NominationForm(request.POST or None, area=area, choose_asset=is_staff_role(request.user))
    if request.method == "POST":
        nomination = apply_service(form, lambda data: start_nomination(request.user, area, data))
        if nomination is not None:
            messages.success(
                request,
                _("Nomination saved. Staff will check it, then send it to the council for you."),
            )
            return redirect("right_to_bid:nominate", area_id=area.pk)
    return render(
        request,
        "right_to_bid/nominate.html",
        {
            "area": area,
            "form": form,
            "nominations": nominations_visible_to(request.user).filter(area=area),
        },
    )


@login_required
def nominations(request):
    """Staff's queue: drafts waiting to be checked and sent, then those sent."""
    if not is_staff_role(request.user):
        raise PermissionDenied(_("Only staff check nominations."))
    queue = nominations_visible_to(request.user).select_related("area", "started_by")
    return render(
        request,
        "right_to_bid/nominations.html",
        {
            "drafts": queue.filter(status=Nomination.Status.DRAFT),
            "sent": queue.filter(status=Nomination.Status.SENT)[:50],
        },
    )


@login_required
def nomination(request, pk: int):
    """Staff check a draft, change it, and mark it sent; the letter is shown as it stands."""
    item = get_object_or_404(
        nominations_visible_to(request.user).select_related("area", "case"), pk=pk
    )
    if not is_staff_role(request.user):
        raise PermissionDenied(_("Only staff check nominations."))
    action = request.POST.get("action", "") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    # The form sets its values on its own copy, so the service snapshots the record unchanged.
    copy = Nomination.objects.get(pk=item.pk)
    form = NominationForm(data if action == "change" else None, instance=copy, area=item.area)
    send_form = SendForm(
        data if action == "send" else None, initial={"sent_on": timezone.localdate()}
    )
    if request.method == "POST":
        if action == "send":
            done = apply_service(
                send_form, lambda data: send_nomination(request.user, item, **data)
            )
            message = _("Marked as sent: the case and its deadlines have started.")
        else:
            done = apply_service(form, lambda data: change_nomination(request.user, item, data))
            message = _("Nomination changed.")
        if done is not None:
            messages.success(request, message)
            return redirect(item)
        if item.status != Nomination.Status.DRAFT:
            # A sent nomination shows no forms, so its refusal is said at the top of the page.
            for form_with_errors in (send_form, form):
                for error in form_with_errors.non_field_errors():
                    messages.error(request, error)
            return redirect(item)
        item.refresh_from_db()
    return render(
        request,
        "right_to_bid/nomination.html",
        {
            "nomination": item,
            "form": form,
            "send_form": send_form,
            "letter": nomination_letter(item),
            "can_edit": can_edit_area(request.user, item.area)
            and item.status == Nomination.Status.DRAFT,
        },
    )


@login_required
def nomination_letter_file(request, pk: int):
    item = get_object_or_404(nominations_visible_to(request.user), pk=pk)
    if not is_staff_role(request.user):
        raise PermissionDenied(_("Only staff check nominations."))
    return _text_file(nomination_letter(item), f"nomination-letter-{item.pk}.txt")
