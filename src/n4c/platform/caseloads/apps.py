from django.apps import AppConfig


class CaseloadsConfig(AppConfig):
    name = "n4c.platform.caseloads"
    verbose_name = "Caseloads"
