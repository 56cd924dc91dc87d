from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "n4c.platform.referrals"
    verbose_name = _("Partners and referrals")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link(_("Referrals to partners"), "referrals:area", order=30)
