from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "n4c.platform.events"
    verbose_name = "Events and peer links"
