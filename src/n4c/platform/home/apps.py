from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "n4c.platform.home"
    verbose_name = "Role homes"
