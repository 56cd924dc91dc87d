from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "n4c.platform.events"
    verbose_name = "Events and peer links"

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link("Peer links and suggested peers", "events:peers", order=40)
