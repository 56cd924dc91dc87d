from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "n4c.platform.measures"
    verbose_name = _("Local measures of success")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link, register_area_panel
        from n4c.platform.measures.models import LocalMeasure, MeasureValue
        from n4c.platform.measures.services import MEASURES_VERSION
        from n4c.platform.measures.views import measures_panel_context

        register_area_link(_("Local measures of success"), "measures:list", order=30)
        MEASURES_VERSION.bump_on_change(LocalMeasure, MeasureValue)
        # Straight after the area's baseline, the standard measures it sits beside.
        register_area_panel("measures", "measures/area_panel.html", measures_panel_context, order=5)
