from django.contrib import admin

from n4c.platform.assets.models import Asset


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "kind", "status", "condition", "postcode", "lsoa_code"]
    list_filter = ["kind", "status", "condition", "area__region"]
    search_fields = ["name", "reference", "owner", "postcode", "lsoa_code"]
    raw_id_fields = ["area"]


def deadline_lines(deadlines) -> str:
    """Computed dates as read-only admin text, each with its rule (for the cases' and plans' admins)."""
    lines = [
        f"{d.date:%d %b %Y}: {d.title} [{d.status}] ({d.citation}; {d.rule_id} v{d.rule_version})"
        for d in deadlines
    ]
    return "\n".join(lines) or "Record an event to see its dates."
