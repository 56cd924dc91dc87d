from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.caseloads.access import check_assignable
from n4c.platform.caseloads.capacity import check_capacity
from n4c.platform.caseloads.models import Assignment


@admin.register(Assignment)
class AssignmentAdmin(AuditedAdmin):
    list_display = ["area", "role", "person", "started_on", "ended_on"]
    list_filter = ["role", "area__region"]
    search_fields = ["area__name", "person__username", "person__last_name"]
    raw_id_fields = ["area", "person"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class CapacityCheckedForm(form):
            def clean(self):
                cleaned = super().clean()
                person, role = cleaned.get("person"), cleaned.get("role")
                if person and role and cleaned.get("ended_on") is None:
                    check_assignable(request.user, person)
                    check_capacity(person, role, area=cleaned.get("area"))
                return cleaned

        return CapacityCheckedForm
