"""The measures page (read by all who see the area; members of its partnership and its staff
propose and record), the page that changes one measure, and the photos."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import area_for_editing, area_for_viewing, can_edit_area
from n4c.platform.core.forms import apply_service
from n4c.platform.core.fragments import FRAGMENT_SECONDS
from n4c.platform.measures import services
from n4c.platform.measures.access import area_for_recording, can_record, recorder_shown_to
from n4c.platform.measures.forms import MeasureChangeForm, MeasureForm, ValueForm
from n4c.platform.measures.models import LocalMeasure, MeasureValue
from n4c.platform.measures.progress import describe_progress


@dataclass
class MeasureRow:
    measure: LocalMeasure
    values: list[MeasureValue]
    progress: str
    value_form: ValueForm | None = None


def _rows(area) -> list[MeasureRow]:
    rows = []
    for measure in services.measures_of(area):
        values = list(measure.values.all())
        rows.append(MeasureRow(measure, values, describe_progress(measure, values)))
    return rows


def measures_panel_context(request, area) -> dict:
    """What the area page shows beside the baseline: each measure's progress in words; lazy,
    so the cached panel runs no query until it is stale."""
    return {
        "measure_rows": SimpleLazyObject(lambda: _rows(area)),
        "version": services.MEASURES_VERSION.current(),
        "fragment_seconds": FRAGMENT_SECONDS,
    }


def _render(request, area, status: int = 200, *, failed=None):
    """The measures page; ``failed`` is (measure id or 0 for the new measure, form) to show again."""
    failed_id, failed_form = failed or (None, None)
    rows = _rows(area)
    recording = can_record(request.user, area)
    may_edit = can_edit_area(request.user, area)
    for row in rows:
        for entry in row.values:
            entry.recorder = recorder_shown_to(  # type: ignore[attr-defined]
                request.user, area, entry, may_edit=may_edit
            )
    if recording:
        for row in rows:
            mine = failed_id == row.measure.pk
            row.value_form = (
                failed_form
                if mine
                else ValueForm(prefix=f"m{row.measure.pk}", evidence=row.measure.evidence)
            )
    context = {
        "area": area,
        "rows": rows,
        "can_record": recording,
        "can_edit": may_edit,
        "measure_form": (failed_form if failed_id == 0 else MeasureForm()) if recording else None,
    }
    return render(request, "measures/measure_list.html", context, status=status)


@login_required
def measure_list(request, area_id: int):
    return _render(request, area_for_viewing(request.user, area_id))


@login_required
@require_POST
def propose(request, area_id: int):
    area = area_for_recording(request.user, area_id)
    form = MeasureForm(request.POST)
    measure = apply_service(form, lambda data: services.propose_measure(request.user, area, **data))
    if measure is None:
        return _render(request, area, 400, failed=(0, form))
    if measure.status == LocalMeasure.Status.AGREED:
        said = _("“%(measure)s” is added.")
    else:
        said = _("“%(measure)s” is proposed.")
    messages.success(request, said % {"measure": measure})
    return redirect("measures:list", area.pk)


@login_required
@require_POST
def record(request, area_id: int, measure_id: int):
    area = area_for_recording(request.user, area_id)
    measure = get_object_or_404(LocalMeasure, pk=measure_id, area=area)
    form = ValueForm(
        request.POST, request.FILES, prefix=f"m{measure.pk}", evidence=measure.evidence
    )
    entry = apply_service(form, lambda data: services.record_value(request.user, measure, **data))
    if entry is None:
        return _render(request, area, 400, failed=(measure.pk, form))
    messages.success(request, _("The value for “%(measure)s” is recorded.") % {"measure": measure})
    return redirect("measures:list", area.pk)


@login_required
def change(request, area_id: int, measure_id: int):
    area = area_for_editing(request.user, area_id)
    measure = get_object_or_404(LocalMeasure, pk=measure_id, area=area)
    form = MeasureChangeForm(request.POST or None, instance=measure)
    if request.method == "POST":
        # The form changed the instance as it validated; the service saves and audits.
        before = LocalMeasure.objects.get(pk=measure.pk)
        changed = apply_service(
            form, lambda data: services.change_measure(request.user, before, **data)
        )
        if changed is not None:
            messages.success(request, _("“%(measure)s” is saved.") % {"measure": changed})
            return redirect("measures:list", area.pk)
    context = {"area": area, "measure": measure, "form": form}
    return render(
        request, "measures/measure_change.html", context, status=400 if form.errors else 200
    )


@login_required
def photo(request, area_id: int, value_id: int):
    area = area_for_viewing(request.user, area_id)
    entry = get_object_or_404(MeasureValue, pk=value_id, measure__area=area)
    if not entry.photo:
        raise Http404(_("That value has no photo."))
    response = HttpResponse(bytes(entry.photo), content_type=entry.photo_type)
    response["X-Content-Type-Options"] = "nosniff"  # untranslated: an HTTP header
    return response
