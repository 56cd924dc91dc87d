"""The audit log page, for those who hold ``audit.view_auditevent`` (the national team).

Which roles hold it is the people app's decision (``people.backends``): audit sits below every
app that records changes, so it knows no role.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from n4c.platform.audit.models import AuditEvent
from n4c.platform.core.sorting import sorted_page

#: The log's columns, by their name in the address.
_SORTS = {"when": "at", "who": "actor_name", "what": "action", "record": "model"}


@login_required
def event_list(request):
    if not request.user.has_perm("audit.view_auditevent"):
        raise PermissionDenied(_("The audit log is for the national team."))
    events = AuditEvent.objects.all()
    listing = sorted_page(request, events, sorts=_SORTS, default="when", default_order="desc")
    return render(request, "audit/event_list.html", {"listing": listing})
