from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "n4c.platform.deadlines"
    verbose_name = _("Community rights deadlines")

    def ready(self) -> None:
        from n4c.platform.assets.panels import add_panel
        from n4c.platform.deadlines.views import area_deadlines_panel, area_feed_panel

        add_panel("register", "deadlines/area_deadlines.html", area_deadlines_panel, order=10)
        add_panel("register", "deadlines/area_feed.html", area_feed_panel, order=30)
