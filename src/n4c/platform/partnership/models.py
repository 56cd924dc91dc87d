"""Staff attached to a partnership, members' proposals for the plan, and decisions by vote.

A resident's role in the partnership (member, chair, treasurer…) is kept on their record
(:class:`~n4c.platform.residents.models.Resident`); staff keep their Network role and are
attached to a partnership as observer or facilitator here.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.people.models import display_name
from n4c.platform.plans.models import Action, Priority
from n4c.platform.residents.models import Resident


class StaffRole(models.TextChoices):
    OBSERVER = "observer", _("Observer")
    FACILITATOR = "facilitator", _("Facilitator")


class StaffAttachment(models.Model):
    """A member of staff attached to an area's partnership; a facilitator helps run it (accepts
    proposals, opens and closes decisions), an observer only reads. Neither votes."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="partnership_staff")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_attachments"
    )
    role = models.CharField(max_length=12, choices=StaffRole.choices)
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area__name", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "person"], name="partnership_staff_once_per_area"
            )
        ]

    def __str__(self) -> str:
        return f"{display_name(self.person)}, {self.get_role_display().lower()} for {self.area}"  # untranslated: the audit log's name


class Proposal(models.Model):
    """An item a member proposes for their area's plan; accepted, it becomes one of the plan's
    actions, with the same fields."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted into the plan")
        DECLINED = "declined", _("Declined")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="proposals")
    # Erasing the member removes the link; the proposal stays, as the partnership's record.
    proposer = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    description = models.CharField(_("What should be done"), max_length=300)
    owner = models.CharField(max_length=120, help_text=_("Who will do it: a person or a group."))
    due_on = models.DateField(_("Due date"))
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    why = models.TextField(_("Why it matters"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    proposed_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(
        blank=True, help_text=_("Why it was declined (or a note on accepting).")
    )
    action = models.OneToOneField(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )

    class Meta:
        ordering = ["-proposed_at", "-id"]

    def __str__(self) -> str:
        return self.description

    def get_absolute_url(self) -> str:
        return reverse("partnership:proposal", args=[self.area_id, self.pk])


class Decision(models.Model):
    """A question the partnership decides by vote, such as "Adopt the plan"."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for votes")
        CLOSED = "closed", _("Closed")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="decisions")
    question = models.CharField(max_length=300)
    proposal = models.ForeignKey(
        Proposal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        help_text=_("The proposal it is about, if any."),
    )
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept when it closes, so the result stands as it was counted.
    counts = models.JSONField(default=dict, blank=True, help_text=_("Votes for each option."))
    # The result in English as it was counted, for the record (the API gives it); pages show
    # :attr:`result`, the same words in the reader's language.
    outcome = models.CharField(max_length=300, blank=True)
    reasons = models.TextField(blank=True, help_text=_("The reasons for the result."))

    class Meta:
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("partnership:decision", args=[self.area_id, self.pk])

    @property
    def result(self) -> str:
        """The result of a closed decision in the reader's language (empty while it is open)."""
        if self.status != self.Status.CLOSED:
            return ""
        return outcome_in_words(self.counts)


def outcome_in_words(counts: dict[str, int]) -> str:
    """The result of a vote from the votes for each option (in their order), in a sentence."""
    total = sum(counts.values())
    if total == 0:
        return gettext("No votes were cast.")
    top = max(counts.values())
    leaders = [label for label, count in counts.items() if count == top]
    words = {"top": top, "total": total}
    if len(leaders) > 1:
        tied = gettext(" and ").join(gettext("“%(option)s”") % {"option": o} for o in leaders)
        return ngettext(
            "No clear result: %(tied)s tied with %(top)s each, of %(total)s vote.",
            "No clear result: %(tied)s tied with %(top)s each, of %(total)s votes.",
            total,
        ) % (words | {"tied": tied})
    return ngettext(
        "“%(option)s”, with %(top)s of %(total)s vote.",
        "“%(option)s”, with %(top)s of %(total)s votes.",
        total,
    ) % (words | {"option": leaders[0]})


class DecisionOption(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "label"], name="partnership_option_once_per_decision"
            )
        ]

    def __str__(self) -> str:
        return self.label


class Vote(models.Model):
    """One member's vote. Erasing the member removes the link and keeps the vote in the count."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(DecisionOption, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.SET_NULL, related_name="votes"
    )
    reason = models.TextField(_("Your reason (optional)"), blank=True)
    cast_at = models.DateTimeField(auto_now_add=True)

    #: Reasons are shown on the decision without names, so the audit log keeps only that a
    #: member voted on the decision, never which option or reason was theirs.
    audit_withheld: ClassVar[tuple[str, ...]] = ("voter", "option", "reason")

    class Meta:
        ordering = ["cast_at", "id"]
        # Once per member; erased votes (no voter) are not compared, as NULLs never match.
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "voter"], name="partnership_vote_once_per_member"
            )
        ]

    def __str__(self) -> str:
        # Without the option: the audit log names the vote by this and its author.
        return f"A vote on “{self.decision}”"  # untranslated: the audit log's name
