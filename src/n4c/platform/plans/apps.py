from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "n4c.platform.plans"
    verbose_name = "Area plans"
