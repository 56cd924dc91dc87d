from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "n4c.platform.areas"
    verbose_name = "Areas"
