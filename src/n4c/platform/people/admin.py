"""The admin site's people: profiles and Django's users, every change audited, and the admin's
sign-in under the same throttle as the sign-in page."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.people.forms import ThrottledAdminAuthenticationForm
from n4c.platform.people.models import Profile

admin.site.login_form = ThrottledAdminAuthenticationForm


@admin.register(Profile)
class ProfileAdmin(AuditedAdmin):
    list_display = ["user", "role", "region"]
    list_filter = ["role", "region"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    """Django's user admin, with granting superuser or staff, groups, permissions, deletion and
    password changes in the audit log."""

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            record_change(request.user, user, AuditEvent.Action.PASSWORD_SET)
        return response
