"""A budget vote as an :class:`n4c.panels.Election`: counted by the core's rules, written to and
read from Pabulib ``.pb`` files. The platform never counts by itself."""

from __future__ import annotations

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from n4c import panels
from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.budgets.models import Ballot, BudgetVote, Proposal
from n4c.platform.core.acting import acting_user

__all__ = ["count_vote", "election_of", "export_pb", "import_pb", "voter_id"]

_VOTER_SALT = "n4c.platform.budgets.voter_id"
_VOTE_TYPES = {"approval": BudgetVote.BallotType.APPROVAL, "scoring": BudgetVote.BallotType.SCORING}


def counted_ballots(vote: BudgetVote) -> list[Ballot]:
    """Every ballot that counts: online and imported ones, and paper ones once checked."""
    return [b for b in vote.ballots.order_by("pk") if b.counts]


def voter_id(ballot: Ballot) -> str:
    """The ballot's voter id in counts and files: an imported ballot keeps its file's id; any
    other gets an opaque one, stable but neither the ballot's nor the resident's number, so no
    one holding a file and the audit log can tell whose choices a line holds."""
    if ballot.voter_label:
        return ballot.voter_label
    return salted_hmac(_VOTER_SALT, f"{ballot.vote_id}:{ballot.pk}").hexdigest()[:16]


def election_of(vote: BudgetVote) -> panels.Election:
    """The vote's proposals and counted ballots; proposal ids are the records' numbers, voter
    ids are :func:`voter_id`'s, in their order rather than the order ballots were cast."""
    scoring = vote.ballot_type == BudgetVote.BallotType.SCORING
    ballots = []
    for voter, ballot in sorted((voter_id(b), b) for b in counted_ballots(vote)):
        chosen = {pid: p for pid, p in ballot.points.items() if p}
        ballots.append(
            panels.Ballot.scores(voter, chosen)
            if scoring
            else panels.Ballot.approval(voter, chosen)
        )
    return panels.Election(
        budget=vote.budget_gbp,
        vote_type=vote.ballot_type,  # type: ignore[arg-type]
        projects=tuple(
            panels.Project(str(p.pk), p.cost_gbp, p.title) for p in vote.proposals.all()
        ),
        ballots=tuple(ballots),
        meta={"description": vote.title, "unit": vote.area.name, "currency": "GBP"},
    )


def count_vote(vote: BudgetVote) -> panels.Outcome:
    """The result by the vote's counting rule, with each proposal's reason."""
    return panels.count(election_of(vote), rule=vote.counting_rule)  # type: ignore[arg-type]


def export_pb(actor, vote: BudgetVote) -> str:
    """The vote as the text of a ``.pb`` file; the export is audited."""
    text = panels.format_pb(election_of(vote))
    record_change(actor, vote, AuditEvent.Action.EXPORTED)
    return text


@transaction.atomic
def import_pb(
    actor, area: Area, text: str, *, filename: str, counting_rule: str = "equal-shares"
) -> BudgetVote:
    """A closed vote in ``area`` made from a ``.pb`` file's budget, proposals and ballots.

    Raises
    ------
    PbFileError
        The file breaks the format (the message names the line), or its ballots are not
        approval or scoring ones.
    """
    election = panels.parse_pb(text, path=filename)
    if election.vote_type not in _VOTE_TYPES:
        raise panels.PbFileError(
            _('the vote_type is "%(type)s"; the platform takes approval or scoring ballots only.')
            % {"type": election.vote_type},
            path=filename,
            field="file",
            section="META",
        )
    if not float(election.budget).is_integer() or any(
        not float(p.cost).is_integer() for p in election.projects
    ):
        raise panels.PbFileError(
            _("the budget and every cost must be whole pounds."), path=filename, field="file"
        )
    scored = [p for b in election.ballots for p in b.points]
    vote = BudgetVote(
        area=area,
        title=(election.meta.get("description") or filename)[:200],
        budget_gbp=int(election.budget),
        ballot_type=_VOTE_TYPES[election.vote_type],
        max_points=max([5, *(int(p) for p in scored)]),
        counting_rule=counting_rule,
        phase=BudgetVote.Phase.CLOSED,
    )
    vote.full_clean()
    vote.save()
    record_change(actor, vote, AuditEvent.Action.CREATED)
    ids = {}
    for project in election.projects:
        proposal = Proposal.objects.create(
            vote=vote,
            title=(project.name or _("Proposal %(id)s") % {"id": project.id})[:200],
            cost_gbp=int(project.cost),
            description=project.extra.get("description", ""),
        )
        ids[project.id] = str(proposal.pk)
    Ballot.objects.bulk_create(
        Ballot(
            vote=vote,
            voter_label=ballot.voter_id[:100],
            points={ids[p]: w for p, w in ballot.weights().items()},
            method=Ballot.Method.IMPORTED,
            entered_by=acting_user(actor),
        )
        for ballot in election.ballots
    )
    return vote
