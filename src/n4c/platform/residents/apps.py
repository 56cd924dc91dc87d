from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "n4c.platform.residents"
    verbose_name = "Partnership members (personal data)"
