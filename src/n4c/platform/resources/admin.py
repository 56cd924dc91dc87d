from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.resources.models import Resource, ResourceTranslation, Tag


class ResourceTranslationInline(admin.StackedInline):
    """A person's translation into Polish or Urdu, shown to readers who chose that language."""

    model = ResourceTranslation
    extra = 0


@admin.register(Resource)
class ResourceAdmin(AuditedAdmin):
    inlines = [ResourceTranslationInline]
    list_display = ["title", "kind", "updated_at"]
    list_filter = ["kind", "tags"]
    search_fields = ["title", "summary", "body"]
    filter_horizontal = ["tags"]


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    search_fields = ["name"]
