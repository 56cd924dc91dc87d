from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.regions.models import LocalAuthority, Region


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(AuditedAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]
