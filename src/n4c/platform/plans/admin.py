from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.plans.models import Action, AreaPlan, Milestone, Priority, YearZeroCheck


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class YearZeroInline(admin.TabularInline):
    model = YearZeroCheck
    extra = 0


@admin.register(AreaPlan)
class AreaPlanAdmin(AuditedAdmin):
    list_display = ["area", "updated_at"]
    search_fields = ["area__name"]
    inlines = [PriorityInline, MilestoneInline, YearZeroInline]


@admin.register(Action)
class ActionAdmin(AuditedAdmin):
    list_display = ["description", "plan", "owner", "due_on", "status"]
    list_filter = ["status"]
    search_fields = ["description", "owner", "plan__area__name"]
