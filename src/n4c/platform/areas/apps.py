from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "n4c.platform.areas"
    verbose_name = "Areas"

    def ready(self) -> None:
        from n4c.platform.areas.legacy_assets import register_assets_on_the_area_page

        register_assets_on_the_area_page()
