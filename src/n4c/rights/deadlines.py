"""The deadline engine: from the events of a case to every statutory date, each with its rule.

A *case* is what has happened so far, as event names and dates (``{"notice-of-disposal":
2026-03-02, "request-to-bid": 2026-03-20}``). For every rule whose starting event is in the case,
the engine takes the version of the rule in force on that event's date, counts the period and
says which rule (id, version, citation) produced the date. A rule that needs a further event
(the full moratorium needs a request to bid within the interim moratorium) is shown as
conditional until that event is in the case, and as not applying if the event came too late.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

from n4c import config
from n4c.errors import InputError
from n4c.rights.periods import check_event_date, describe_period, shown_date
from n4c.rights.rules import Kind, Rule, RuleBook, event_label, load_rulebook
from n4c.words import gettext as _

__all__ = [
    "Deadline",
    "Status",
    "case_deadlines",
    "default_rulebook",
    "event_deadlines",
    "missing_earlier_events",
]

#: ``applies``: the date stands. ``conditional``: it stands only if the rule's condition is met
#: (shown in ``condition``). ``not_applicable``: the case shows it does not apply (``reason``).
Status = Literal["applies", "conditional", "not_applicable"]


@dataclass(frozen=True)
class Deadline:
    """One computed statutory date and the rule that produced it."""

    date: dt.date
    kind: Kind
    title: str
    who: str
    rule_id: str
    rule_version: str
    citation: str
    source: str
    source_url: str
    trigger_event: str
    trigger_date: dt.date
    period: str
    status: Status = "applies"
    condition: str = ""
    reason: str = ""
    note: str = ""
    extended: bool = False
    #: The day the event that meets this deadline happened (``Rule.met_by``), if it has.
    met_on: dt.date | None = None

    @property
    def status_note(self) -> str:
        """The deadline's standing as one sentence a person reads ("" when it simply applies).

        Rule conditions are written as sentences ("Where more than half of those voting..."),
        so they are shown as they are, never after a word such as "if".

        >>> import datetime as dt
        >>> from n4c.rights import case_deadlines
        >>> notice, request = dt.date(2026, 3, 2), dt.date(2026, 3, 20)
        >>> dates = case_deadlines({"notice-of-disposal": notice, "request-to-bid": request})
        >>> [d.status_note for d in dates if d.rule_id == "acv.request-to-bid"]
        ['Met on 20 March 2026.']
        """
        if self.status == "not_applicable":
            return _("Does not apply: %(reason)s") % {"reason": self.reason}
        if self.met_on is not None:
            return _("Met on %(date)s.") % {"date": shown_date(self.met_on)}
        if self.status == "conditional":
            return _(self.condition)
        return ""

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (dates as ISO text), with the standing as a sentence."""
        values = {
            key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in asdict(self).items()
        }
        return {**values, "status_note": self.status_note}


@functools.lru_cache(maxsize=8)
def _cached_rulebook(extra: tuple[str, ...]) -> RuleBook:
    return load_rulebook(extra)


def default_rulebook(extra: Iterable[str | Path] = ()) -> RuleBook:
    """The built-in rules, then files or folders named in ``N4C_RIGHTS_RULES``, then ``extra``."""
    configured: list[Path] = config.get("N4C_RIGHTS_RULES")
    return _cached_rulebook(tuple(str(p) for p in [*configured, *extra]))


def _known_event(event: str, book: RuleBook) -> None:
    if event not in book.events:
        raise InputError(
            _("%(event)s is not an event any rule counts from.") % {"event": repr(event)},
            field="event",
            value=event,
            hint=_("Choose one of: %(events)s.") % {"events": ", ".join(book.events)},
        )


def _deadline(rule: Rule, start: dt.date, event: str, **extra: Any) -> Deadline:
    return Deadline(
        date=rule.end(start),
        kind=rule.kind,
        title=rule.title,
        who=rule.who,
        rule_id=rule.id,
        rule_version=rule.version,
        citation=rule.citation,
        source=rule.source,
        source_url=rule.source_url,
        trigger_event=event,
        trigger_date=start,
        period=describe_period(rule.amount, rule.unit, rule.counting, start),
        condition=rule.condition,
        note=rule.note,
        **extra,
    )


def _in_sentence(event: str) -> str:
    """An event's name inside a sentence: "the notice of disposal on …"."""
    label = event_label(event)
    return label[:1].lower() + label[1:]


def _status(
    rule: Rule, case: Mapping[str, dt.date], book: RuleBook, start: dt.date
) -> tuple[Status, str]:
    if rule.requires is None:
        return ("conditional" if rule.condition else "applies"), ""
    if rule.requires not in case:
        return "conditional", ""
    required_on = case[rule.requires]
    if required_on < start:
        return "not_applicable", (
            _("The %(required)s on %(required_on)s came before the %(event)s on %(start)s.")
            % {
                "required": _in_sentence(rule.requires),
                "required_on": shown_date(required_on),
                "event": _in_sentence(rule.event),
                "start": shown_date(start),
            }
        )
    if rule.requires_within:
        window = book.version_on(rule.requires_within, start)
        if window is not None and required_on > window.end(start):
            return "not_applicable", (
                _(
                    "The %(required)s on %(required_on)s came after %(last_day)s, the last day "
                    "allowed (%(citation)s)."
                )
                % {
                    "required": _in_sentence(rule.requires),
                    "required_on": shown_date(required_on),
                    "last_day": shown_date(window.end(start)),
                    "citation": window.citation,
                }
            )
    return "applies", ""


def case_deadlines(
    case: Mapping[str, dt.date],
    *,
    rulebook: RuleBook | None = None,
    extensions: Mapping[str, dt.date] | None = None,
) -> list[Deadline]:
    """Every statutory date that follows from the events of one case, earliest first.

    Parameters
    ----------
    case
        Event name to the date it happened (see ``RuleBook.events`` for the names).
    rulebook
        The rules to use; by default the built-in rules plus ``N4C_RIGHTS_RULES``.
    extensions
        Rule id to a later date agreed in writing, for rules the law lets the parties extend
        (a listing review, for example); other rules cannot be extended.

    Returns
    -------
    list of Deadline
        Each date with the rule version in force on its trigger date, sorted by date.

    Raises
    ------
    InputError
        If an event name is unknown, a date falls outside :data:`~n4c.rights.periods.EVENT_YEARS`,
        or an extension names a rule that cannot be extended.

    Examples
    --------
    >>> import datetime as dt
    >>> dates = case_deadlines({"notice-of-disposal": dt.date(2026, 3, 2)})
    >>> [(d.rule_id, d.date.isoformat(), d.status) for d in dates]  # doctest: +NORMALIZE_WHITESPACE
    [('acv.interim-moratorium', '2026-04-12', 'applies'),
     ('acv.request-to-bid', '2026-04-12', 'applies'),
     ('acv.full-moratorium', '2026-09-01', 'conditional'),
     ('acv.protected-period', '2027-09-01', 'applies')]
    """
    book = rulebook if rulebook is not None else default_rulebook()
    for event, day in case.items():
        _known_event(event, book)
        check_event_date(day, field=event)
    extensions = dict(extensions or {})
    for day in extensions.values():
        check_event_date(day, field="extensions")
    results: list[Deadline] = []
    for rule_id in book.rule_ids():
        anchors = {r.event for r in book.rules if r.id == rule_id}
        for event in anchors & set(case):
            start = case[event]
            rule = book.version_on(rule_id, start)
            if rule is None or rule.event != event:
                continue
            status, reason = _status(rule, case, book, start)
            deadline = _deadline(rule, start, event, status=status, reason=reason)
            if rule_id in extensions:
                deadline = _extend(deadline, rule, extensions.pop(rule_id))
            met_on = case.get(rule.met_by) if rule.met_by else None
            if met_on is not None and start <= met_on <= deadline.date:
                deadline = replace(deadline, met_on=met_on)
            results.append(deadline)
    if extensions:
        raise InputError(
            _("No deadline in this case comes from rule %(rule)s, so it cannot be extended.")
            % {"rule": repr(next(iter(extensions)))},
            field="extensions",
            value=next(iter(extensions)),
        )
    return sorted(results, key=lambda d: (d.date, d.rule_id))


def _extend(deadline: Deadline, rule: Rule, until: dt.date) -> Deadline:
    if not rule.extendable:
        raise InputError(
            _("%(citation)s sets a fixed period for %(rule)s; it cannot be extended by agreement.")
            % {"citation": rule.citation, "rule": repr(rule.id)},
            field="extensions",
            value=rule.id,
        )
    if until < deadline.date:
        raise InputError(
            _("An extension must be later than the statutory date %(date)s.")
            % {"date": deadline.date.isoformat()},
            field="extensions",
            value=until.isoformat(),
        )
    return replace(deadline, date=until, extended=True)


def missing_earlier_events(
    event: str, earlier: Mapping[str, dt.date] | None = None, *, rulebook: RuleBook | None = None
) -> list[str]:
    """The earlier events whose dates ``event`` needs but ``earlier`` lacks (none for most).

    A request to bid starts no period of its own: its deadlines are counted from the owner's
    notice of disposal, so that date must be known too.

    >>> missing_earlier_events("request-to-bid")
    ['notice-of-disposal']
    >>> missing_earlier_events("nomination")
    []
    """
    book = rulebook if rulebook is not None else default_rulebook()
    _known_event(event, book)
    if any(r.event == event for r in book.rules):
        return []
    known = {*(earlier or {}), event}
    return sorted({r.event for r in book.rules if r.requires == event and r.event not in known})


def event_deadlines(
    event: str,
    on: dt.date,
    *,
    earlier: Mapping[str, dt.date] | None = None,
    rulebook: RuleBook | None = None,
) -> list[Deadline]:
    """The dates that follow from one event (given any earlier events of the same case).

    Returns the rules counted from ``event`` and the rules ``event`` is a condition of. A
    request to bid starts no period of its own: it switches on the full moratorium, which is
    counted from the owner's notice of disposal, so that date must be in ``earlier``
    (:func:`missing_earlier_events` says which dates are needed).

    >>> import datetime as dt
    >>> [d.date.isoformat() for d in event_deadlines("nomination", dt.date(2026, 1, 5))]
    ['2026-03-01']
    """
    book = rulebook if rulebook is not None else default_rulebook()
    missing = missing_earlier_events(event, earlier, rulebook=book)
    if missing:
        raise InputError(
            _(
                "A %(event)s starts no period of its own; its deadlines are counted from the "
                "%(earlier)s."
            )
            % {"event": event, "earlier": " or ".join(missing)},
            field="event",
            value=event,
            hint=_("Give the date of the %(earlier)s too.") % {"earlier": missing[0]},
        )
    case = {**(earlier or {}), event: on}
    related = {r.id for r in book.rules if r.event == event or r.requires == event}
    return [d for d in case_deadlines(case, rulebook=book) if d.rule_id in related]
