from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "n4c.platform.grants"
    verbose_name = _("Resident grant panels")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.grants import personal_data
        from n4c.platform.residents.gdpr import register_personal_data

        register_area_link(_("Resident grant panels"), "grants:area", order=60)
        register_personal_data(
            "grant_applications",
            personal_data.export_applications,
            personal_data.erase_applications,
        )
