"""The audit log is read-only in the admin; other apps' admins subclass :class:`AuditedAdmin`."""

from __future__ import annotations

from django.contrib import admin

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletions land in the audit log.

    A save is recorded after its many-to-many fields (a user's groups and permissions) are
    saved too, so the event shows them as they now are.
    """

    def save_model(self, request, obj, form, change):
        before = None
        if change and obj.pk:
            previous = type(obj).objects.filter(pk=obj.pk).first()
            before = snapshot(previous) if previous else None
        super().save_model(request, obj, form, change)
        form._audit_before = before

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        action = AuditEvent.Action.CHANGED if change else AuditEvent.Action.CREATED
        record_change(request.user, form.instance, action, before=form._audit_before)

    def delete_model(self, request, obj):
        before = snapshot(obj)
        record_change(request.user, obj, AuditEvent.Action.DELETED, before=before)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        """ "Delete selected": each row in the log, as one deletion is."""
        for obj in queryset:
            record_change(request.user, obj, AuditEvent.Action.DELETED, before=snapshot(obj))
        super().delete_queryset(request, queryset)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "model", "object_repr"]
    list_filter = ["action", "model"]
    search_fields = ["object_repr", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
