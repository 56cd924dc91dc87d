"""Partnership members reach only their areas' own pages (see
:func:`n4c.platform.areas.access.member_may_open`); every other address answers them 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.access import member_may_open

__all__ = ["MEMBER_REFUSAL", "MembersReadOnlyTheirArea"]

MEMBER_REFUSAL = _(
    "Partnership members can open only their own area's pages: its page, plan, events, "
    "resources, workspace, covenant, local measures, grant panels and budget votes."
)


class MembersReadOnlyTheirArea:
    """Turns a partnership member away from any address outside their list, pages and API alike,
    so that a new page is closed to them unless it is added on purpose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or member_may_open(request.user, match.view_name, request.method):
            return None
        if match.namespace == "api":
            # The API's one error shape (see n4c.platform.api).
            problem = {"loc": [], "msg": str(MEMBER_REFUSAL), "type": "permission_denied"}
            return JsonResponse({"detail": [problem]}, status=403)
        raise PermissionDenied(str(MEMBER_REFUSAL))
