from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "n4c.platform.referrals"
    verbose_name = "Partners and referrals"
