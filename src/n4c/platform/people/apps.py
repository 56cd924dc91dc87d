from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "n4c.platform.people"
    verbose_name = "People and roles"
