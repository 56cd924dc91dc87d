"""Signing in: Django's model backend, throttled (``people.throttle``), loading each request's
user with their profile, and granting each role the permissions that lower apps ask for by name.

The throttle sits here, not in a form, so that every way of signing in is under it: the
sign-in page, the admin site's and any other caller of ``django.contrib.auth.authenticate``.

Apps below people (audit, regions) cannot know roles, so their pages ask Django's question,
``user.has_perm("audit.view_auditevent")``, and this backend answers it from the role.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from n4c.platform.people import throttle
from n4c.platform.people.access import STAFF_ROLES, role_of
from n4c.platform.people.models import Role

__all__ = ["ROLE_PERMISSIONS", "ProfileBackend"]

_STAFF = frozenset({"regions.view_region"})

#: What each role may do in the apps that sit below people: every member of staff reads the
#: regions, the national team the audit log too.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    **{str(role): _STAFF for role in STAFF_ROLES},
    str(Role.NATIONAL_TEAM): _STAFF | {"audit.view_auditevent"},
}


class ProfileBackend(ModelBackend):
    """Every page asks for the user's role, so fetch the profile in the same query as the user."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        address = throttle.client_address(request)
        if throttle.is_locked_out(username, address):
            return None  # not even the right password, until the pause ends
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            throttle.record_failure(username, address)
        else:
            throttle.reset(username, address)
        return user

    def get_user(self, user_id):
        user_model = get_user_model()
        user = user_model._default_manager.select_related("profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        granted = super().get_all_permissions(user_obj, obj)
        if not user_obj.is_active or obj is not None:
            return granted
        return {*granted, *ROLE_PERMISSIONS.get(str(role_of(user_obj)), frozenset())}
