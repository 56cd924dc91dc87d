"""One participatory budgeting vote: the budget, the proposals and the residents' ballots.

Ballots are stored as they were cast, whatever the counting rule: a ballot lists the proposals a
resident chose, in the order of preference for ranked ballots, with the points given to each for
scored and cumulative ballots. A rule reads them afterwards (:func:`n4c.panels.count`), so the
same ballots can be counted by greedy or by equal shares without being cast again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from n4c.errors import InputError

__all__ = ["VOTE_TYPES", "Ballot", "Election", "Number", "Project", "VoteType", "id_order"]

Number = int | float
#: How residents vote: approve proposals, share points among them (cumulative), score each one
#: (scoring) or rank them (ordinal); the names are the Pabulib file format's.
VoteType = Literal["approval", "cumulative", "scoring", "ordinal"]
VOTE_TYPES: tuple[VoteType, ...] = get_args(VoteType)


def id_order(project_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for proposal ids that puts "2" before "10", as a person numbers proposals.

    Examples
    --------
    >>> sorted(["10", "2", "b", "a1"], key=id_order)
    ['2', '10', 'a1', 'b']
    """
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.findall(r"\d+|\D+", project_id)
    )


@dataclass(frozen=True)
class Project:
    """A proposal residents can vote for: its id, what it costs and its name."""

    id: str
    cost: Number
    name: str = ""
    #: Other facts about the proposal (category, target…), kept as text.
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ballot:
    """One resident's ballot: the proposals chosen and, for scored ballots, the points given.

    ``projects`` is in order of preference for ranked (ordinal) ballots, first choice first;
    ``points[i]`` goes with ``projects[i]`` for scoring and cumulative ballots and is empty
    otherwise.
    """

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[Number, ...] = ()
    #: Other facts about the voter (age group, how they voted…), kept as text.
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def approval(cls, voter_id: str, approved: Iterable[str]) -> Ballot:
        """A ballot approving the given proposals."""
        return cls(voter_id, tuple(approved))

    @classmethod
    def ranking(cls, voter_id: str, ranked: Iterable[str]) -> Ballot:
        """A ballot ranking the given proposals, first choice first."""
        return cls(voter_id, tuple(ranked))

    @classmethod
    def scores(cls, voter_id: str, points: Mapping[str, Number]) -> Ballot:
        """A ballot giving each proposal its points (scoring or cumulative)."""
        return cls(voter_id, tuple(points), tuple(points.values()))

    def weights(self) -> dict[str, Number]:
        """What the ballot gives each proposal it names: its points, or 1 for a choice."""
        if self.points:
            return dict(zip(self.projects, self.points, strict=True))
        return dict.fromkeys(self.projects, 1)


@dataclass(frozen=True)
class Election:
    """A budget, the proposals and the ballots cast, checked to be consistent when made.

    Examples
    --------
    >>> election = Election(
    ...     budget=1_000,
    ...     vote_type="approval",
    ...     projects=(Project("1", 600), Project("2", 500)),
    ...     ballots=(Ballot.approval("a", ["1"]), Ballot.approval("b", ["1", "2"])),
    ... )
    >>> election.votes()
    {'1': 2, '2': 1}
    """

    budget: Number
    vote_type: VoteType
    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    #: Other facts about the vote (description, country, unit, dates…), in file order.
    meta: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.vote_type not in VOTE_TYPES:
            raise InputError(
                f'"{self.vote_type}" is not a kind of vote; choose one of {", ".join(VOTE_TYPES)}.',
                field="vote_type",
                value=self.vote_type,
            )
        if not self.budget >= 0:
            raise InputError("the budget must be a number of at least 0.", field="budget")
        ids = [p.id for p in self.projects]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1}, key=id_order)
            raise InputError(f"proposal {twice[0]} is listed twice.", field="project_id")
        known = set(ids)
        scored = self.vote_type in ("scoring", "cumulative")
        voters: set[str] = set()
        for ballot in self.ballots:
            problem = _ballot_problem(ballot, known, scored=scored)
            if ballot.voter_id in voters:
                problem = f"voter {ballot.voter_id} has two ballots."
            if problem:
                raise InputError(problem, field="vote", value=ballot.voter_id)
            voters.add(ballot.voter_id)

    def project(self, project_id: str) -> Project:
        """The proposal with this id."""
        for project in self.projects:
            if project.id == project_id:
                return project
        raise KeyError(project_id)

    def votes(self) -> dict[str, Number]:
        """Votes for each proposal: ballots naming it, or its points for scored ballots."""
        totals: dict[str, Number] = {p.id: 0 for p in self.projects}
        for ballot in self.ballots:
            for project_id, weight in ballot.weights().items():
                totals[project_id] += weight
        return totals


def _ballot_problem(ballot: Ballot, known: set[str], *, scored: bool) -> str | None:
    """What is wrong with a ballot, in a sentence, or None."""
    unknown = [p for p in ballot.projects if p not in known]
    if unknown:
        return f"voter {ballot.voter_id} voted for {unknown[0]}, which is not a listed proposal."
    if len(set(ballot.projects)) != len(ballot.projects):
        return f"voter {ballot.voter_id} names a proposal twice."
    if scored and len(ballot.points) != len(ballot.projects):
        return f"voter {ballot.voter_id} has {len(ballot.points)} points for {len(ballot.projects)} proposals."
    if not scored and ballot.points:
        return f"voter {ballot.voter_id} gives points, which this kind of vote does not have."
    if any(not points >= 0 for points in ballot.points):
        return f"voter {ballot.voter_id} gives a negative number of points."
    return None
