"""Resource pages: search, one resource, adding one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from n4c.platform.core.sorting import sorted_page
from n4c.platform.resources import services
from n4c.platform.resources.forms import ResourceForm
from n4c.platform.resources.models import Resource, Tag
from n4c.platform.resources.search import (
    can_manage_resources,
    resources_visible_to,
    search_resources,
)
from n4c.platform.resources.translations import resource_in


@login_required
def resource_list(request):
    query = request.GET.get("q", "").strip()
    tag = request.GET.get("tag", "")
    kind = request.GET.get("kind", "")
    found = search_resources(resources_visible_to(request.user), query, tag=tag, kind=kind)
    listing = sorted_page(request, found, sorts={"title": "title", "kind": "kind"}, default="title")
    return render(
        request,
        "resources/resource_list.html",
        {
            "listing": listing,
            "resources": listing.page,
            "q": query,
            "tag": tag,
            "kind": kind,
            "kinds": Resource.Kind.choices,
            "tags": Tag.objects.filter(resources__isnull=False).distinct(),
            "can_manage": can_manage_resources(request.user),
        },
    )


@login_required
def resource_detail(request, pk: int):
    resource = get_object_or_404(resources_visible_to(request.user), pk=pk)
    text = resource_in(resource, get_language())
    return render(
        request,
        "resources/resource_detail.html",
        {"resource": resource, "text": text, "can_manage": can_manage_resources(request.user)},
    )


@login_required
def resource_create(request):
    if not can_manage_resources(request.user):
        raise PermissionDenied(
            _("Only the national team, hub leads and specialists can add resources.")
        )
    form = ResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        tags = data.pop("tag_names")
        resource = services.add_resource(request.user, tags=tags, **data)
        messages.success(request, _("“%(title)s” is added.") % {"title": resource})
        return redirect(resource)
    return render(
        request,
        "resources/resource_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
