from django.contrib import admin

from n4c.platform.audit.admin import AuditedAdmin
from n4c.platform.referrals.models import Partner, Referral


@admin.register(Partner)
class PartnerAdmin(AuditedAdmin):
    list_display = ["name", "specialism", "region"]
    list_filter = ["specialism", "region"]
    search_fields = ["name", "description"]


@admin.register(Referral)
class ReferralAdmin(AuditedAdmin):
    list_display = ["area", "partner", "status", "referred_on", "closed_on"]
    list_filter = ["status", "partner__specialism"]
    search_fields = ["area__name", "partner__name", "need", "outcome"]
