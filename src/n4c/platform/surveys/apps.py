from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SurveysConfig(AppConfig):
    name = "n4c.platform.surveys"
    verbose_name = gettext_lazy("Residents' surveys")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.people.access import is_staff_role
        from n4c.platform.residents.gdpr import register_personal_data
        from n4c.platform.surveys.gdpr import erase_responses, export_responses

        register_area_link(gettext_lazy("Residents' surveys"), "surveys:waves", order=48)
        register_area_link(
            gettext_lazy("Learning from the start"),
            "surveys:area",
            check=lambda user, area: is_staff_role(user),
            order=49,
        )
        register_personal_data("survey responses", export_responses, erase_responses)
