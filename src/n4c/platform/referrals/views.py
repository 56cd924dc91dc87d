"""Referral pages: all referrals you can see, the partner directory, an area's referrals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import area_for_editing, area_for_viewing, areas_editable_by
from n4c.platform.audit.services import record_export
from n4c.platform.core.exports import export_response
from n4c.platform.core.forms import apply_service
from n4c.platform.core.sorting import sorted_page
from n4c.platform.people.access import is_staff_role
from n4c.platform.referrals import services
from n4c.platform.referrals.access import (
    can_manage_partners,
    partners_visible_to,
    referrals_visible_to,
)
from n4c.platform.referrals.forms import PartnerForm, ReferralForm, ReferralUpdateForm
from n4c.platform.referrals.models import Referral, Specialism
from n4c.spreadsheets import DATE

#: The referral list's columns, by their name in the address.
_SORTS = {
    "date": "referred_on",
    "area": "area__name",
    "partner": "partner__name",
    "status": "status",
}


def _filtered_referrals(request):
    referrals = referrals_visible_to(request.user)
    status = request.GET.get("status", "")
    if status in Referral.Status.values:
        referrals = referrals.filter(status=status)
    return referrals, status


@login_required
def referral_list(request):
    referrals, status = _filtered_referrals(request)
    listing = sorted_page(request, referrals, sorts=_SORTS, default="date", default_order="desc")
    return render(
        request,
        "referrals/referral_list.html",
        {
            "listing": listing,
            "referrals": listing.page,
            "statuses": Referral.Status.choices,
            "status": status,
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def export(request, file_format: str):
    """The referrals the list shows (its filters, the user's access), as CSV or XLSX."""
    import pandas as pd  # here, not at the top: the platform starts without pandas

    referrals, status = _filtered_referrals(request)
    # The headings are the fields' names, for the programs that read the file; the status is in
    # the words of the list the person downloaded it from, in their language.
    frame = pd.DataFrame(
        [
            {
                "referred_on": r.referred_on,
                "area": r.area.name,
                "partner": r.partner.name,
                "need": r.need,
                "status": r.get_status_display(),
                "outcome": r.outcome,
                "closed_on": r.closed_on,
            }
            for r in referrals.order_by("-referred_on", "-pk")
        ],
        columns=["referred_on", "area", "partner", "need", "status", "outcome", "closed_on"],
    )
    response = export_response(
        {"referrals": frame},
        name="referrals",
        file_format=file_format,
        formats={"referred_on": DATE, "closed_on": DATE},
    )
    # The audit log's record of the download, kept in English like the rest of the log.
    shown = f" (status: {status})" if status else ""
    description = f"Referrals{shown}, {len(frame)} rows, {file_format.upper()}"
    record_export(request.user, Referral, description)
    return response


@login_required
def partner_list(request):
    if not is_staff_role(request.user):
        raise PermissionDenied(_("The partner directory is for the Network's staff."))
    form = (
        PartnerForm(request.POST or None, actor=request.user)
        if can_manage_partners(request.user)
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the national team and hub leads can add partners."))
        partner = apply_service(form, lambda data: services.add_partner(request.user, **data))
        if partner is not None:
            messages.success(
                request, _("%(partner)s is added to the directory.") % {"partner": partner}
            )
            return redirect("referrals:partners")
    partners = partners_visible_to(request.user)
    specialism = request.GET.get("specialism", "")
    if specialism in Specialism.values:
        partners = partners.filter(specialism=specialism)
    return render(
        request,
        "referrals/partner_list.html",
        {
            "partners": partners,
            "form": form,
            "specialisms": Specialism.choices,
            "specialism": specialism,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def partner_detail(request, pk: int):
    partner = get_object_or_404(partners_visible_to(request.user), pk=pk)
    referrals = referrals_visible_to(request.user).filter(partner=partner)
    return render(
        request, "referrals/partner_detail.html", {"partner": partner, "referrals": referrals}
    )


@login_required
def area_referrals(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    can_edit = areas_editable_by(request.user).filter(pk=area.pk).exists()
    form = None
    if can_edit:
        form = ReferralForm(request.POST or None, partners=partners_visible_to(request.user))
    if request.method == "POST":
        area = area_for_editing(request.user, area_id)
        assert form is not None
        if form.is_valid():
            services.refer(request.user, area, **form.cleaned_data)
            referred = {"area": area, "partner": form.cleaned_data["partner"]}
            messages.success(request, _("%(area)s is referred to %(partner)s.") % referred)
            return redirect("referrals:area", area.pk)
    return render(
        request,
        "referrals/area_referrals.html",
        {
            "area": area,
            "referrals": referrals_visible_to(request.user).filter(area=area),
            "form": form,
            "can_edit": can_edit,
            "statuses": Referral.Status.choices,
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def update(request, pk: int):
    referral = get_object_or_404(referrals_visible_to(request.user), pk=pk)
    area_for_editing(request.user, referral.area_id)
    form = ReferralUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.update_referral(request.user, referral, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            status = referral.get_status_display().lower()
            messages.success(request, _("The referral is now %(status)s.") % {"status": status})
    return redirect("referrals:area", referral.area_id)
