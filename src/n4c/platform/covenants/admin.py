from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.covenants.models import Commitment, ReviewPoint, Signatory


@admin.register(Signatory)
class SignatoryAdmin(AuditedAdmin):
    list_display = ["organisation", "sector", "plan", "signed_on"]
    list_filter = ["sector"]
    search_fields = ["organisation", "plan__area__name"]


@admin.register(Commitment)
class CommitmentAdmin(AuditedAdmin):
    list_display = ["description", "signatory", "due_on", "status", "kept_on"]
    list_filter = ["status"]


@admin.register(ReviewPoint)
class ReviewPointAdmin(AuditedAdmin):
    list_display = ["signatory", "review_on", "note"]
