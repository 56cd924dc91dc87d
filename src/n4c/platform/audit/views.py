"""The audit log page, for the national team."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.access import is_national_team


@login_required
def event_list(request):
    if not is_national_team(request.user):
        raise PermissionDenied("The audit log is for the national team.")
    events = AuditEvent.objects.select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"page": page})
