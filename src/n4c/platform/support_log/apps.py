from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class SupportLogConfig(AppConfig):
    name = "n4c.platform.support_log"
    verbose_name = "Support log"

    def ready(self) -> None:
        from n4c.platform.areas.models import Area
        from n4c.platform.caseloads.models import Assignment
        from n4c.platform.regions.models import Region
        from n4c.platform.support_log.freshness import bump_support_version
        from n4c.platform.support_log.models import SupportEntry

        # Anything the cached report or area fragments show makes them stale when it changes.
        for model in (SupportEntry, Assignment, Area, Region):
            post_save.connect(bump_support_version, sender=model, dispatch_uid=f"fresh-{model}")
            post_delete.connect(bump_support_version, sender=model, dispatch_uid=f"gone-{model}")
        m2m_changed.connect(
            bump_support_version,
            sender=Area.partnership_members.through,
            dispatch_uid="fresh-members",
        )
