from django.apps import AppConfig


class RolloutConfig(AppConfig):
    name = "n4c.platform.rollout"
    label = "rollout_page"
    verbose_name = "Rollout and cost model"
