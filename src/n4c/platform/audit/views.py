"""The audit log page, for those who hold ``audit.view_auditevent`` (the national team).

Which roles hold it is the people app's decision (``people.backends``): audit sits below every
app that records changes, so it knows no role.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from n4c.platform.audit.models import AuditEvent


@login_required
def event_list(request):
    if not request.user.has_perm("audit.view_auditevent"):
        raise PermissionDenied("The audit log is for the national team.")
    events = AuditEvent.objects.all()
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"page": page})
