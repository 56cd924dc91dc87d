from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "n4c.platform.resources"
    verbose_name = _("Guidance and templates")
