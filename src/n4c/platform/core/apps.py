from django.apps import AppConfig
from django.utils.translation import gettext, gettext_lazy, ngettext

from n4c import words


class CoreConfig(AppConfig):
    """What every app shares; at start-up, the analytics core learns to speak the page's language."""

    name = "n4c.platform.core"
    verbose_name = gettext_lazy("Shared parts")

    def ready(self) -> None:
        words.use(gettext, ngettext)
