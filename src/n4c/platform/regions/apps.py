from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "n4c.platform.regions"
    verbose_name = "Regions (hubs)"
