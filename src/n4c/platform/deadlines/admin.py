from django.contrib import admin

from n4c.platform.deadlines.models import ReminderSent


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["case", "rule_id", "deadline_on", "lead_days", "recipients", "sent_at"]
    readonly_fields = ["case", "rule_id", "deadline_on", "lead_days", "recipients", "sent_at"]
