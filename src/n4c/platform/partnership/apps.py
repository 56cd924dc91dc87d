from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    name = "n4c.platform.partnership"
    verbose_name = _("Partnership workspace")

    def ready(self) -> None:
        from n4c.platform.areas.hooks import register_area_link
        from n4c.platform.partnership.access import may_read_workspace
        from n4c.platform.partnership.gdpr import erase_member, export_member
        from n4c.platform.residents.gdpr import register_personal_data

        register_area_link(
            _("Partnership workspace: proposals and decisions"),
            "partnership:workspace",
            check=may_read_workspace,
            order=25,
        )
        register_personal_data("partnership", export_member, erase_member)
