from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "n4c.platform.budgets"
    verbose_name = _("Participatory budgeting")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.budgets.gdpr import erase_ballots, export_ballots
        from n4c.platform.residents.gdpr import register_personal_data

        register_area_link(_("Budget votes"), "budgets:area", order=45)
        register_personal_data("budget ballots", export_ballots, erase_ballots)
