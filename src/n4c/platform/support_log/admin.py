from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.support_log.models import SupportEntry


@admin.register(SupportEntry)
class SupportEntryAdmin(AuditedAdmin):
    list_display = ["date", "area", "person", "role", "kind", "days"]
    list_filter = ["kind", "role", "area__region"]
    date_hierarchy = "date"
    raw_id_fields = ["area", "person"]
