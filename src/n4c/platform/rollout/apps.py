from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolloutConfig(AppConfig):
    name = "n4c.platform.rollout"
    label = "rollout_page"
    verbose_name = _("Rollout and cost model")
