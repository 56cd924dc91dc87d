from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportLogConfig(AppConfig):
    name = "n4c.platform.support_log"
    verbose_name = _("Support log")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_action, register_area_panel
        from n4c.platform.areas.models import Area
        from n4c.platform.caseloads.models import Assignment
        from n4c.platform.regions.models import Region
        from n4c.platform.support_log.area_page import support_panel_context
        from n4c.platform.support_log.freshness import SUPPORT_VERSION
        from n4c.platform.support_log.models import SupportEntry
        from n4c.platform.support_log.services import can_log_support

        # Anything the cached report or area panel shows makes them stale when it changes.
        SUPPORT_VERSION.bump_on_change(
            SupportEntry,
            Assignment,
            Area,
            Region,
            many_to_many=[Area.partnership_members.through],
        )
        register_area_action(
            _("Log support"), "support_log:create", check=can_log_support, order=10, primary=True
        )
        register_area_panel(
            "support", "support_log/area_panel.html", support_panel_context, order=30
        )
