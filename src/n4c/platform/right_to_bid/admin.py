from django.contrib import admin

from n4c.platform.assets.admin import deadline_lines
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, CaseExtension
from n4c.platform.right_to_bid.services import case_deadlines


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    fields = ["event", "date", "note", "recorded_by"]
    raw_id_fields = ["recorded_by"]


class CaseExtensionInline(admin.TabularInline):
    model = CaseExtension
    extra = 0
    fields = ["rule_id", "extended_to", "note", "recorded_by"]
    raw_id_fields = ["recorded_by"]


@admin.register(AssetCase)
class AssetCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "asset", "opened_on", "closed_on"]
    list_filter = ["closed_on"]
    search_fields = ["title", "asset__name"]
    raw_id_fields = ["asset"]
    inlines = [CaseEventInline, CaseExtensionInline]
    readonly_fields = ["computed_deadlines"]

    @admin.display(description="Statutory dates (computed from the events)")
    def computed_deadlines(self, case):
        return deadline_lines(case_deadlines(case))
