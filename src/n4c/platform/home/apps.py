from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "n4c.platform.home"
    verbose_name = _("Role homes")
