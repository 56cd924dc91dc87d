from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.resources.models import Resource, Tag


@admin.register(Resource)
class ResourceAdmin(AuditedAdmin):
    list_display = ["title", "kind", "updated_at"]
    list_filter = ["kind", "tags"]
    search_fields = ["title", "summary", "body"]
    filter_horizontal = ["tags"]


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    search_fields = ["name"]
