from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "n4c.platform.events"
    verbose_name = _("Events and peer links")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link(_("Peer links and suggested peers"), "events:peers", order=40)
