from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightToBidConfig(AppConfig):
    name = "n4c.platform.right_to_bid"
    verbose_name = _("Community right to bid")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.assets.panels import add_panel
        from n4c.platform.right_to_bid.views import asset_cases_panel

        add_panel("asset", "right_to_bid/asset_cases.html", asset_cases_panel)
        register_area_link(_("Start a nomination of a community asset"), "right_to_bid:nominate")
