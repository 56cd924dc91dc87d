"""Template context: the signed-in person's role, for the navigation."""

from __future__ import annotations

from n4c.platform.people.access import is_national_team, is_staff_role, role_of


def current_role(request):
    user = request.user
    return {
        "n4c_role": role_of(user),
        "n4c_is_staff_role": is_staff_role(user),
        "n4c_is_national_team": is_national_team(user),
    }
