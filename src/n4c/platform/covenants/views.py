"""The covenant page (read by all who see the area, changed by those who may change it) and
the covenant's panels on the area page and the plan page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import area_for_editing, area_for_viewing, can_edit_area
from n4c.platform.core.forms import apply_service
from n4c.platform.core.fragments import FRAGMENT_SECONDS
from n4c.platform.covenants import services
from n4c.platform.covenants.forms import (
    CommitmentForm,
    CommitmentStatusForm,
    ReviewPointForm,
    SignatoryForm,
)
from n4c.platform.covenants.models import Commitment, Signatory


def covenant_panel_context(request, area) -> dict:
    """What the area page and the plan page show of the covenant; lazy, so the cached area
    panel runs no query until it is stale."""
    today = timezone.localdate()
    return {
        "covenant": SimpleLazyObject(lambda: services.summarise(area, today)),
        "today": today,
        "version": services.COVENANT_VERSION.current(),
        "fragment_seconds": FRAGMENT_SECONDS,
    }


def _render(request, area, status: int = 200, *, failed: tuple[str, int, object] | None = None):
    """The covenant page; ``failed`` is (form kind, signatory or commitment id, form) to show
    again with its errors."""
    today = timezone.localdate()
    covenant = services.summarise(area, today)
    signatories = covenant.signatories
    context = {
        "area": area,
        "covenant": covenant,
        "today": today,
        "can_edit": can_edit_area(request.user, area),
        "statuses": Commitment.Status.choices,
    }
    if context["can_edit"]:
        kind, failed_id, failed_form = failed or ("", 0, None)
        context["signatory_form"] = failed_form if kind == "sign" else SignatoryForm()
        for signatory in signatories:
            mine = failed_id == signatory.pk
            signatory.commitment_form = (  # type: ignore[attr-defined]
                failed_form
                if kind == "commitment" and mine
                else CommitmentForm(prefix=f"c{signatory.pk}")
            )
            signatory.review_form = (  # type: ignore[attr-defined]
                failed_form
                if kind == "review" and mine
                else ReviewPointForm(prefix=f"r{signatory.pk}")
            )
        context["status_failed"] = (failed_id, failed_form) if kind == "status" else None
    return render(request, "covenants/covenant_detail.html", context, status=status)


@login_required
def covenant_detail(request, area_id: int):
    return _render(request, area_for_viewing(request.user, area_id))


@login_required
@require_POST
def sign(request, area_id: int):
    area = area_for_editing(request.user, area_id)
    form = SignatoryForm(request.POST)
    signatory = apply_service(form, lambda data: services.sign(request.user, area, **data))
    if signatory is None:
        return _render(request, area, 400, failed=("sign", 0, form))
    messages.success(
        request, _("%(organisation)s has signed the plan.") % {"organisation": signatory}
    )
    return redirect("covenants:detail", area.pk)


@login_required
@require_POST
def add_commitment(request, area_id: int, signatory_id: int):
    area = area_for_editing(request.user, area_id)
    signatory = get_object_or_404(Signatory, pk=signatory_id, plan__area=area)
    form = CommitmentForm(request.POST, prefix=f"c{signatory.pk}")
    made = apply_service(
        form, lambda data: services.add_commitment(request.user, signatory, **data)
    )
    if made is None:
        return _render(request, area, 400, failed=("commitment", signatory.pk, form))
    messages.success(
        request, _("The commitment is added to %(organisation)s's.") % {"organisation": signatory}
    )
    return redirect("covenants:detail", area.pk)


@login_required
@require_POST
def commitment_status(request, area_id: int, commitment_id: int):
    area = area_for_editing(request.user, area_id)
    commitment = get_object_or_404(Commitment, pk=commitment_id, signatory__plan__area=area)
    form = CommitmentStatusForm(request.POST)
    changed = apply_service(
        form, lambda data: services.set_commitment_status(request.user, commitment, **data)
    )
    if changed is None:
        return _render(request, area, 400, failed=("status", commitment.pk, form))
    messages.success(
        request,
        _("“%(commitment)s” is now %(status)s.")
        % {"commitment": commitment, "status": commitment.get_status_display().lower()},
    )
    return redirect("covenants:detail", area.pk)


@login_required
@require_POST
def add_review_point(request, area_id: int, signatory_id: int):
    area = area_for_editing(request.user, area_id)
    signatory = get_object_or_404(Signatory, pk=signatory_id, plan__area=area)
    form = ReviewPointForm(request.POST, prefix=f"r{signatory.pk}")
    made = apply_service(
        form, lambda data: services.add_review_point(request.user, signatory, **data)
    )
    if made is None:
        return _render(request, area, 400, failed=("review", signatory.pk, form))
    messages.success(
        request,
        _("The review date is added to %(organisation)s's.") % {"organisation": signatory},
    )
    return redirect("covenants:detail", area.pk)
