from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.measures.models import LocalMeasure, MeasureValue


@admin.register(LocalMeasure)
class LocalMeasureAdmin(AuditedAdmin):
    list_display = ["name", "area", "evidence", "status", "target"]
    list_filter = ["evidence", "status"]
    search_fields = ["name", "area__name"]


@admin.register(MeasureValue)
class MeasureValueAdmin(AuditedAdmin):
    list_display = ["measure", "recorded_on", "value", "recorded_by"]
    exclude = ["photo"]
