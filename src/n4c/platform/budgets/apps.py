from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "n4c.platform.budgets"
    verbose_name = "Participatory budgeting"

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link

        register_area_link("Participatory budgeting", "budgets:area", order=45)
