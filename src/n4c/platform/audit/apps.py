from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "n4c.platform.audit"
    verbose_name = "Audit log"
