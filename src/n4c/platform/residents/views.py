"""Partnership member pages: an area's members, one member with consents, export and erasure."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import area_for_editing
from n4c.platform.core.forms import apply_service
from n4c.platform.people.views import show_set_password_link
from n4c.platform.residents import gdpr
from n4c.platform.residents.access import residents_visible_to
from n4c.platform.residents.forms import ConsentForm, EraseForm, ResidentForm, SignInForm


@login_required
def area_residents(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    form = ResidentForm(request.POST or None)
    resident = (
        apply_service(form, lambda data: gdpr.add_resident(request.user, area=area, **data))
        if request.method == "POST"
        else None
    )
    if resident is not None:
        messages.success(
            request, _("%(name)s is added. Now record what they agreed to.") % {"name": resident}
        )
        return redirect(resident)
    return render(
        request,
        "residents/area_residents.html",
        {
            "area": area,
            "residents": residents_visible_to(request.user).filter(area=area),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _detail(request, resident, status=200, **forms):
    return render(
        request,
        "residents/resident_detail.html",
        {
            "resident": resident,
            "consents": resident.consents.all(),
            "consent_form": forms.get("consent_form") or ConsentForm(),
            "erase_form": forms.get("erase_form") or EraseForm(),
            "sign_in_form": forms.get("sign_in_form") or SignInForm(),
        },
        status=status,
    )


@login_required
def resident_detail(request, pk: int):
    return _detail(request, get_object_or_404(residents_visible_to(request.user), pk=pk))


@login_required
@require_POST
def add_consent(request, pk: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return _detail(request, resident, 400, consent_form=form)
    gdpr.record_consent(request.user, resident, **form.cleaned_data)
    messages.success(request, _("The consent is recorded."))
    return redirect(resident)


@login_required
@require_POST
def withdraw(request, pk: int, consent_id: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    gdpr.withdraw_consent(request.user, get_object_or_404(resident.consents, pk=consent_id))
    messages.success(request, _("The consent is marked as withdrawn."))
    return redirect(resident)


@login_required
def export(request, pk: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    response = HttpResponse(
        json.dumps(gdpr.export_resident(request.user, resident), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    disposition = f'attachment; filename="resident-{resident.pk}.json"'
    response["Content-Disposition"] = disposition  # untranslated: an HTTP header
    return response


@login_required
@require_POST
def erase(request, pk: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return _detail(request, resident, 400, erase_form=form)
    area_id = resident.area_id
    gdpr.erase_resident(request.user, resident, mode=form.cleaned_data["mode"])
    messages.success(request, _("Their personal data is erased."))
    return redirect("residents:area", area_id)


def _link_page(request, resident, heading: str):
    return show_set_password_link(
        request,
        resident.account,
        heading=heading,
        back_url=resident.get_absolute_url(),
        back_label=_("Back to %(name)s") % {"name": resident.full_name},
    )


@login_required
@require_POST
def give_sign_in(request, pk: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    form = SignInForm(request.POST)
    given = apply_service(
        form,
        lambda data: gdpr.give_sign_in(
            request.user, resident, username=data["username"], language=data["language"]
        ),
    )
    if given is None:
        return _detail(request, resident, 400, sign_in_form=form)
    return _link_page(
        request, resident, _("%(name)s can now sign in") % {"name": resident.full_name}
    )


@login_required
@require_POST
def new_sign_in_link(request, pk: int):
    resident = get_object_or_404(
        residents_visible_to(request.user).filter(account__isnull=False), pk=pk
    )
    return _link_page(
        request, resident, _("A new link for %(name)s") % {"name": resident.full_name}
    )


@login_required
@require_POST
def remove_sign_in(request, pk: int):
    resident = get_object_or_404(residents_visible_to(request.user), pk=pk)
    gdpr.remove_sign_in(request.user, resident)
    messages.success(request, _("Their sign-in is removed; their member record stays."))
    return redirect(resident)
