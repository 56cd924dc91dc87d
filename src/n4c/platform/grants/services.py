"""Every change to a grant panel, one function each; pages and the admin call these.

Each step of the work is allowed in one phase of the panel's timetable (see
:meth:`~n4c.platform.grants.models.Panel.phase_on`); a member who declared a conflict of
interest on an application neither scores it nor votes on it, nor records its decision; and a
decision never spends more than the panel's capital or revenue budget, checked with the panel's
row locked so that two decisions at the same moment cannot both take the last pounds.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.grants.access import can_run_panel, seat_of
from n4c.platform.grants.models import (
    Application,
    Declaration,
    FundingType,
    Panel,
    PanelMember,
    Phase,
    Score,
    Vote,
)
from n4c.platform.people.access import is_staff_role, role_of
from n4c.platform.people.models import Role

__all__ = [
    "APPLICATION_CONSENT_WORDING",
    "add_panel_member",
    "budget_from_allocation",
    "check_phase",
    "create_panel",
    "decide",
    "declare_interest",
    "left_to_spend_gbp",
    "remove_panel_member",
    "score_application",
    "score_summary",
    "spent_gbp",
    "submit_application",
    "vote",
    "vote_tally",
]

#: The words an applicant agrees to; without them no name or e-mail address is kept. Each
#: application keeps them as the applicant read them, in the language they read them in.
APPLICATION_CONSENT_WORDING = gettext_lazy(
    "The Network for Communities will keep your name and email address to deal with this "
    "application and tell you the panel's decision. The grant panel sees them until it decides. "
    "You can ask us to delete them at any time."
)
_PHASE_REFUSALS = {
    Phase.OPEN: gettext_lazy(
        "Applications can only be made while the panel is open for applications."
    ),
    Phase.ASSESSING: gettext_lazy(
        "Applications can only be scored while the panel is assessing them."
    ),
    Phase.DECIDING: gettext_lazy(
        "Votes and decisions can only be recorded while the panel is deciding."
    ),
    Phase.ANNOUNCED: gettext_lazy(
        "Decisions can only be sent or published once they are announced."
    ),
}
#: An overspent budget, said of each budget.
_OVERSPENT = {
    FundingType.CAPITAL: gettext_lazy(
        "That would overspend the capital budget: £%(left)s of £%(budget)s is left, and this "
        "award is £%(amount)s."
    ),
    FundingType.REVENUE: gettext_lazy(
        "That would overspend the revenue budget: £%(left)s of £%(budget)s is left, and this "
        "award is £%(amount)s."
    ),
}


def _pounds(amount: int) -> str:
    """Whole pounds with the reader's thousands separator, like 1,500 (without the £)."""
    return number_format(amount, force_grouping=True)


def check_phase(panel: Panel, *allowed: Phase) -> None:
    if panel.phase_on(timezone.localdate()) not in allowed:
        raise ValidationError(_PHASE_REFUSALS[allowed[0]], code="wrong_phase")


def _check_runs(actor, panel: Panel) -> None:
    if not can_run_panel(actor, panel):
        raise PermissionDenied(_("Only staff who work with this area can run its grant panel."))


@transaction.atomic
def create_panel(actor, area: Area, **fields: Any) -> Panel:
    panel = Panel(area=area, **fields)
    _check_runs(actor, panel)
    panel.full_clean()
    panel.save()
    record_change(actor, panel, AuditEvent.Action.CREATED)
    return panel


def budget_from_allocation(document: dict[str, Any], area: Area) -> dict[str, Any]:
    """The capital and revenue budget an allocation document (``n4c allocation`` JSON) gives
    ``area``, found by the area's name or one of its ward codes; fields for :func:`create_panel`.
    """
    codes = {area.name.casefold(), *(code.casefold() for code in area.area_codes().codes)}
    for row in document.get("areas", []):
        if {str(row.get("area_code", "")).casefold(), str(row.get("area_name", "")).casefold()} & (
            codes
        ):
            fund = document.get("fund", {})
            name = fund.get("name") or _("the allocation")
            return {
                "capital_budget_gbp": int(row["capital_gbp"]),
                "revenue_budget_gbp": int(row["revenue_gbp"]),
                "budget_source": (_("Allocated by %(fund)s") % {"fund": name})[:200],
            }
    raise ValidationError(
        _(
            "The allocation has no row for %(area)s: look for its name or one of its ward "
            "codes in the allocation's area_code or area_name column."
        )
        % {"area": area.name},
        code="not_in_allocation",
    )


def add_panel_member(actor, panel: Panel, person) -> PanelMember:
    """Seat a member of staff, or one of the area's partnership members who has a sign-in."""
    _check_runs(actor, panel)
    is_member = (
        role_of(person) == Role.PARTNERSHIP_MEMBER
        and panel.area.partnership_members.filter(pk=person.pk).exists()
    )
    if not (is_staff_role(person) or is_member):
        raise ValidationError(
            {"person": _("Choose a member of staff or one of this area's partnership members.")}
        )
    seat = PanelMember(panel=panel, person=person)
    refusal = ValidationError({"person": _("They are already on the panel.")}, code="duplicate")
    if PanelMember.objects.filter(panel=panel, person=person).exists():
        raise refusal
    with unique_or(PanelMember, ["panel", "person"], refusal):
        seat.save()
        record_change(actor, seat, AuditEvent.Action.CREATED)
    return seat


@transaction.atomic
def remove_panel_member(actor, seat: PanelMember) -> None:
    """Take someone off the panel, unless they have declared on an application: their
    declarations, scores and votes stay in the record."""
    _check_runs(actor, seat.panel)
    if seat.declarations.exists():
        raise ValidationError(
            _("%(person)s has declared on applications, so they stay on the panel's record.")
            % {"person": seat}
        )
    record_change(actor, seat, AuditEvent.Action.DELETED)
    seat.delete()


@transaction.atomic
def submit_application(actor, panel: Panel, *, consent_given: bool, **fields: Any) -> Application:
    """An application from a partnership member in their own area, or entered by staff.

    The applicant's name and e-mail are kept only with their consent to
    :data:`APPLICATION_CONSENT_WORDING`."""
    check_phase(panel, Phase.OPEN)
    resident = None
    if role_of(actor) == Role.PARTNERSHIP_MEMBER:
        resident = getattr(actor, "resident_record", None)
        if not panel.area.partnership_members.filter(pk=actor.pk).exists():
            raise PermissionDenied(_("You can apply only to your own area's panel."))
    else:
        _check_runs(actor, panel)
    problems: dict[str, str] = {}
    if not consent_given:
        problems["consent_given"] = _(
            "Confirm that the applicant agrees we keep their name and email address."
        )
    kind = fields.get("applicant_kind")
    allowed = {
        Panel.WhoMayApply.INDIVIDUALS: {Application.ApplicantKind.INDIVIDUAL},
        Panel.WhoMayApply.GROUPS: {Application.ApplicantKind.ORGANISATION},
    }.get(panel.who_may_apply, set(Application.ApplicantKind))
    if kind not in allowed:
        problems["applicant_kind"] = _("This panel takes applications from %(who)s.") % {
            "who": panel.get_who_may_apply_display().lower()
        }
    if kind == Application.ApplicantKind.ORGANISATION and not fields.get("organisation_name"):
        problems["organisation_name"] = _("Enter the name of the group or organisation.")
    amount = fields.get("amount_gbp") or 0
    if not panel.min_grant_gbp <= amount <= panel.max_grant_gbp:
        problems["amount_gbp"] = _("Ask for between £%(smallest)s and £%(largest)s.") % {
            "smallest": _pounds(panel.min_grant_gbp),
            "largest": _pounds(panel.max_grant_gbp),
        }
    if not fields.get("contact_email"):
        problems["contact_email"] = _("Enter an email address, like name@example.com.")
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    application = Application(
        panel=panel,
        resident=resident,
        submitted_by=actor,
        submitted_at=now,
        consent_wording=str(APPLICATION_CONSENT_WORDING),
        consent_given_at=now,
        **fields,
    )
    application.full_clean()
    application.save()
    record_change(actor, application, AuditEvent.Action.CREATED)
    return application


def _seat_or_refuse(actor, panel: Panel) -> PanelMember:
    seat = seat_of(actor, panel)
    if seat is None:
        raise PermissionDenied(_("Only members of the panel can do this."))
    return seat


@transaction.atomic
def declare_interest(
    actor, application: Application, *, conflicted: bool, details: str = ""
) -> Declaration:
    """Record whether the member has a conflict of interest in the application.

    A member may change their answer before the decision; declaring a conflict removes any
    scores and vote they gave it, and both stay in the audit record."""
    panel = application.panel
    check_phase(panel, Phase.ASSESSING, Phase.DECIDING)
    seat = _seat_or_refuse(actor, panel)
    if application.decided:
        raise ValidationError(_("This application is decided; declarations are closed."))
    if conflicted and not details.strip():
        raise ValidationError({"details": _("Say what the conflict of interest is.")})
    declaration = (
        Declaration.objects.select_for_update().filter(application=application, member=seat).first()
    )
    now = timezone.now()
    if declaration is None:
        declaration = Declaration(
            application=application,
            member=seat,
            conflicted=conflicted,
            details=details.strip(),
            declared_at=now,
        )
        with unique_or(Declaration, ["application", "member"]):
            declaration.save()
        record_change(actor, declaration, AuditEvent.Action.CREATED)
        return declaration
    before = snapshot(declaration)
    declaration.conflicted = conflicted
    declaration.details = details.strip()
    declaration.declared_at = now
    declaration.save()
    if conflicted:
        for given in [*declaration.scores.all(), *Vote.objects.filter(declaration=declaration)]:
            record_change(actor, given, AuditEvent.Action.DELETED)
            given.delete()
    record_change(actor, declaration, AuditEvent.Action.CHANGED, before=before)
    return declaration


def _clear_declaration(actor, application: Application) -> Declaration:
    """The actor's declaration of no conflict on the application, locked; refuses otherwise."""
    seat = _seat_or_refuse(actor, application.panel)
    declaration = (
        Declaration.objects.select_for_update().filter(application=application, member=seat).first()
    )
    if declaration is None:
        raise ValidationError(
            _("Declare whether you have a conflict of interest before you score or vote."),
            code="not_declared",
        )
    if declaration.conflicted:
        raise PermissionDenied(
            _(
                "You declared a conflict of interest in this application, so you cannot score "
                "it, vote on it or decide it."
            )
        )
    return declaration


@transaction.atomic
def score_application(
    actor, application: Application, *, scores: dict[str, int], comment: str = ""
) -> list[Score]:
    """Score the application from 1 to 5 against each of the panel's criteria, replacing the
    member's earlier scores."""
    check_phase(application.panel, Phase.ASSESSING)
    declaration = _clear_declaration(actor, application)
    criteria = application.panel.criteria_list()
    problems = {
        criterion: _("Give a score from 1 to 5.")
        for criterion in criteria
        if not isinstance(scores.get(criterion), int) or not 1 <= scores[criterion] <= 5
    }
    unknown = sorted(set(scores) - set(criteria))
    if unknown:
        problems["__all__"] = _("The panel does not score against %(criteria)s.") % {
            "criteria": ", ".join(unknown)
        }
    if problems:
        raise ValidationError(problems)
    for old in declaration.scores.all():
        record_change(actor, old, AuditEvent.Action.DELETED)
        old.delete()
    given = []
    for criterion in criteria:
        score = Score(
            declaration=declaration,
            criterion=criterion,
            score=scores[criterion],
            comment=comment.strip(),
        )
        score.save()
        record_change(actor, score, AuditEvent.Action.CREATED)
        given.append(score)
    return given


@transaction.atomic
def vote(actor, application: Application, *, choice: str, amount_gbp: int | None = None) -> Vote:
    check_phase(application.panel, Phase.DECIDING)
    declaration = _clear_declaration(actor, application)
    if application.decided:
        raise ValidationError(_("This application is decided; voting is closed."))
    if choice == Vote.Choice.REDUCE and not amount_gbp:
        raise ValidationError({"amount_gbp": _("Enter the reduced amount, in pounds.")})
    existing = Vote.objects.filter(declaration=declaration).first()
    before = snapshot(existing) if existing else None
    given = existing or Vote(declaration=declaration)
    given.choice = choice
    given.amount_gbp = amount_gbp if choice == Vote.Choice.REDUCE else None
    given.voted_at = timezone.now()
    given.full_clean(exclude=["declaration"])
    given.save()
    record_change(
        actor,
        given,
        AuditEvent.Action.CHANGED if existing else AuditEvent.Action.CREATED,
        before=before,
    )
    return given


def spent_gbp(panel: Panel, funding_type: str, *, besides: Application | None = None) -> int:
    """What the panel's decisions award from one budget, leaving out ``besides``."""
    awards = Application.objects.filter(panel=panel, funding_type=funding_type)
    if besides is not None:
        awards = awards.exclude(pk=besides.pk)
    return awards.aggregate(total=Sum("awarded_gbp"))["total"] or 0


def left_to_spend_gbp(panel: Panel, funding_type: str) -> int:
    return panel.budget_gbp(funding_type) - spent_gbp(panel, funding_type)


@transaction.atomic
def decide(
    actor,
    application: Application,
    *,
    outcome: str,
    reasons: str,
    awarded_gbp: int | None = None,
) -> Application:
    """Record the panel's decision: award in full, award a reduced amount, or decline.

    Recorded by the staff running the panel or by a panel member with no conflict of interest.
    The panel's row is locked first, so decisions on one panel take turns and the sum of awards
    never passes the capital or the revenue budget."""
    panel = Panel.objects.select_for_update().get(pk=application.panel_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_phase(panel, Phase.DECIDING)
    seat = seat_of(actor, panel)
    if seat is not None or not can_run_panel(actor, panel):
        _clear_declaration(actor, application)
    if not reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons for the decision.")})
    amount: int | None
    if outcome == Application.Status.AWARDED:
        amount = application.amount_gbp
    elif outcome == Application.Status.REDUCED:
        amount = awarded_gbp
        if not amount or not panel.min_grant_gbp <= amount < application.amount_gbp:
            raise ValidationError(
                {
                    "awarded_gbp": _(
                        "Enter a reduced amount of at least £%(smallest)s and less than the "
                        "£%(asked)s asked for."
                    )
                    % {
                        "smallest": _pounds(panel.min_grant_gbp),
                        "asked": _pounds(application.amount_gbp),
                    }
                }
            )
    elif outcome == Application.Status.DECLINED:
        amount = None
    else:
        raise ValidationError({"outcome": _("Choose award, award a reduced amount, or decline.")})
    if amount:
        budget = panel.budget_gbp(application.funding_type)
        left = budget - spent_gbp(panel, application.funding_type, besides=application)
        if amount > left:
            raise ValidationError(
                {
                    "awarded_gbp": _OVERSPENT[FundingType(application.funding_type)]
                    % {"left": _pounds(left), "budget": _pounds(budget), "amount": _pounds(amount)}
                },
                code="overspent",
            )
    before = snapshot(application)
    application.status = outcome
    application.awarded_gbp = amount
    application.decision_reasons = reasons.strip()
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save()
    record_change(actor, application, AuditEvent.Action.CHANGED, before=before)
    return application


def vote_tally(application: Application) -> dict[str, int]:
    """How many members voted each way, in the order of the choices."""
    votes = [v.choice for v in Vote.objects.filter(declaration__application=application)]
    return {label: votes.count(choice) for choice, label in Vote.Choice.choices if choice in votes}


def score_summary(application: Application) -> dict[str, float]:
    """The average score against each criterion, of the members who scored."""
    totals: dict[str, list[int]] = {}
    for score in Score.objects.filter(declaration__application=application):
        totals.setdefault(score.criterion, []).append(score.score)
    return {criterion: sum(s) / len(s) for criterion, s in totals.items()}
