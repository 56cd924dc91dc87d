"""Who may nominate an asset of community value, and who may form a neighbourhood forum.

The thresholds (21 members) are data in the rule files, versioned like the periods, so a reform
that changes them is a new rule file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

from n4c.errors import InputError
from n4c.rights.rules import RuleBook

__all__ = [
    "BODIES_THAT_MAY_NOMINATE",
    "NOMINATING_BODIES",
    "Eligibility",
    "NominatingBody",
    "check_forum",
    "check_nominator",
]

#: Bodies the Localism Act s.89(2)(b) and SI 2012/2421 reg 5(1) let nominate, and individuals
#: (who may not).
NominatingBody = Literal[
    "parish-council",
    "neighbourhood-forum",
    "unincorporated-body",
    "charity",
    "company-limited-by-guarantee",
    "community-benefit-society",
    "community-interest-company",
    "individual",
]
NOMINATING_BODIES: tuple[str, ...] = get_args(NominatingBody)
#: The kinds of body a nomination form offers, in this order: every one but an individual. The
#: letters (``letters``) and the platform's form labels name each of these, and tests keep them
#: the same.
BODIES_THAT_MAY_NOMINATE: tuple[str, ...] = tuple(
    body for body in NOMINATING_BODIES if body != "individual"
)


@dataclass(frozen=True)
class Eligibility:
    """Whether a body may act, why, and the rule that says so."""

    eligible: bool
    reason: str
    citation: str


def check_nominator(
    body: str,
    *,
    on: dt.date,
    rulebook: RuleBook,
    registered_members: int | None = None,
    distributes_surplus: bool = False,
) -> Eligibility:
    """Whether ``body`` may make a community nomination on ``on``.

    An unincorporated body needs at least the threshold number (21 under SI 2012/2421) of
    members registered to vote in the council's or a neighbouring council's area, and no body
    but a parish council may distribute surplus to its members.
    """
    if body not in NOMINATING_BODIES:
        raise InputError(
            f"{body!r} is not a kind of nominating body.",
            field="body",
            value=body,
            hint=f"Choose one of: {', '.join(NOMINATING_BODIES)}.",
        )
    if body == "parish-council":
        return Eligibility(
            True,
            "A parish council may nominate land in its area.",
            "Localism Act 2011 s.89(2)(b)(i)",
        )
    if body == "individual":
        return Eligibility(
            False,
            "An individual cannot nominate; a group of at least 21 local voters can.",
            "Localism Act 2011 s.89(2)(b)",
        )
    if distributes_surplus:
        return Eligibility(
            False,
            "A nominating body must not distribute any surplus it makes to its members.",
            "SI 2012/2421 reg 5(1)",
        )
    if body == "unincorporated-body":
        threshold = rulebook.threshold_on("acv.unincorporated-body-members", on)
        if registered_members is None:
            raise InputError(
                "Enter how many members are registered to vote in the council's (or a neighbouring council's) area.",
                field="registered_members",
            )
        if registered_members < threshold.minimum:
            return Eligibility(
                False,
                f"An unincorporated group needs at least {threshold.minimum} members on the local "
                f"electoral register; it has {registered_members}.",
                threshold.citation,
            )
        return Eligibility(
            True,
            f"{registered_members} members on the local register meets the minimum of {threshold.minimum}.",
            threshold.citation,
        )
    return Eligibility(
        True,
        "This kind of body may nominate if it has a local connection.",
        "SI 2012/2421 reg 5(1)",
    )


def check_forum(members: int, *, on: dt.date, rulebook: RuleBook) -> Eligibility:
    """Whether an organisation with ``members`` qualifying members may be designated a forum."""
    threshold = rulebook.threshold_on("np.forum-members", on)
    if members < threshold.minimum:
        return Eligibility(
            False,
            f"A neighbourhood forum needs at least {threshold.minimum} members; it has {members}.",
            threshold.citation,
        )
    return Eligibility(
        True, f"{members} members meets the minimum of {threshold.minimum}.", threshold.citation
    )
