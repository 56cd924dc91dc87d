from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CovenantsConfig(AppConfig):
    name = "n4c.platform.covenants"
    verbose_name = _("Community covenants")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link, register_area_panel
        from n4c.platform.covenants.models import Commitment, ReviewPoint, Signatory
        from n4c.platform.covenants.services import COVENANT_VERSION
        from n4c.platform.covenants.views import covenant_panel_context
        from n4c.platform.plans.hooks import register_plan_panel

        register_area_link(_("Community covenant"), "covenants:detail", order=25)
        register_area_panel(
            "covenant", "covenants/area_panel.html", covenant_panel_context, order=40
        )
        COVENANT_VERSION.bump_on_change(Signatory, Commitment, ReviewPoint)
        register_plan_panel(
            "covenant", "covenants/plan_panel.html", covenant_panel_context, order=10
        )
