"""What a count gives: the funded proposals, each proposal's result and reason, the payments."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from n4c.panels.election import Number

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Completion", "Outcome", "Payments", "ProjectResult", "Rule", "currency_of"]

Rule = Literal["greedy", "knapsack", "equal-shares"]
Completion = Literal["add1", "utilitarian"]


@dataclass(frozen=True)
class ProjectResult:
    """One proposal's result and the facts that explain it."""

    id: str
    name: str
    cost: Number
    votes: Number
    selected: bool
    #: Why it won or lost, in a sentence (see :mod:`n4c.panels.explain`).
    reason: str
    #: Its place in the order of funding (1 = first), or None.
    funded_in: int | None = None
    #: Greedy: the budget left when it was considered.
    left_before: float | None = None
    #: Knapsack, for a proposal left out: the most votes any set with it could have.
    best_votes_with_it: float | None = None
    #: Equal shares: how many voters support it, and their money left when it was funded
    #: (or when it ran out of support).
    supporters: int | None = None
    supporters_money: float | None = None
    #: Equal shares: the most any supporter paid for it (the cost per vote), and ρ, what a
    #: supporter paid per unit of utility.
    most_paid: float | None = None
    rho: float | None = None
    #: Equal shares: True when the completion, not equal shares itself, funded it.
    by_completion: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Payments:
    """What each voter's share paid for under equal shares: one row per voter and proposal."""

    voter_ids: tuple[str, ...]
    project_ids: tuple[str, ...]
    share: float
    voters: np.ndarray
    projects: np.ndarray
    amounts: np.ndarray

    def rows(self) -> Iterator[tuple[str, str, float]]:
        """(voter id, proposal id, amount paid), by proposal in order of funding."""
        for voter, project, amount in zip(
            self.voters.tolist(), self.projects.tolist(), self.amounts.tolist(), strict=True
        ):
            yield self.voter_ids[voter], self.project_ids[project], amount

    def spent_by_voter(self) -> np.ndarray:
        """How much of their share each voter spent, in ballot order."""
        import numpy as np

        return np.bincount(self.voters, weights=self.amounts, minlength=len(self.voter_ids))

    def summary(self) -> dict[str, Any]:
        """Counts and totals over voters: who paid, who paid nothing, who spent it all."""
        import numpy as np

        spent = self.spent_by_voter()
        paying = spent > 0
        tolerance = max(self.share * 1e-9, 1e-9)
        return {
            "voters": len(self.voter_ids),
            "share": self.share,
            "paid_something": int(paying.sum()),
            "paid_nothing": int((~paying).sum()),
            "spent_whole_share": int((spent >= self.share - tolerance).sum()),
            "spent": float(spent.sum()),
            "average_spent_by_payers": float(spent[paying].mean()) if paying.any() else 0.0,
            "most_proposals_paid_for": int(np.bincount(self.voters).max()) if paying.any() else 0,
        }


@dataclass(frozen=True)
class Outcome:
    """The result of a count: what was funded, what it cost and why each proposal won or lost."""

    rule: Rule
    completion: Completion | None
    budget: Number
    #: Funded proposals' ids, in the order they were funded.
    selected: tuple[str, ...]
    spent: Number
    #: Every proposal, in the order of the election.
    projects: tuple[ProjectResult, ...]
    currency: str
    payments: Payments | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document; ``voters`` summarises the payments under equal shares."""
        document: dict[str, Any] = {
            "rule": self.rule,
            "completion": self.completion,
            "budget": self.budget,
            "spent": self.spent,
            "selected": list(self.selected),
            "projects": [p.to_dict() for p in self.projects],
        }
        if self.payments is not None:
            document["voters"] = self.payments.summary()
        return document


def currency_of(meta: Mapping[str, str]) -> str:
    """The currency a vote's money is in, from its ``currency`` META line; pounds if none."""
    return meta.get("currency", "GBP").strip().upper() or "GBP"
