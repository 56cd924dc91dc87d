"""Changes to budget votes; the pages, the importer and the demo all call these, and each is
audited.

The rules live here once: the phases run in order; proposals are added while collecting them;
ballots are cast while voting is open; one ballot per resident, online or on paper; a paper
ballot counts only once a second person has checked it.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.platform.areas.access import can_edit_area
from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.budgets.models import Ballot, BudgetVote, Proposal
from n4c.platform.core.acting import acting_user, is_platform
from n4c.platform.core.conflicts import unique_or
from n4c.platform.residents.models import Resident
from n4c.words import number

__all__ = [
    "add_proposal",
    "advance_phase",
    "cast_ballot",
    "check_paper_ballot",
    "open_vote",
]

Phase = BudgetVote.Phase
_ORDER = list(Phase)


def _require_runner(actor, area: Area) -> None:
    """Only those who may change the area run its votes (the platform itself may, for the demo)."""
    if not is_platform(actor) and not can_edit_area(actor, area):
        raise PermissionDenied(_("You can see this vote but not run it."))


@transaction.atomic
def open_vote(actor, area: Area, **fields) -> BudgetVote:
    _require_runner(actor, area)
    vote = BudgetVote(area=area, **fields)
    vote.full_clean()
    vote.save()
    record_change(actor, vote, AuditEvent.Action.CREATED)
    return vote


@transaction.atomic
def add_proposal(
    actor, vote: BudgetVote, *, title: str, cost_gbp: int, description: str = ""
) -> Proposal:
    _require_runner(actor, vote.area)
    vote = BudgetVote.objects.select_for_update().get(pk=vote.pk)
    if vote.phase != Phase.PROPOSALS:
        raise ValidationError(_("Proposals can only be added while they are being collected."))
    proposal = Proposal(vote=vote, title=title.strip(), cost_gbp=cost_gbp, description=description)
    proposal.full_clean()
    proposal.save()
    record_change(actor, proposal, AuditEvent.Action.CREATED)
    return proposal


@transaction.atomic
def advance_phase(actor, vote: BudgetVote, to: str) -> BudgetVote:
    """Move the vote to the next phase; phases are never skipped or undone."""
    _require_runner(actor, vote.area)
    vote = BudgetVote.objects.select_for_update().get(pk=vote.pk)
    at = _ORDER.index(Phase(vote.phase))
    if at + 1 >= len(_ORDER) or _ORDER[at + 1] != to:
        raise ValidationError(
            _("A vote that is “%(phase)s” cannot move to “%(to)s”; phases go in order: %(order)s.")
            % {
                "phase": vote.get_phase_display().lower(),
                "to": Phase(to).label.lower() if to in Phase.values else to,
                "order": ", ".join(str(p.label).lower() for p in _ORDER),
            }
        )
    if to == Phase.VOTING and not vote.proposals.exists():
        raise ValidationError(_("Add at least one proposal before voting opens."))
    unchecked = vote.ballots.filter(method=Ballot.Method.PAPER, checked_at__isnull=True).count()
    if to == Phase.PUBLISHED and unchecked:
        raise ValidationError(
            ngettext(
                "%(count)s paper ballot is not checked yet. Have a second person check them "
                "before publishing the results.",
                "%(count)s paper ballots are not checked yet. Have a second person check them "
                "before publishing the results.",
                unchecked,
            )
            % {"count": number(unchecked)}
        )
    before = snapshot(vote)
    vote.phase = to
    vote.save(update_fields=["phase"])
    record_change(actor, vote, AuditEvent.Action.CHANGED, before=before)
    return vote


def ballot_points(vote: BudgetVote, points: Mapping[int | str, int]) -> dict[str, int]:
    """The ballot's points by proposal id, checked against the vote's ballot rules."""
    known = {str(pk) for pk in vote.proposals.values_list("pk", flat=True)}
    given = {str(pk): int(p) for pk, p in points.items() if int(p)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValidationError(_("Proposal %(id)s is not part of this vote.") % {"id": unknown[0]})
    if not given:
        raise ValidationError(
            {"__all__": _("Choose at least one proposal.")}
            if vote.ballot_type == BudgetVote.BallotType.APPROVAL
            else {"__all__": _("Give at least one proposal some points.")}
        )
    if vote.ballot_type == BudgetVote.BallotType.APPROVAL:
        if any(p != 1 for p in given.values()):
            raise ValidationError(_("An approval ballot ticks proposals; it gives no points."))
        if vote.max_approvals is not None and len(given) > vote.max_approvals:
            raise ValidationError(
                ngettext(
                    "Choose at most %(most)s proposal; this ballot chooses %(chosen)s.",
                    "Choose at most %(most)s proposals; this ballot chooses %(chosen)s.",
                    vote.max_approvals,
                )
                % {"most": number(vote.max_approvals), "chosen": number(len(given))}
            )
    elif any(not 0 <= p <= vote.max_points for p in given.values()):
        raise ValidationError(
            _("Give each proposal between 0 and %(most)s points.")
            % {"most": number(vote.max_points)}
        )
    return given


def _already_voted(resident: Resident, earlier: Ballot | None) -> str:
    name = {"name": resident.full_name}
    if earlier is not None and earlier.method == Ballot.Method.PAPER:
        return (
            _("%(name)s has already voted in this vote on paper. Each resident votes once.") % name
        )
    if earlier is not None and earlier.method == Ballot.Method.ONLINE:
        return _("%(name)s has already voted in this vote online. Each resident votes once.") % name
    return _("%(name)s has already voted in this vote. Each resident votes once.") % name


@transaction.atomic
def cast_ballot(
    actor,
    vote: BudgetVote,
    resident: Resident,
    points: Mapping[int | str, int],
    *,
    method: str = Ballot.Method.ONLINE,
) -> Ballot:
    """Record a resident's ballot, online (by themself) or on paper (entered by staff)."""
    if method == Ballot.Method.PAPER:
        _require_runner(actor, vote.area)
    elif not is_platform(actor) and actor != resident.account:
        raise PermissionDenied(_("You can send only your own ballot."))
    vote = BudgetVote.objects.select_for_update().get(pk=vote.pk)
    if vote.phase != Phase.VOTING:
        raise ValidationError(_("Voting is not open in this vote."))
    if resident.area_id != vote.area_id or resident.erased_at is not None:
        raise ValidationError(_("Only members of this area's partnership vote in it."))
    earlier = vote.ballots.filter(resident=resident).first()
    refusal = ValidationError(_already_voted(resident, earlier), code="already_voted")
    if earlier is not None:
        raise refusal
    ballot = Ballot(
        vote=vote,
        resident=resident,
        points=ballot_points(vote, points),
        method=method,
        entered_by=acting_user(actor),
    )
    with unique_or(Ballot, ("vote", "resident"), refusal):
        ballot.save()
    record_change(actor, ballot, AuditEvent.Action.CREATED)
    return ballot


@transaction.atomic
def check_paper_ballot(actor, ballot: Ballot) -> Ballot:
    """A second person confirms a paper ballot was entered as written; only then it counts."""
    _require_runner(actor, ballot.vote.area)
    if acting_user(actor) is None:
        raise PermissionDenied(_("A person checks a paper ballot against the paper."))
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.method != Ballot.Method.PAPER:
        raise ValidationError(_("Only paper ballots are checked."))
    if ballot.checked_at is not None:
        raise ValidationError(_("This paper ballot has already been checked."))
    if ballot.entered_by_id == actor.pk:
        raise ValidationError(
            _("You entered this ballot, so someone else must check it against the paper.")
        )
    before = snapshot(ballot)
    ballot.checked_by, ballot.checked_at = actor, timezone.now()
    ballot.save(update_fields=["checked_by", "checked_at"])
    record_change(actor, ballot, AuditEvent.Action.CHANGED, before=before)
    return ballot
