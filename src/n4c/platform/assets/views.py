"""Register pages: an area's register (map, import, export) and an asset's page.

The apps above add their sections to both pages (see panels); every queryset starts from access.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c import rights
from n4c.errors import InputError
from n4c.platform.assets.access import (
    area_for_editing,
    area_for_viewing,
    assets_visible_to,
    can_edit_area_assets,
)
from n4c.platform.assets.forms import AssetForm, ImportForm
from n4c.platform.assets.mapping import MapPoint, area_outline_rings, asset_map_svg
from n4c.platform.assets.models import Asset
from n4c.platform.assets.panels import render_panels
from n4c.platform.assets.services import add_asset, import_assets
from n4c.platform.core.forms import apply_service, form_status
from n4c.platform.core.sorting import sorted_page
from n4c.rights.assets import KINDS, STATUSES

#: The register table's columns, by their name in the address.
_SORTS = {
    "name": "name",
    "kind": "kind",
    "owner": "owner",
    "postcode": "postcode",
    "lsoa": "lsoa_code",
    "condition": "condition",
    "status": "status",
}


@login_required
def register(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    form = AssetForm(request.POST or None)
    if request.method == "POST":
        area_for_editing(request.user, area)
        asset = apply_service(form, lambda data: add_asset(request.user, area, data))
        if asset is not None:
            messages.success(request, _("%(name)s added to the register.") % {"name": asset.name})
            return redirect("assets:register", area_id=area.pk)
    return register_page(request, area, form=form)


def register_page(request, area, *, form=None, bound: Mapping[str, Any] | None = None):
    """The register page of ``area``, answering 400 or 403 when a form on it was refused.

    ``form`` is the add-an-asset form; ``bound`` holds a refused form of a section the apps
    above add (see :func:`.panels.render_panels`). The map shows every asset the filter keeps;
    the table one page of them, sorted by the column the reader chose.
    """
    form = form or AssetForm()
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    assets = assets_visible_to(request.user).filter(area=area)
    if kind in KINDS:
        assets = assets.filter(kind=kind)
    if status in STATUSES:
        assets = assets.filter(status=status)
    listing = sorted_page(request, assets, sorts=_SORTS, default="name")
    found = list(assets)
    points = [
        MapPoint(
            a.name, a.kind, a.latitude, a.longitude, a.get_absolute_url(), a.get_kind_display()
        )
        for a in found
        if a.latitude is not None and a.longitude is not None
    ]
    refused = [f for f in (form, *(bound or {}).values()) if f.errors]
    return render(
        request,
        "assets/register.html",
        {
            "area": area,
            "listing": listing,
            "found": len(found),
            "kinds": Asset._meta.get_field("kind").choices,
            "statuses": Asset._meta.get_field("status").choices,
            "kind": kind,
            "status": status,
            "map_svg": asset_map_svg(points, outline=area_outline_rings(area) if points else None),
            "unmapped": [a for a in found if a.latitude is None or a.longitude is None],
            "form": form,
            "import_form": ImportForm(),
            "can_edit": can_edit_area_assets(request.user, area),
            "panels": render_panels("register", request, area, bound=bound),
        },
        status=max((form_status(f) for f in refused), default=200),
    )


@login_required
def export_csv(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    text = rights.assets_to_text(
        a.to_core() for a in assets_visible_to(request.user).filter(area=area)
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (  # untranslated: an HTTP header
        f'attachment; filename="assets-area-{area.pk}.csv"'
    )
    return response


@login_required
@require_POST
def import_csv(request, area_id: int):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV file to import."))
        return redirect("assets:register", area_id=area.pk)
    upload = form.cleaned_data["file"]
    try:
        result = import_assets(request.user, area, upload.read(), name=upload.name)
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
        {"asset": asset, "panels": render_panels("asset", request, asset)},
    )
