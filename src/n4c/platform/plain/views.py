"""The check as a fragment, for htmx to show beside a text box while it is written."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from n4c.platform.plain.checks import check_context


@login_required
@require_POST
def check(request):
    # htmx sends the whole form; the box being typed in is named by the HX-Trigger-Name header.
    name = request.htmx.trigger_name if request.htmx else None
    text = request.POST.get(name or "text", "")
    return render(request, "plain/_check.html", check_context(text))
