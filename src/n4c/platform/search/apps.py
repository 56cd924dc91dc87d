from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "n4c.platform.search"
    verbose_name = "Search"
