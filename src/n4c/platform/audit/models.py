"""One row per change to a record, written by :func:`n4c.platform.audit.services.record_change`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        DELETED = "deleted", _("Deleted")
        LINK_ISSUED = "link_issued", _("Link to set a password made")
        PASSWORD_SET = "password_set", _("Password set")
        EXPORTED = "exported", _("Exported")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name stays when the account is deleted and ``actor`` becomes empty.
    actor_name = models.CharField(
        max_length=300, blank=True, help_text=_("Who acted, as they were named then.")
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    model = models.CharField(max_length=100, help_text=_("App label and model, e.g. areas.area."))
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return gettext("%(action)s %(model)s %(record)s at %(at)s") % {
            "action": self.get_action_display(),
            "model": self.model,
            "record": self.object_repr,
            "at": f"{self.at:%Y-%m-%d %H:%M}",
        }

    def changed_fields(self) -> dict[str, tuple[object, object]]:
        """Fields whose value differs, as (before, after)."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return {k: (before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)}
