from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "n4c.platform.referrals"
    verbose_name = "Partners and referrals"

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link("Referrals to partners", "referrals:area", order=30)
