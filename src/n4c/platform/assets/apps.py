from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "n4c.platform.assets"
    verbose_name = _("Community assets")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link, register_area_panel
        from n4c.platform.areas.profile_area import register_profile_assets
        from n4c.platform.assets.access import can_view_area_assets
        from n4c.platform.assets.area_map import ASSETS_VERSION, area_map_context, register_assets
        from n4c.platform.assets.models import Asset

        register_area_link(_("Community assets and rights"), "assets:register", order=10)
        register_area_panel(
            "asset_map", "assets/area_map.html", area_map_context, check=can_view_area_assets
        )
        # The area's profile draws its assets on its map, cached by the same version.
        register_profile_assets("assets", register_assets, ASSETS_VERSION)
        # The area page's asset map is cached by this version (see area_map).
        ASSETS_VERSION.bump_on_change(Asset)
