from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.residents.models import Consent, Resident


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ["recorded_at", "recorded_by"]


@admin.register(Resident)
class ResidentAdmin(AuditedAdmin):
    # Names only in the list: contact details stay on the record itself.
    list_display = ["full_name", "area", "partnership_role", "joined_on", "erased_at"]
    list_filter = ["partnership_role"]
    search_fields = ["full_name"]
    inlines = [ConsentInline]
    # Contact details are added and removed with the person's consent (see residents.gdpr), on
    # the pages and in the API; the admin shows them only.
    readonly_fields = ["email", "phone"]
