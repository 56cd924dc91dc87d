from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourhoodPlanningConfig(AppConfig):
    name = "n4c.platform.neighbourhood_planning"
    verbose_name = _("Neighbourhood planning")

    def ready(self) -> None:
        from n4c.platform.assets.panels import add_panel
        from n4c.platform.neighbourhood_planning.views import area_plans_panel

        add_panel("register", "neighbourhood_planning/area_plans.html", area_plans_panel, order=20)
