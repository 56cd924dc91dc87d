"""Who may see and run which budget votes: the areas' rules, decided once here.

Staff who may change an area run its votes (proposals, paper ballots, checks, phases); a
partnership member sees their own area's votes, votes online while voting is open and reads the
results once they are published.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_visible_to, can_edit_area
from n4c.platform.budgets.models import BudgetVote
from n4c.platform.people.access import is_staff_role
from n4c.platform.residents.models import Resident

__all__ = [
    "may_read_results",
    "resident_voting_as",
    "vote_for_running",
    "vote_for_viewing",
    "votes_visible_to",
]


def votes_visible_to(user) -> QuerySet[BudgetVote]:
    return BudgetVote.objects.filter(area__in=areas_visible_to(user)).select_related("area")


def vote_for_viewing(user, pk: int) -> BudgetVote:
    vote = votes_visible_to(user).filter(pk=pk).first()
    if vote is None:
        raise Http404(_("There is no budget vote with that number that you can see."))
    return vote


def vote_for_running(user, pk: int) -> BudgetVote:
    vote = vote_for_viewing(user, pk)
    if not can_edit_area(user, vote.area):
        raise PermissionDenied(_("You can see this vote but not run it."))
    return vote


def may_read_results(user, vote: BudgetVote) -> bool:
    """Staff read the count once voting has closed; members only once it is published."""
    if vote.phase == BudgetVote.Phase.PUBLISHED:
        return True
    return is_staff_role(user) and vote.phase == BudgetVote.Phase.CLOSED


def resident_voting_as(user, vote: BudgetVote) -> Resident | None:
    """The resident record ``user`` votes as in ``vote``'s area, or None: only a member of
    that area's partnership votes in it."""
    return Resident.objects.filter(account=user, area=vote.area, erased_at__isnull=True).first()
