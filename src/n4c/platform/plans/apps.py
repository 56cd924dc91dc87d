from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "n4c.platform.plans"
    verbose_name = "Area plans"

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link("Area plan and Year Zero checklist", "plans:detail", order=20)
