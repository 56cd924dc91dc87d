from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from n4c.platform.search.services import MAX_QUERY_LENGTH, search_everything


@login_required
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    groups = search_everything(request.user, query) if query else []
    return render(
        request,
        "search/results.html",
        {"q": query, "groups": groups, "total": sum(group.count for group in groups)},
    )
