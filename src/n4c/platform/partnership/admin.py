from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.partnership.models import Decision, DecisionOption, Proposal, StaffAttachment


@admin.register(StaffAttachment)
class StaffAttachmentAdmin(AuditedAdmin):
    list_display = ["person", "area", "role", "attached_at"]
    list_filter = ["role"]
    autocomplete_fields = ["area"]


@admin.register(Proposal)
class ProposalAdmin(AuditedAdmin):
    list_display = ["description", "area", "status", "proposed_at", "answered_at"]
    list_filter = ["status"]
    search_fields = ["description"]
    # Answered on the pages (accepting adds the plan's action); the admin shows the answer.
    readonly_fields = ["proposer", "status", "answered_at", "answered_by", "action"]


class OptionInline(admin.TabularInline):
    model = DecisionOption
    extra = 0


@admin.register(Decision)
class DecisionAdmin(AuditedAdmin):
    list_display = ["question", "area", "status", "opened_at", "closed_at", "outcome"]
    list_filter = ["status"]
    search_fields = ["question"]
    inlines = [OptionInline]
    # Votes are cast and counted on the pages, once per member; the admin shows the result.
    readonly_fields = ["status", "closed_at", "closed_by", "counts", "outcome"]
