from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "n4c.platform.resources"
    verbose_name = "Guidance and templates"
