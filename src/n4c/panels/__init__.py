"""Participatory budgeting: residents vote on proposals within a budget, and a rule counts them.

Owns the ballots as cast (:mod:`n4c.panels.election`), Pabulib ``.pb`` files
(:mod:`n4c.panels.pabulib`), the counting rules (greedy, knapsack and the method of equal
shares: :mod:`n4c.panels.rules`, :mod:`n4c.panels.knapsack`, :mod:`n4c.panels.equal_shares`),
their results (:mod:`n4c.panels.outcome`) and why each proposal won or lost
(:mod:`n4c.panels.explain`).
Pure Python: may import ``n4c.errors``; never the platform, Django or the other analytics
packages.
"""

from n4c.panels.election import VOTE_TYPES, Ballot, Election, Project, VoteType, id_order
from n4c.panels.explain import money, vote_count, voters_sentence
from n4c.panels.outcome import Completion, Outcome, Payments, ProjectResult, Rule
from n4c.panels.pabulib import PbFileError, format_pb, parse_pb, read_pb, write_pb
from n4c.panels.rules import COMPLETIONS, RULES, count, tie_order

__all__ = [
    "COMPLETIONS",
    "RULES",
    "VOTE_TYPES",
    "Ballot",
    "Completion",
    "Election",
    "Outcome",
    "Payments",
    "PbFileError",
    "Project",
    "ProjectResult",
    "Rule",
    "VoteType",
    "count",
    "format_pb",
    "id_order",
    "money",
    "parse_pb",
    "read_pb",
    "tie_order",
    "vote_count",
    "voters_sentence",
    "write_pb",
]
