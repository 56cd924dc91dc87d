"""A profile gives each user one role and, for regional staff, a region."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from n4c.platform.regions.models import Region


class Role(models.TextChoices):
    NATIONAL_TEAM = "national_team", _("National team")
    HUB_LEAD = "hub_lead", _("Hub lead")
    ADVISER = "adviser", _("Adviser")
    COMMUNITY_WORKER = "community_worker", _("Community worker")
    SPECIALIST = "specialist", _("Specialist")
    PARTNERSHIP_MEMBER = "partnership_member", _("Partnership member")


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("The hub a hub lead, adviser or community worker belongs to."),
    )
    #: The language the person chose for the platform (see people.languages); empty: none yet.
    language = models.CharField(max_length=10, blank=True, default="")

    class Meta:
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return f"{display_name(self.user)} ({self.get_role_display()})"


def display_name(user) -> str:
    """The person's full name, or their user name when they have none."""
    return user.get_full_name() or user.get_username()
