from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.events.models import Attendance, Event, NeedsProfile, PeerLink


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(Event)
class EventAdmin(AuditedAdmin):
    list_display = ["title", "scope", "region", "starts_on"]
    list_filter = ["scope", "region"]
    search_fields = ["title", "place"]
    inlines = [AttendanceInline]


@admin.register(PeerLink)
class PeerLinkAdmin(AuditedAdmin):
    list_display = ["first_area", "second_area", "started_on", "purpose"]
    search_fields = ["first_area__name", "second_area__name", "purpose"]


@admin.register(NeedsProfile)
class NeedsProfileAdmin(admin.ModelAdmin):
    list_display = ["area", "source"]
    search_fields = ["area__name"]
    # Built from the published data; not edited by hand.
    readonly_fields = ["area", "domains", "source"]
