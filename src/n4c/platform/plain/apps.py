from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainConfig(AppConfig):
    name = "n4c.platform.plain"
    verbose_name = _("Plain English")
