"""A budget vote in an area, its proposals and the residents' ballots, stored as cast.

A ballot keeps the points given to each proposal (1 for an approval), whatever the counting
rule, so :func:`n4c.platform.budgets.counting.election_of` can hand the same ballots to any rule.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.panels import money
from n4c.platform.areas.models import Area
from n4c.platform.residents.models import Resident


class BudgetVote(models.Model):
    class BallotType(models.TextChoices):
        APPROVAL = "approval", _("Approval: tick the proposals you support")
        SCORING = "scoring", _("Scoring: give each proposal points")

    class CountingRule(models.TextChoices):
        GREEDY = "greedy", _("Most votes first (greedy)")
        EQUAL_SHARES = "equal-shares", _("Equal shares")

    class Phase(models.TextChoices):
        PROPOSALS = "proposals", _("Collecting proposals")
        VOTING = "voting", _("Voting open")
        CLOSED = "closed", _("Voting closed")
        PUBLISHED = "published", _("Results published")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="budget_votes")
    title = models.CharField(max_length=200)
    budget_gbp = models.PositiveIntegerField(_("Budget in pounds"))
    ballot_type = models.CharField(
        max_length=8, choices=BallotType.choices, default=BallotType.APPROVAL
    )
    max_approvals = models.PositiveSmallIntegerField(
        _("Most proposals one person may tick"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Approval ballots only."),
    )
    max_points = models.PositiveSmallIntegerField(
        _("Most points for one proposal"), default=5, help_text=_("Scoring ballots only.")
    )
    counting_rule = models.CharField(
        max_length=12, choices=CountingRule.choices, default=CountingRule.EQUAL_SHARES
    )
    phase = models.CharField(max_length=9, choices=Phase.choices, default=Phase.PROPOSALS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:detail", args=[self.pk])

    @property
    def budget_text(self) -> str:
        return money(self.budget_gbp)


class Proposal(models.Model):
    vote = models.ForeignKey(BudgetVote, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(max_length=200)
    cost_gbp = models.PositiveIntegerField(_("Cost in pounds"))
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @property
    def cost_text(self) -> str:
        return money(self.cost_gbp)


class Ballot(models.Model):
    class Method(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper")
        IMPORTED = "imported", _("Imported from a file")

    vote = models.ForeignKey(BudgetVote, on_delete=models.CASCADE, related_name="ballots")
    # Empty only for ballots imported from a file, whose voters are not residents here.
    resident = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.PROTECT, related_name="budget_ballots"
    )
    voter_label = models.CharField(max_length=100, blank=True)
    #: Points given to each proposal, by proposal id as text: {"12": 1, "14": 1}.
    points = models.JSONField(default=dict)
    method = models.CharField(max_length=8, choices=Method.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    cast_at = models.DateTimeField(auto_now_add=True)

    #: The audit log keeps that a ballot was cast (the vote, when, how, who entered and who
    #: checked it) but never whose it is or what it chose: the vote is secret.
    audit_withheld: ClassVar[tuple[str, ...]] = ("resident", "voter_label", "points")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "resident"], name="one_ballot_per_resident")
        ]

    def __str__(self) -> str:
        return gettext("Ballot %(number)s in %(vote)s") % {"number": self.pk, "vote": self.vote}

    @property
    def counts(self) -> bool:
        """Paper ballots count only once a second person has checked them."""
        return self.method != self.Method.PAPER or self.checked_at is not None
