"""A grant panel, its members, the applications it receives and how each was judged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from n4c.platform.areas.models import Area
from n4c.platform.residents.models import Resident


class Phase(models.TextChoices):
    """Where a panel is in its timetable; each step of the work is allowed in one phase.

    Plain labels (callers compare them as text), marked for translation with ``gettext_noop``
    and translated where a page shows them."""

    NOT_OPEN = "not_open", gettext_noop("Not open yet")
    OPEN = "open", gettext_noop("Open for applications")
    ASSESSING = "assessing", gettext_noop("Assessing applications")
    DECIDING = "deciding", gettext_noop("Deciding")
    ANNOUNCED = "announced", gettext_noop("Decisions announced")


class FundingType(models.TextChoices):
    CAPITAL = "capital", _("Capital (things that last: equipment, building work)")
    REVENUE = "revenue", _("Revenue (running costs: activities, sessions, staff time)")


#: What each budget is called on a page, without the explanation its choice label carries.
BUDGET_NAMES = {FundingType.CAPITAL: _("Capital"), FundingType.REVENUE: _("Revenue")}


class Panel(models.Model):
    class WhoMayApply(models.TextChoices):
        INDIVIDUALS = "individuals", _("Individuals only")
        GROUPS = "groups", _("Groups and organisations only")
        BOTH = "both", _("Individuals, groups and organisations")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="grant_panels")
    name = models.CharField(max_length=150)
    capital_budget_gbp = models.PositiveIntegerField(_("capital budget (£)"), default=0)
    revenue_budget_gbp = models.PositiveIntegerField(_("revenue budget (£)"), default=0)
    budget_source = models.CharField(
        max_length=200, blank=True, help_text=_("Where the budget comes from, like a fund's name.")
    )
    min_grant_gbp = models.PositiveIntegerField(_("smallest grant (£)"), default=250)
    max_grant_gbp = models.PositiveIntegerField(_("largest grant (£)"), default=2500)
    who_may_apply = models.CharField(
        max_length=12, choices=WhoMayApply.choices, default=WhoMayApply.BOTH
    )
    what_may_be_funded = models.TextField(help_text=_("One kind of thing on each line."))
    criteria = models.TextField(
        default="Benefit to the area\nValue for money\nLikely to happen",  # untranslated: the panel's own words, which staff change
        help_text=_("What each application is scored against, from 1 to 5: one on each line."),
    )
    volunteer_hour_rate_gbp = models.DecimalField(
        _("value of one volunteer hour (£)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("12.21"),
    )
    opens_on = models.DateField(_("applications open"))
    assessment_from = models.DateField(_("assessment starts"))
    decision_from = models.DateField(_("decisions start"))
    announce_on = models.DateField(_("decisions announced"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="PanelMember", related_name="grant_panels"
    )

    class Meta:
        ordering = ["-opens_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_grant_gbp__lte=F("max_grant_gbp")),
                name="grant_min_not_above_max",
                violation_error_message=_("The smallest grant must not be more than the largest."),
            ),
            models.CheckConstraint(
                condition=Q(opens_on__lt=F("assessment_from"))
                & Q(assessment_from__lt=F("decision_from"))
                & Q(decision_from__lte=F("announce_on")),
                name="grant_timetable_in_order",
                violation_error_message=_(
                    "Put the dates in order: applications open, then assessment starts, then "
                    "decisions start, then decisions are announced."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("grants:panel", args=[self.pk])

    def phase_on(self, day: dt.date) -> Phase:
        if day < self.opens_on:
            return Phase.NOT_OPEN
        if day < self.assessment_from:
            return Phase.OPEN
        if day < self.decision_from:
            return Phase.ASSESSING
        if day < self.announce_on:
            return Phase.DECIDING
        return Phase.ANNOUNCED

    def budget_gbp(self, funding_type: str) -> int:
        return (
            self.capital_budget_gbp
            if funding_type == FundingType.CAPITAL
            else self.revenue_budget_gbp
        )

    def criteria_list(self) -> list[str]:
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]

    def fundable_list(self) -> list[str]:
        return [line.strip() for line in self.what_may_be_funded.splitlines() if line.strip()]


class PanelMember(models.Model):
    """A person on the panel: a partnership member with a sign-in, or a member of staff."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_panel_seats"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person__first_name", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "person"], name="one_seat_per_panel")
        ]

    def __str__(self) -> str:
        return self.person.get_full_name() or self.person.get_username()


class Application(models.Model):
    class ApplicantKind(models.TextChoices):
        INDIVIDUAL = "individual", _("An individual")
        ORGANISATION = "organisation", _("A group or organisation")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for a decision")
        AWARDED = "awarded", _("Awarded in full")
        REDUCED = "reduced", _("Awarded a reduced amount")
        DECLINED = "declined", _("Declined")

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="applications")
    applicant_kind = models.CharField(max_length=12, choices=ApplicantKind.choices)
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text=_("The group's name, if a group applies.")
    )
    # Personal data: only a name and an e-mail address, which need the contact consent.
    contact_name = models.CharField(max_length=150)
    contact_email = models.EmailField(blank=True)
    consent_wording = models.TextField()
    consent_given_at = models.DateTimeField()
    resident = models.ForeignKey(
        Resident,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_applications",
        help_text=_("The partnership member who applied, if they did."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    amount_gbp = models.PositiveIntegerField(_("amount asked for (£)"))
    funding_type = models.CharField(max_length=8, choices=FundingType.choices)
    purpose = models.TextField(_("what the grant is for"))
    match_cash_gbp = models.PositiveIntegerField(_("match funding in cash (£)"), default=0)
    match_in_kind_gbp = models.PositiveIntegerField(_("match funding in kind (£)"), default=0)
    match_in_kind_description = models.CharField(max_length=300, blank=True)
    volunteer_hours = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    awarded_gbp = models.PositiveIntegerField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_sent_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="submitted", awarded_gbp__isnull=True)
                | Q(status="declined", awarded_gbp__isnull=True)
                | Q(status="awarded", awarded_gbp=F("amount_gbp"))
                | Q(status="reduced", awarded_gbp__gt=0, awarded_gbp__lt=F("amount_gbp")),
                name="grant_award_matches_decision",
            )
        ]

    def __str__(self) -> str:
        return gettext("Application %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("grants:application", args=[self.pk])

    @property
    def decided(self) -> bool:
        return self.status != self.Status.SUBMITTED

    @property
    def volunteer_value_gbp(self) -> Decimal:
        return (self.volunteer_hours * self.panel.volunteer_hour_rate_gbp).quantize(Decimal("0.01"))

    @property
    def match_total_gbp(self) -> Decimal:
        return self.match_cash_gbp + self.match_in_kind_gbp + self.volunteer_value_gbp

    @property
    def project_total_gbp(self) -> Decimal:
        return self.amount_gbp + self.match_total_gbp


class Declaration(models.Model):
    """A panel member's declaration about one application: a conflict of interest, or none."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="declarations"
    )
    # Kept in the record: a member who declared cannot be taken off the panel.
    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="declarations")
    conflicted = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField()

    class Meta:
        ordering = ["declared_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "member"], name="one_declaration_per_member"
            ),
            models.CheckConstraint(
                condition=Q(conflicted=False) | ~Q(details=""), name="conflict_says_why"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {'conflict of interest' if self.conflicted else 'no conflict'}"


class Score(models.Model):
    """One member's score of one application against one criterion.

    The score points at the member's declaration of no conflict, so in the database a score
    cannot exist without a declaration (the service refuses one that declares a conflict)."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="scores")
    criterion = models.CharField(max_length=200)
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["declaration_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="score_from_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Vote(models.Model):
    """A member's vote on an application, through their declaration of no conflict."""

    class Choice(models.TextChoices):
        AWARD = "award", _("Award in full")
        REDUCE = "reduce", _("Award a reduced amount")
        DECLINE = "decline", _("Decline")

    declaration = models.OneToOneField(Declaration, on_delete=models.CASCADE, related_name="vote")
    choice = models.CharField(max_length=8, choices=Choice.choices)
    amount_gbp = models.PositiveIntegerField(null=True, blank=True)
    voted_at = models.DateTimeField()

    class Meta:
        ordering = ["voted_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(choice="reduce", amount_gbp__gt=0)
                | (~Q(choice="reduce") & Q(amount_gbp__isnull=True)),
                name="reduced_vote_names_amount",
            )
        ]

    def __str__(self) -> str:
        return self.get_choice_display()
