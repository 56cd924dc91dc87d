from django.contrib import admin

from n4c.platform.areas.models import BASELINE_FIELDS, Area
from n4c.platform.audit.admin import AuditedAdmin


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = [
        "name",
        "region",
        "stage",
        "imd_rank",
        "cni_rank",
        "left_behind",
        "left_behind_published",
    ]
    list_filter = ["stage", "region", "left_behind"]
    search_fields = ["name"]
    filter_horizontal = ["partnership_members"]
    # Baseline need is copied from the published data when the area is made; it is not edited.
    readonly_fields = list(BASELINE_FIELDS)

    def has_add_permission(self, request):
        # New areas need their baseline from n4c.needs: create them on the "Add an area" page.
        return False
