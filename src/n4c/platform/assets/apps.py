from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "n4c.platform.assets"
    verbose_name = "Community assets and rights"
