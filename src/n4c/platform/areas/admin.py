from django.contrib import admin

from n4c.platform.areas.models import BASELINE_FIELDS, Area, AreaSnapshot
from n4c.platform.audit.admin import AuditedAdmin


class SnapshotInline(admin.TabularInline):
    """Frozen baselines: read-only here; freeze again from the area's page, with a reason."""

    model = AreaSnapshot
    fields = ["version", "frozen_at", "frozen_by", "reason", "start_date", "data_versions"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = [
        "name",
        "region",
        "stage",
        "geography",
        "imd_rank",
        "cni_rank",
        "left_behind",
        "left_behind_published",
    ]
    list_filter = ["stage", "region", "geography", "left_behind"]
    search_fields = ["name"]
    filter_horizontal = ["partnership_members"]
    # Baseline need is copied from the published data when the area is made; it is not edited.
    # The codes and start date decide the frozen baseline, so they change through the services.
    readonly_fields = list(BASELINE_FIELDS)
    inlines = [SnapshotInline]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "geography", "codes", "start_date"]

    def has_add_permission(self, request):
        # New areas need their baseline from n4c.needs: create them on the "Add an area" page.
        return False
