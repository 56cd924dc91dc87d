from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "n4c.platform.maps"
    verbose_name = "Maps and places"
