"""A partnership member and the consents they gave; nothing more is kept about them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area


class Resident(models.Model):
    class PartnershipRole(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        TREASURER = "treasurer", _("Treasurer")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="residents")
    full_name = models.CharField(max_length=150)
    email = models.EmailField(
        blank=True, help_text=_("Only if they agree to be contacted by email.")
    )
    phone = models.CharField(
        max_length=30, blank=True, help_text=_("Only if they agree to be contacted by phone.")
    )
    partnership_role = models.CharField(
        max_length=12, choices=PartnershipRole.choices, default=PartnershipRole.MEMBER
    )
    joined_on = models.DateField()
    erased_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When their personal data was anonymised.")
    )
    # Kept here, not only on the user, so that export shows it and erasure removes it.
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident_record",
        help_text=_("Their sign-in, if they read the area's plan and support log online."),
    )

    class Meta:
        ordering = ["full_name"]
        # One chair per area; an erased chair no longer holds the role.
        constraints = [
            models.UniqueConstraint(
                fields=["area"],
                condition=models.Q(partnership_role="chair", erased_at__isnull=True),
                name="one_chair_per_area",
                violation_error_message=_(
                    "This area's partnership already has a chair; make them a member first."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("residents:detail", args=[self.pk])


class Consent(models.Model):
    """One consent decision: for what, whether given, when, how, and the words they agreed to."""

    class Purpose(models.TextChoices):
        CONTACT = "contact", _("Contact about the partnership's work")
        SHARE_WITH_PARTNERS = (
            "share_with_partners",
            _("Share contact details with partner organisations"),
        )
        PHOTOS_AND_STORIES = (
            "photos_and_stories",
            _("Use photos and stories in Network publications"),
        )
        RESEARCH = "research", _("Take part in research and evaluation")

    class Method(models.TextChoices):
        PAPER_FORM = "paper_form", _("Signed paper form")
        ONLINE_FORM = "online_form", _("Online form")
        IN_PERSON = "in_person", _("Spoken, in person")
        PHONE = "phone", _("Spoken, by phone")
        EMAIL = "email", _("Email")

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=24, choices=Purpose.choices)
    given = models.BooleanField(help_text=_("Ticked if they agreed; unticked if they said no."))
    wording = models.TextField(help_text=_("The words they were shown or told."))
    method = models.CharField(max_length=12, choices=Method.choices)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        if self.given:
            return gettext("%(purpose)s: yes") % {"purpose": self.get_purpose_display()}
        return gettext("%(purpose)s: no") % {"purpose": self.get_purpose_display()}

    @property
    def in_force(self) -> bool:
        return self.given and self.withdrawn_at is None
