"""The community right to bid as a task list: from nomination to the end of the protected period.

Each step of an asset's journey says what to do, by when and where it stands (not started, in
progress, done, cannot start yet). The dates are the deadline engine's
(:func:`n4c.rights.deadlines.case_deadlines`); nothing here counts a period of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from n4c.rights.deadlines import Deadline, case_deadlines, default_rulebook
from n4c.rights.periods import shown_date
from n4c.rights.rules import RuleBook
from n4c.words import gettext as _
from n4c.words import gettext_noop

__all__ = ["STEP_STATUSES", "Step", "StepStatus", "asset_journey", "long_date"]

StepStatus = Literal["not-started", "in-progress", "done", "cannot-start-yet"]
#: How each status is shown, in the words of the GOV.UK task list pattern (in English here;
#: :attr:`Step.status_label` gives them in the reader's language).
STEP_STATUSES: dict[str, str] = {
    "not-started": gettext_noop("Not started"),
    "in-progress": gettext_noop("In progress"),
    "done": gettext_noop("Done"),
    "cannot-start-yet": gettext_noop("Cannot start yet"),
}


@dataclass(frozen=True)
class Step:
    """One step of the journey: what to do, by when, and where it stands."""

    key: str
    title: str
    status: StepStatus
    what_to_do: str
    deadline: Deadline | None = None
    #: The template letter for this step: ``"nomination"`` or ``"request-to-bid"``.
    letter: str = ""

    @property
    def status_label(self) -> str:
        return _(STEP_STATUSES[self.status])

    @property
    def by_when(self) -> dt.date | None:
        return self.deadline.date if self.deadline is not None else None


def long_date(day: dt.date) -> str:
    """A date as GOV.UK writes it: ``long_date(dt.date(2026, 3, 1))`` is ``'1 March 2026'``."""
    return f"{day.day} {day:%B %Y}"


def _period_step(
    key: str, title: str, deadline: Deadline | None, today: dt.date, running: str, ended: str
) -> Step:
    if deadline is None:
        return Step(key, title, "cannot-start-yet", _("It starts when the owner gives notice."))
    if today <= deadline.date:
        return Step(key, title, "in-progress", running, deadline)
    return Step(key, title, "done", ended, deadline)


def asset_journey(
    case: Mapping[str, dt.date],
    *,
    today: dt.date,
    rulebook: RuleBook | None = None,
    extensions: Mapping[str, dt.date] | None = None,
) -> list[Step]:
    """The seven steps of the right to bid for one case's events, each dated by the engine.

    Examples
    --------
    >>> import datetime as dt
    >>> steps = asset_journey({"nomination": dt.date(2026, 1, 5)}, today=dt.date(2026, 1, 20))
    >>> [(s.key, s.status) for s in steps[:3]]
    [('nomination', 'done'), ('listing', 'in-progress'), ('notice-of-disposal', 'cannot-start-yet')]
    >>> steps[1].by_when
    datetime.date(2026, 3, 1)
    """
    book = rulebook if rulebook is not None else default_rulebook()
    dates = case_deadlines(case, rulebook=book, extensions=extensions) if case else []
    by_rule = {d.rule_id: d for d in dates}
    members = book.threshold_on("acv.unincorporated-body-members", today)
    steps = [
        _nomination(case, by_rule, members.minimum),
        _listing(case, by_rule, today),
        _notice(case, by_rule),
        _period_step(
            "interim-moratorium",
            _("Interim moratorium"),
            by_rule.get("acv.interim-moratorium"),
            today,
            _(
                "The owner may not sell until this date while community groups decide whether "
                "to bid."
            ),
            _("The interim moratorium has ended."),
        ),
        _request(case, by_rule, today),
        _full_moratorium(case, by_rule, today),
        _period_step(
            "protected-period",
            _("Protected period"),
            by_rule.get("acv.protected-period"),
            today,
            _(
                "After the moratorium the owner may sell to anyone; until this date a further "
                "sale needs no fresh notice."
            ),
            _("The protected period has ended; a new sale needs a fresh notice and moratorium."),
        ),
    ]
    return steps


def _nomination(case: Mapping[str, dt.date], by_rule: dict[str, Deadline], members: int) -> Step:
    title = _("Nominate the asset")
    if "nomination" in case:
        return Step(
            "nomination",
            title,
            "done",
            _("Nominated on %(date)s.") % {"date": shown_date(case["nomination"])},
            letter="nomination",
        )
    return Step(
        "nomination",
        title,
        "not-started",
        _(
            "Send the council a nomination letter (below). A community nominator must send it: "
            "a parish council, a neighbourhood forum, or a local group (such as an "
            "unincorporated body with at least %(members)s members on the local electoral "
            "register)."
        )
        % {"members": members},
        letter="nomination",
    )


def _listing(case: Mapping[str, dt.date], by_rule: dict[str, Deadline], today: dt.date) -> Step:
    title = _("The council lists the asset")
    decision = by_rule.get("acv.listing-decision")
    if "listing" in case:
        ends = by_rule.get("acv.listing-ends")
        return Step(
            "listing",
            title,
            "done",
            (
                _("Listed on %(date)s. The listing lasts until %(end)s.")
                % {"date": shown_date(case["listing"]), "end": shown_date(ends.date)}
                if ends
                else _("Listed on %(date)s.") % {"date": shown_date(case["listing"])}
            ),
            ends,
        )
    if decision is None:
        return Step(
            "listing", title, "cannot-start-yet", _("The council decides after a nomination.")
        )
    late = today > decision.date
    return Step(
        "listing",
        title,
        "in-progress",
        (
            _("The council's decision is overdue: ask it for the decision in writing.")
            if late
            else _("The council must decide whether to list the asset by this date.")
        ),
        decision,
    )


def _notice(case: Mapping[str, dt.date], by_rule: dict[str, Deadline]) -> Step:
    title = _("The owner gives notice of disposal")
    if "notice-of-disposal" in case:
        return Step(
            "notice-of-disposal",
            title,
            "done",
            _("The council received the owner's notice on %(date)s.")
            % {"date": shown_date(case["notice-of-disposal"])},
        )
    if "listing" not in case:
        return Step(
            "notice-of-disposal",
            title,
            "cannot-start-yet",
            _("Only an owner of a listed asset must give notice before selling."),
        )
    return Step(
        "notice-of-disposal",
        title,
        "not-started",
        _(
            "Nothing to do until the owner tells the council they want to sell; the council "
            "then tells the nominator. Record the date the council received the notice."
        ),
    )


def _request(case: Mapping[str, dt.date], by_rule: dict[str, Deadline], today: dt.date) -> Step:
    key, title = "request-to-bid", _("Ask to be treated as a potential bidder")
    deadline = by_rule.get("acv.request-to-bid")
    if deadline is None:
        return Step(
            key,
            title,
            "cannot-start-yet",
            _("A group can ask once the owner has given notice."),
            letter="request-to-bid",
        )
    if deadline.met_on is not None:
        return Step(
            key,
            title,
            "done",
            _("Asked in writing on %(date)s.") % {"date": shown_date(deadline.met_on)},
            deadline,
            "request-to-bid",
        )
    if "request-to-bid" in case:
        return Step(
            key,
            title,
            "done",
            _("Asked on %(date)s, after the last day allowed.")
            % {"date": shown_date(case["request-to-bid"])},
            deadline,
            "request-to-bid",
        )
    if today > deadline.date:
        return Step(
            key,
            title,
            "not-started",
            _("The time to ask has run out."),
            deadline,
            "request-to-bid",
        )
    return Step(
        key,
        title,
        "not-started",
        _(
            "Send the council a written request (the letter below) so that it reaches them by "
            "this date; it starts the full moratorium."
        ),
        deadline,
        "request-to-bid",
    )


def _full_moratorium(
    case: Mapping[str, dt.date], by_rule: dict[str, Deadline], today: dt.date
) -> Step:
    key, title = "full-moratorium", _("Full moratorium: time to raise the money")
    deadline = by_rule.get("acv.full-moratorium")
    if deadline is None:
        return Step(
            key, title, "cannot-start-yet", _("It starts only if a group asks to bid in time.")
        )
    if deadline.status == "not_applicable":
        return Step(key, title, "cannot-start-yet", deadline.status_note, deadline)
    if deadline.status == "conditional":
        request = by_rule.get("acv.request-to-bid")
        ran_out = request is not None and today > request.date
        return Step(
            key,
            title,
            "cannot-start-yet",
            _("No group asked in time, so there is no full moratorium.")
            if ran_out
            else _(deadline.condition),
            deadline,
        )
    return _period_step(
        key,
        title,
        deadline,
        today,
        _(
            "The owner may sell only to a community interest group until this date: prepare "
            "the bid."
        ),
        _("The full moratorium has ended."),
    )
