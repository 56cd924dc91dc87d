from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "n4c.platform.plans"
    verbose_name = _("Area plans")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link(_("Area plan and Year Zero checklist"), "plans:detail", order=20)
