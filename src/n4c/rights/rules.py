"""Statutory rules as data: versioned TOML files, each rule citing its source.

A rule file (``n4c/rights/rules/*.toml``) has a ``[rules_file]`` table saying from when its
rules are in force and where they come from, then one ``[[rule]]`` table per statutory period
and optional ``[[threshold]]`` tables (minimum numbers such as 21 members). The same rule id
may appear in several files: each appearance is one *version*, and the engine uses the version
in force on the date that starts the period. A reform (for example a Community Right to Buy
with a longer moratorium) is therefore a new file with a later ``effective_from`` that repeats
only the rules it changes; ``repealed = true`` ends a rule from that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast, get_args

from n4c.errors import InputError
from n4c.rights.periods import COUNTINGS, UNITS, Counting, Unit, period_end
from n4c.specfiles import check_keys, flag, keys_of, read_toml
from n4c.words import gettext as _

__all__ = [
    "KINDS",
    "Kind",
    "Rule",
    "RuleBook",
    "Threshold",
    "builtin_rule_files",
    "event_label",
    "load_rule_file",
    "load_rulebook",
    "rule_words",
]

#: What a computed date means: a deadline to act by, the last day of a period (a moratorium,
#: a listing), or the earliest date something may happen (a consultation may close).
Kind = Literal["deadline", "period_end", "earliest"]
KINDS: tuple[str, ...] = get_args(Kind)


@dataclass(frozen=True)
class Rule:
    """One version of one statutory period."""

    id: str
    event: str
    title: str
    amount: int
    unit: Unit
    counting: Counting
    kind: Kind
    citation: str
    effective_from: dt.date
    source: str
    source_url: str = ""
    who: str = ""
    requires: str | None = None
    requires_within: str | None = None
    #: The event that does what this deadline asks (a request to bid meets its deadline); a
    #: deadline whose event came on or before its date is shown as met, not as upcoming.
    met_by: str | None = None
    condition: str = ""
    note: str = ""
    extendable: bool = False
    repealed: bool = False
    path: str = ""

    @property
    def version(self) -> str:
        """The version label: the date this version came into force."""
        return self.effective_from.isoformat()

    def end(self, start: dt.date) -> dt.date:
        """The date this rule gives for a period counted from ``start``."""
        return period_end(start, self.amount, self.unit, self.counting)


@dataclass(frozen=True)
class Threshold:
    """A minimum number the law sets, such as the 21 members of a nominating group."""

    id: str
    title: str
    minimum: int
    citation: str
    effective_from: dt.date
    source: str
    repealed: bool = False
    path: str = ""

    @property
    def version(self) -> str:
        return self.effective_from.isoformat()


_TABLES = ("rules_file", "rule", "threshold")
_HEADER_KEYS = ("title", "effective_from", "source", "source_url")
# The source and file name come from the file itself, not from each rule.
_RULE_KEYS = keys_of(Rule, without=["source", "path"])
_THRESHOLD_KEYS = keys_of(Threshold, without=["source", "path"])


def _optional_id(table: dict[str, Any], key: str, path: Path, where: str) -> str | None:
    if key not in table:
        return None
    return _text(table, key, path, where)


def _text(table: dict[str, Any], key: str, path: Path, where: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise InputError(
            f"{where} needs {key!r} as non-empty text.",
            path=path,
            field=key,
            value=value,
            hint="Every rule says what it is and cites its source.",
        )
    return value.strip()


def _date(table: dict[str, Any], key: str, path: Path, where: str) -> dt.date:
    value = table.get(key)
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(
            f"{where} needs {key!r} as a TOML date, like 2012-09-21.",
            path=path,
            field=key,
            value=value,
        )
    return value


def _choice(
    table: dict[str, Any], key: str, allowed: tuple[str, ...], path: Path, where: str
) -> str:
    value = table.get(key)
    if value not in allowed:
        raise InputError(
            f"{where}: {key} {value!r} is not one of {', '.join(allowed)}.",
            path=path,
            field=key,
            value=value,
        )
    return cast(str, value)


def _rule(table: dict[str, Any], defaults: dict[str, Any], path: Path, number: int) -> Rule:
    check_keys(table, _RULE_KEYS, where=f"rule[{number}]", path=path)
    where = f"[[rule]] number {number}"
    rule_id = _text(table, "id", path, where)
    where = f"Rule {rule_id!r}"
    amount = table.get("amount")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise InputError(
            f"{where} needs 'amount' as a whole number of units, 0 or more.",
            path=path,
            field="amount",
            value=amount,
        )
    effective_from = (
        _date(table, "effective_from", path, where)
        if "effective_from" in table
        else defaults["effective_from"]
    )
    return Rule(
        id=rule_id,
        event=_text(table, "event", path, where),
        title=_text(table, "title", path, where),
        amount=amount,
        unit=cast(Unit, _choice(table, "unit", UNITS, path, where)),
        counting=cast(Counting, _choice(table, "counting", COUNTINGS, path, where)),
        kind=cast(Kind, _choice(table, "kind", KINDS, path, where)),
        citation=_text(table, "citation", path, where),
        effective_from=effective_from,
        source=defaults["source"],
        source_url=str(table.get("source_url", defaults["source_url"])),
        who=_text(table, "who", path, where, required=False),
        requires=_optional_id(table, "requires", path, where),
        requires_within=_optional_id(table, "requires_within", path, where),
        met_by=_optional_id(table, "met_by", path, where),
        condition=_text(table, "condition", path, where, required=False),
        note=_text(table, "note", path, where, required=False),
        extendable=flag(table, "extendable", where=f"rule[{number}]", path=path),
        repealed=flag(table, "repealed", where=f"rule[{number}]", path=path),
        path=path.name,
    )


def _threshold(
    table: dict[str, Any], defaults: dict[str, Any], path: Path, number: int
) -> Threshold:
    check_keys(table, _THRESHOLD_KEYS, where=f"threshold[{number}]", path=path)
    threshold_id = _text(table, "id", path, "[[threshold]]")
    where = f"Threshold {threshold_id!r}"
    minimum = table.get("minimum")
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 0:
        raise InputError(
            f"{where} needs 'minimum' as a whole number.", path=path, field="minimum", value=minimum
        )
    return Threshold(
        id=threshold_id,
        title=_text(table, "title", path, where),
        minimum=minimum,
        citation=_text(table, "citation", path, where),
        effective_from=(
            _date(table, "effective_from", path, where)
            if "effective_from" in table
            else defaults["effective_from"]
        ),
        source=defaults["source"],
        repealed=flag(table, "repealed", where=f"threshold[{number}]", path=path),
        path=path.name,
    )


def load_rule_file(path: str | Path) -> tuple[list[Rule], list[Threshold]]:
    """Read one rule file, checking every field; a bad file is an error naming the field."""
    path = Path(path)
    data = read_toml(path)
    check_keys(data, _TABLES, where="", path=path)
    header = data.get("rules_file")
    if not isinstance(header, dict):
        raise InputError(
            "needs a [rules_file] table with effective_from and source.",
            path=path,
            field="rules_file",
        )
    check_keys(header, _HEADER_KEYS, where="rules_file", path=path)
    defaults = {
        "effective_from": _date(header, "effective_from", path, "[rules_file]"),
        "source": _text(header, "source", path, "[rules_file]"),
        "source_url": str(header.get("source_url", "")),
    }
    rules = [_rule(t, defaults, path, n) for n, t in enumerate(data.get("rule", []), start=1)]
    thresholds = [
        _threshold(t, defaults, path, n) for n, t in enumerate(data.get("threshold", []), start=1)
    ]
    return rules, thresholds


def builtin_rule_files() -> list[Path]:
    """The rule files shipped with n4c, in name order."""
    folder = resources.files("n4c.rights") / "rules"
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".toml"))


@dataclass
class RuleBook:
    """Every version of every rule, and the choice of the version in force on a date."""

    rules: list[Rule] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        seen: dict[tuple[str, dt.date], str] = {}
        items: list[Rule | Threshold] = [*self.rules, *self.thresholds]
        for item in items:
            key = (item.id, item.effective_from)
            if key in seen:
                raise InputError(
                    f"rule {item.id!r} has two versions in force from {item.effective_from}: "
                    f"in {seen[key]} and {item.path}.",
                    path=item.path,
                    field="id",
                    value=item.id,
                    hint="Give the newer version a later effective_from.",
                )
            seen[key] = item.path
        known_ids = {r.id for r in self.rules}
        for rule in self.rules:
            if rule.requires_within and rule.requires_within not in known_ids:
                raise InputError(
                    f"rule {rule.id!r} names an unknown rule {rule.requires_within!r} in requires_within.",
                    path=rule.path,
                    field="requires_within",
                    value=rule.requires_within,
                )

    @property
    def events(self) -> list[str]:
        """Every event that starts or conditions a period, in first-seen order."""
        names: dict[str, None] = {}
        for rule in self.rules:
            names[rule.event] = None
            if rule.requires:
                names[rule.requires] = None
        return list(names)

    def events_of(self, right: str) -> list[str]:
        """The events of one community right, named by its rules' id prefix (``"acv"`` for the
        right to bid, ``"np"`` for neighbourhood planning), so a case offers only its own."""
        names: dict[str, None] = {}
        for rule in self.rules:
            if rule.id.split(".")[0] == right:
                names[rule.event] = None
                for other in (rule.requires, rule.met_by):
                    if other:
                        names[other] = None
        return list(names)

    def rule_ids(self) -> list[str]:
        return list(dict.fromkeys(r.id for r in self.rules))

    def version_on(self, rule_id: str, on: dt.date) -> Rule | None:
        """The version of ``rule_id`` in force on ``on``; None if none was (or it was repealed)."""
        versions = [r for r in self.rules if r.id == rule_id and r.effective_from <= on]
        if not versions:
            return None
        current = max(versions, key=lambda r: r.effective_from)
        return None if current.repealed else current

    def in_force(self, on: dt.date) -> list[Rule]:
        """Every rule in force on ``on``, one version each, in the order the files list them."""
        chosen = (self.version_on(rule_id, on) for rule_id in self.rule_ids())
        return [r for r in chosen if r is not None]

    def threshold_on(self, threshold_id: str, on: dt.date) -> Threshold:
        """The version of a threshold in force on ``on``."""
        versions = [t for t in self.thresholds if t.id == threshold_id and t.effective_from <= on]
        current = max(versions, key=lambda t: t.effective_from, default=None)
        if current is None or current.repealed:
            raise InputError(
                f"No threshold {threshold_id!r} was in force on {on.isoformat()}.",
                field="threshold",
                value=threshold_id,
            )
        return current


def load_rulebook(extra: Iterable[str | Path] = (), *, builtin: bool = True) -> RuleBook:
    """The built-in rule files plus any extra files or folders of ``*.toml`` rule files."""
    paths: list[Path] = builtin_rule_files() if builtin else []
    for item in extra:
        item = Path(item)
        if item.is_dir():
            paths.extend(sorted(item.glob("*.toml")))
        elif item.is_file():
            paths.append(item)
        else:
            raise InputError(
                "is neither a rule file nor a folder of rule files.",
                path=item,
                hint="Give a .toml rule file or a folder holding them.",
            )
    rules: list[Rule] = []
    thresholds: list[Threshold] = []
    for path in paths:
        file_rules, file_thresholds = load_rule_file(path)
        rules.extend(file_rules)
        thresholds.extend(file_thresholds)
    return RuleBook(rules, thresholds, [p.name for p in paths])


def rule_words(book: RuleBook | None = None) -> list[str]:
    """Every word of the rules files people read (titles, who, conditions, notes), once each.

    The platform's ``makemessages`` puts them in its catalogue; where a deadline is shown they
    pass through ``gettext`` so a reader sees them in their own language.

    >>> "Council decides whether to list the nominated land" in rule_words()
    True
    """
    book = book if book is not None else load_rulebook()
    texts = [
        text for rule in book.rules for text in (rule.title, rule.who, rule.condition, rule.note)
    ]
    events = [e for rule in book.rules for e in (rule.event, rule.requires, rule.met_by) if e]
    texts += [_event_words(event) for event in events]
    return sorted({text for text in texts if text.strip()})


def _event_words(event: str) -> str:
    return event.replace("-", " ").capitalize()


def event_label(event: str) -> str:
    """An event's name in words, in the reader's language: the rules files name events by
    key (``"notice-of-disposal"``), and :func:`rule_words` gives their words to translators.

    >>> event_label("notice-of-disposal")
    'Notice of disposal'
    """
    return _(_event_words(event))
