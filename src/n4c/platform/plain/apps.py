from django.apps import AppConfig


class PlainConfig(AppConfig):
    name = "n4c.platform.plain"
    verbose_name = "Plain English"
