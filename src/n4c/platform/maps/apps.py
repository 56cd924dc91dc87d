from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "n4c.platform.maps"
    verbose_name = _("Maps and places")
