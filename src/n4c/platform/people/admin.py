from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.people.models import Profile


@admin.register(Profile)
class ProfileAdmin(AuditedAdmin):
    list_display = ["user", "role", "region"]
    list_filter = ["role", "region"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
