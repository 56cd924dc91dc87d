from django.apps import AppConfig


class SupportLogConfig(AppConfig):
    name = "n4c.platform.support_log"
    verbose_name = "Support log"
