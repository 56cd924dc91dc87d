from django.contrib import admin

from n4c.platform.assets.models import (
    Asset,
    AssetCase,
    CaseEvent,
    CaseExtension,
    PlanCase,
    PlanStageEvent,
    ReminderSent,
)
from n4c.platform.assets.services import case_deadlines


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


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "kind", "status", "condition", "postcode", "lsoa_code"]
    list_filter = ["kind", "status", "condition", "area__region"]
    search_fields = ["name", "reference", "owner", "postcode", "lsoa_code"]
    raw_id_fields = ["area"]


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
        return _deadline_lines(case)


def _deadline_lines(case) -> str:
    lines = [
        f"{d.date:%d %b %Y}: {d.title} [{d.status}] ({d.citation}; {d.rule_id} v{d.rule_version})"
        for d in case_deadlines(case)
    ]
    return "\n".join(lines) or "Record an event to see its dates."


class PlanStageEventInline(admin.TabularInline):
    model = PlanStageEvent
    extra = 0
    fields = ["event", "date", "note", "recorded_by"]
    raw_id_fields = ["recorded_by"]


@admin.register(PlanCase)
class PlanCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "opened_on", "closed_on"]
    list_filter = ["closed_on", "area__region"]
    search_fields = ["title", "area__name"]
    raw_id_fields = ["area"]
    inlines = [PlanStageEventInline]
    readonly_fields = ["computed_deadlines"]

    @admin.display(description="Statutory dates (computed from the stages)")
    def computed_deadlines(self, case):
        return _deadline_lines(case)


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["case", "rule_id", "deadline_on", "lead_days", "recipients", "sent_at"]
    readonly_fields = ["case", "rule_id", "deadline_on", "lead_days", "recipients", "sent_at"]
