from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    name = "n4c.platform.residents"
    verbose_name = _("Partnership members (personal data)")

    def ready(self) -> None:
        from n4c.platform.areas.access import can_edit_area
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.people.access import register_account_keeper
        from n4c.platform.residents.access import keeps_sign_in

        # Personal data: only those who may change the area are offered the page.
        register_area_link(
            _("Partnership members (personal data)"),
            "residents:area",
            check=can_edit_area,
            order=50,
        )
        register_account_keeper(keeps_sign_in)
