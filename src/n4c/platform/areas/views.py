"""Area pages: the list, one area with its baseline and people, its neighbourhood profile,
adding and changing an area."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from n4c.errors import InputError
from n4c.platform.areas.access import areas_editable_by, areas_visible_to, can_edit_area
from n4c.platform.areas.forms import AreaChangeForm, AreaCreateForm, RefreezeForm
from n4c.platform.areas.hooks import area_actions_for, area_links_for, area_panels_for
from n4c.platform.areas.models import Stage
from n4c.platform.areas.profile_area import area_profile_parts
from n4c.platform.areas.services import (
    can_create_areas,
    change_area,
    create_area,
    refreeze_baseline,
)
from n4c.platform.core.forms import apply_service, form_status
from n4c.platform.core.sorting import sorted_page
from n4c.platform.regions.models import Region

#: The area list's columns, by their name in the address.
_AREA_SORTS = {
    "name": "name",
    "region": "region__name",
    "stage": "stage",
    "imd_rank": "imd_rank",
    "cni_rank": "cni_rank",
    "population": "population",
}


@login_required
def area_list(request):
    areas = areas_visible_to(request.user).select_related("region")
    region_code = request.GET.get("region", "")
    stage = request.GET.get("stage", "")
    if region_code:
        areas = areas.filter(region__code=region_code)
    if stage in Stage.values:
        areas = areas.filter(stage=stage)
    listing = sorted_page(request, areas, sorts=_AREA_SORTS, default="name")
    # Filtering through htmx swaps in the results alone; the full page works without it. When
    # htmx restores a page from history it needs the whole page, not the part.
    results_only = request.htmx and not request.htmx.history_restore_request
    response = render(
        request,
        "areas/_area_results.html" if results_only else "areas/area_list.html",
        {
            "listing": listing,
            "regions": Region.objects.all(),
            "stages": Stage.choices,
            "region_code": region_code,
            "stage": stage,
            "can_create": can_create_areas(request.user),
        },
    )
    # The same address answers a part or the whole page, so caches must tell them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
def area_detail(request, pk: int):
    area = get_object_or_404(areas_visible_to(request.user).select_related("region"), pk=pk)
    # Other apps add their links, buttons and panels through areas.hooks: this page imports none.
    return render(
        request,
        "areas/area_detail.html",
        {
            "area": area,
            "snapshots": list(area.snapshots.all()),
            "refreeze_form": RefreezeForm() if can_edit_area(request.user, area) else None,
            "can_edit": can_edit_area(request.user, area),
            "area_actions": area_actions_for(request.user, area),
            "area_links": area_links_for(request.user, area),
            "area_panels": area_panels_for(request, area),
        },
    )


@login_required
def area_create(request):
    if not can_create_areas(request.user):
        raise PermissionDenied(_("Only the national team and hub leads can create areas."))
    form = AreaCreateForm(request.POST or None)
    if request.method == "POST":
        area = apply_service(form, lambda data: create_area(request.user, **data))
        if area is not None:
            messages.success(request, _("%(name)s added.") % {"name": area.name})
            return redirect(area)
    return render(
        request,
        "areas/area_form.html",
        {"form": form, "title": _("Add an area")},
        status=form_status(form),
    )


@login_required
def area_edit(request, pk: int):
    area = get_object_or_404(areas_editable_by(request.user), pk=pk)
    form = AreaChangeForm(request.POST or None, instance=area)
    if request.method == "POST" and apply_service(
        form, lambda data: change_area(request.user, area, **data)
    ):
        messages.success(request, _("%(name)s saved.") % {"name": area.name})
        return redirect(area)
    title = _("Change %(name)s") % {"name": area.name}
    return render(request, "areas/area_form.html", {"form": form, "title": title})


@login_required
def area_profile(request, pk: int):
    area = get_object_or_404(areas_visible_to(request.user).select_related("region"), pk=pk)
    try:
        parts = area_profile_parts(area, map_src=reverse("areas:profile_map", args=[area.pk]))
    except InputError as error:
        context = {"area": area, "profile_error": error.message}
    else:
        # n4c.profiles escapes every value it writes into the body.
        context = {"area": area, "profile_body": mark_safe(parts["body"])}
    return render(request, "areas/area_profile.html", context)


@login_required
def area_profile_map(request, pk: int):
    area = get_object_or_404(areas_visible_to(request.user), pk=pk)
    try:
        parts = area_profile_parts(area, map_src=reverse("areas:profile_map", args=[area.pk]))
    except InputError:
        raise Http404(_("n4c holds no map for this area's wards.")) from None
    return HttpResponse(parts["map_svg"], content_type="image/svg+xml")


@login_required
def area_refreeze(request, pk: int):
    """Freeze the area's baseline again, on purpose and with a reason; the history stays."""
    area = get_object_or_404(areas_editable_by(request.user), pk=pk)
    form = RefreezeForm(request.POST or None)
    if request.method == "POST":
        frozen = apply_service(
            form, lambda data: refreeze_baseline(request.user, area, reason=data["reason"])
        )
        if frozen is not None:
            messages.success(
                request,
                _("Baseline frozen again as version %(version)s.") % {"version": frozen.version},
            )
            return redirect(area)
    return render(
        request,
        "areas/area_form.html",
        {"form": form, "title": _("Freeze the baseline of %(name)s again") % {"name": area.name}},
    )
