from django.contrib import admin

from n4c.platform.assets.admin import deadline_lines
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.neighbourhood_planning.services import plan_deadlines


class PlanStageInline(admin.TabularInline):
    model = PlanStage
    extra = 0
    fields = ["event", "date", "note", "recorded_by"]
    raw_id_fields = ["recorded_by"]


@admin.register(NeighbourhoodPlan)
class NeighbourhoodPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "opened_on", "closed_on"]
    list_filter = ["closed_on", "area__region"]
    search_fields = ["title", "area__name"]
    raw_id_fields = ["area"]
    inlines = [PlanStageInline]
    readonly_fields = ["computed_deadlines"]

    @admin.display(description="Statutory dates (computed from the stages)")
    def computed_deadlines(self, plan):
        return deadline_lines(plan_deadlines(plan))
