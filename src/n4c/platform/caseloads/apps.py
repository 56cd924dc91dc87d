from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseloadsConfig(AppConfig):
    name = "n4c.platform.caseloads"
    verbose_name = _("Caseloads")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_action, register_area_panel
        from n4c.platform.caseloads.area_page import ASSIGNMENTS_VERSION, people_panel_context
        from n4c.platform.caseloads.models import Assignment
        from n4c.platform.caseloads.services import can_assign, unhanded_areas
        from n4c.platform.people.services import register_holding_check

        ASSIGNMENTS_VERSION.bump_on_change(Assignment)
        register_holding_check(unhanded_areas)
        register_area_action(_("Assign staff"), "caseloads:assign", check=can_assign, order=20)
        register_area_panel("people", "caseloads/area_panel.html", people_panel_context, order=20)
