"""Read and write Pabulib ``.pb`` files, the open format of participatory budgeting data.

A ``.pb`` file is UTF-8 text in three sections, in this order: ``META`` (``key;value`` rows,
with at least ``budget`` and ``vote_type``), ``PROJECTS`` (at least ``project_id`` and ``cost``)
and ``VOTES`` (at least ``voter_id`` and ``vote``, the chosen proposals separated by commas,
first choice first for ordinal votes; plus ``points`` for scoring and cumulative votes). Each
section starts with its title line, then a header line; values are separated by semicolons and
quoted as in CSV. A file that breaks the format is a :class:`PbFileError` naming the section and
the line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from n4c import words
from n4c.errors import InputError
from n4c.panels.election import VOTE_TYPES, Ballot, Election, Number, Project, VoteType
from n4c.textfiles import read_text
from n4c.words import gettext as _

__all__ = ["PbFileError", "format_pb", "parse_pb", "read_pb", "write_pb"]

SECTIONS = ("META", "PROJECTS", "VOTES")
#: META keys that n4c works out from the vote itself when it writes a file.
_COUNTED_META = ("num_projects", "num_votes", "budget", "vote_type")


@dataclass
class PbFileError(InputError):
    """A ``.pb`` file that breaks the format: says the section and the line (1 = first line)."""

    section: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = [Path(self.path).name] if self.path is not None else []
        if self.line is not None:
            where.append(_("line %(line)s") % {"line": words.number(self.line)})
        if self.section is not None:
            where.append(_("section %(section)s") % {"section": self.section})
        text = ", ".join(where)
        text = f"{text}: {self.message}" if text else self.message
        return f"{text} {self.hint}" if self.hint else text


def read_pb(path: str | Path) -> Election:
    """Read a ``.pb`` file through n4c's one reader of people's text files.

    A byte order mark is accepted and another encoding than UTF-8 (Windows-1252, say) is
    detected, as for every file n4c reads.

    Raises
    ------
    PbFileError
        The file is missing, is a folder, is not text or breaks the format; the message names
        the section and the line.
    """
    path = Path(path)
    if not path.exists():
        raise PbFileError(_("the file does not exist."), path=path, hint=_("Check the path."))
    try:
        text = read_text(path).text
    except InputError as error:
        raise PbFileError(error.message, path=path, hint=error.hint) from None
    return parse_pb(text, path=path)


def parse_pb(text: str, *, path: str | Path | None = None) -> Election:
    """Read the text of a ``.pb`` file; ``path`` only names the file in messages.

    Examples
    --------
    >>> election = parse_pb(
    ...     "META\\nkey;value\\nbudget;1000\\nvote_type;approval\\n"
    ...     "PROJECTS\\nproject_id;cost\\n1;600\\n2;500\\n"
    ...     "VOTES\\nvoter_id;vote\\na;1\\nb;1,2\\n"
    ... )
    >>> election.budget, [p.cost for p in election.projects], election.ballots[1].projects
    (1000, [600, 500], ('1', '2'))
    >>> parse_pb("META\\nkey;value\\nbudget;1000\\nvote_type;approval\\nVOTES\\n", path="x.pb")
    Traceback (most recent call last):
    ...
    n4c.panels.pabulib.PbFileError: x.pb, line 5, section VOTES: the PROJECTS section must come before VOTES.
    """
    return _Reader(path).read(text)


class _Reader:
    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.section: str | None = None

    def error(self, message: str, line: int | None, hint: str | None = None) -> PbFileError:
        return PbFileError(message, path=self.path, section=self.section, line=line, hint=hint)

    def read(self, text: str) -> Election:
        tables: dict[str, tuple[int, list[str], list[tuple[int, list[str]]]]] = {}
        header: list[str] | None = None
        header_line = 0
        for number, row in _rows(text):
            title = row[0].strip().upper() if len(row) == 1 else ""
            if title in SECTIONS:
                expected = SECTIONS[len(tables)] if len(tables) < len(SECTIONS) else None
                self.section = title
                if title in tables:
                    raise self.error(
                        _("the %(section)s section appears twice.") % {"section": title}, number
                    )
                if title != expected:
                    raise self.error(
                        _("the %(expected)s section must come before %(section)s.")
                        % {"expected": expected, "section": title},
                        number,
                    )
                tables[title] = (number, [], [])
                header = None
                continue
            if self.section is None:
                raise self.error(
                    _("the file must start with the META section (a line saying META)."), number
                )
            if header is None:
                header = [name.strip() for name in row]
                header_line = number
                tables[self.section] = (header_line, header, [])
                continue
            if len(row) != len(header):
                raise self.error(
                    _(
                        "this line has %(values)s values but the header on line %(line)s names "
                        "%(columns)s columns."
                    )
                    % {
                        "values": len(row),
                        "line": words.number(header_line),
                        "columns": len(header),
                    },
                    number,
                    hint=_("Put values holding a semicolon in double quotes."),
                )
            tables[self.section][2].append((number, [value.strip() for value in row]))
        missing = [name for name in SECTIONS if name not in tables]
        if missing:
            self.section = missing[0]
            last = len(text.splitlines())
            raise self.error(
                _("the file has no %(section)s section (it ends on line %(line)s).")
                % {"section": missing[0], "line": words.number(last)},
                None,
            )
        for name in SECTIONS:
            if not tables[name][1]:
                self.section = name
                raise self.error(_("the section has no header line."), tables[name][0])
        self.section = "META"
        meta, budget, vote_type = self.meta(*tables["META"])
        self.section = "PROJECTS"
        projects = self.projects(*tables["PROJECTS"])
        self.section = "VOTES"
        ballots = self.ballots(*tables["VOTES"], vote_type=vote_type, projects=projects)
        return Election(budget, vote_type, tuple(projects.values()), ballots, meta)

    def require(self, header: list[str], names: tuple[str, ...], line: int) -> None:
        for name in names:
            if name not in header:
                raise self.error(
                    _('the header has no "%(name)s" column (it has %(header)s).')
                    % {"name": name, "header": ";".join(header)},
                    line,
                )

    def meta(
        self, line: int, header: list[str], rows: list[tuple[int, list[str]]]
    ) -> tuple[dict[str, str], Number, VoteType]:
        if [name.lower() for name in header] != ["key", "value"]:
            raise self.error(
                _('the header must be "key;value", not "%(header)s".')
                % {"header": ";".join(header)},
                line,
            )
        meta: dict[str, str] = {}
        lines: dict[str, int] = {}
        for number, (key, value) in rows:
            if not key:
                raise self.error(_("a META line needs a key before the semicolon."), number)
            if key in meta:
                raise self.error(
                    _('"%(key)s" is given twice (first on line %(line)s).')
                    % {"key": key, "line": words.number(lines[key])},
                    number,
                )
            meta[key], lines[key] = value, number
        for key in ("budget", "vote_type"):
            if key not in meta:
                raise self.error(_('the section has no "%(key)s" line.') % {"key": key}, line)
        budget = self.number(meta["budget"], lines["budget"], _("the budget"))
        vote_type = meta["vote_type"].lower()
        if vote_type not in VOTE_TYPES:
            raise self.error(
                _('"%(given)s" is not a vote type; choose one of %(types)s.')
                % {"given": meta["vote_type"], "types": ", ".join(VOTE_TYPES)},
                lines["vote_type"],
            )
        kept = {k: v for k, v in meta.items() if k not in _COUNTED_META}
        return kept, budget, vote_type  # type: ignore[return-value]

    def projects(
        self, line: int, header: list[str], rows: list[tuple[int, list[str]]]
    ) -> dict[str, Project]:
        self.require(header, ("project_id", "cost"), line)
        projects: dict[str, Project] = {}
        for number, values in rows:
            record = dict(zip(header, values, strict=True))
            project_id = record.pop("project_id")
            if not project_id:
                raise self.error(_("a proposal has no project_id."), number)
            if project_id in projects:
                raise self.error(_("proposal %(id)s is listed twice.") % {"id": project_id}, number)
            cost = self.number(
                record.pop("cost"), number, _("the cost of proposal %(id)s") % {"id": project_id}
            )
            name = record.pop("name", "")
            projects[project_id] = Project(project_id, cost, name, record)
        return projects

    def ballots(
        self,
        line: int,
        header: list[str],
        rows: list[tuple[int, list[str]]],
        *,
        vote_type: VoteType,
        projects: dict[str, Project],
    ) -> tuple[Ballot, ...]:
        scored = vote_type in ("scoring", "cumulative")
        self.require(header, ("voter_id", "vote", *(("points",) if scored else ())), line)
        ballots: list[Ballot] = []
        seen: dict[str, int] = {}
        for number, values in rows:
            record = dict(zip(header, values, strict=True))
            voter_id = record.pop("voter_id")
            if voter_id in seen:
                raise self.error(
                    _("voter %(voter)s has two ballots (the first on line %(line)s).")
                    % {"voter": voter_id, "line": words.number(seen[voter_id])},
                    number,
                )
            seen[voter_id] = number
            chosen = _items(record.pop("vote"))
            for project_id in chosen:
                if project_id not in projects:
                    raise self.error(
                        _("voter %(voter)s voted for %(id)s, which is not in PROJECTS.")
                        % {"voter": voter_id, "id": project_id},
                        number,
                    )
            if len(set(chosen)) != len(chosen):
                raise self.error(
                    _("voter %(voter)s names a proposal twice.") % {"voter": voter_id}, number
                )
            points: tuple[Number, ...] = ()
            if scored:
                given = _items(record.pop("points"))
                if len(given) != len(chosen):
                    raise self.error(
                        _("voter %(voter)s has %(points)s points for %(proposals)s proposals.")
                        % {"voter": voter_id, "points": len(given), "proposals": len(chosen)},
                        number,
                    )
                what = _("voter %(voter)s's points") % {"voter": voter_id}
                points = tuple(self.number(p, number, what) for p in given)
            ballots.append(Ballot(voter_id, tuple(chosen), points, record))
        return tuple(ballots)

    def number(self, text: str, line: int, what: str) -> Number:
        # A decimal comma (12,5) is read as pabutools reads it, but "2,500" could as well be
        # two thousand five hundred, so three digits after the comma are refused, not guessed.
        if re.fullmatch(r"\d+,\d{3}", text):
            raise self.error(
                _('%(what)s "%(text)s" could be read two ways.') % {"what": what, "text": text},
                line,
                hint=_(
                    "Write it without a thousands separator (2500) and with a full stop for "
                    "decimals (2.5)."
                ),
            )
        try:
            value = float(text.replace(",", ".")) if text.count(",") <= 1 else math.nan
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0:
            raise self.error(
                _('%(what)s must be a number of at least 0, not "%(text)s".')
                % {"what": what, "text": text},
                line,
            )
        return int(value) if value.is_integer() else value


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank line's values, with its line number (1 = first line)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield number, next(csv.reader([line], delimiter=";"))


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def format_pb(election: Election) -> str:
    """The ``.pb`` text of a vote; :func:`parse_pb` reads it back to the same :class:`Election`.

    ``num_projects`` and ``num_votes`` are counted, not copied, so they are always true.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = {
        "num_projects": str(len(election.projects)),
        "num_votes": str(len(election.ballots)),
        "budget": str(election.budget),
        "vote_type": election.vote_type,
        **election.meta,
    }
    writer.writerows([["META"], ["key", "value"], *meta.items()])
    names = any(p.name for p in election.projects)
    project_extra = _columns(p.extra for p in election.projects)
    writer.writerows([["PROJECTS"], ["project_id", "cost", *(["name"] * names), *project_extra]])
    for project in election.projects:
        writer.writerow(
            [project.id, str(project.cost), *([project.name] * names)]
            + [project.extra.get(column, "") for column in project_extra]
        )
    scored = election.vote_type in ("scoring", "cumulative")
    voter_extra = _columns(b.extra for b in election.ballots)
    writer.writerows([["VOTES"], ["voter_id", *voter_extra, "vote", *(["points"] * scored)]])
    for ballot in election.ballots:
        writer.writerow(
            [ballot.voter_id, *(ballot.extra.get(column, "") for column in voter_extra)]
            + [",".join(ballot.projects)]
            + ([",".join(str(p) for p in ballot.points)] if scored else [])
        )
    return out.getvalue()


def _columns(records: Iterable[Mapping[str, str]]) -> list[str]:
    """Every extra column, in the order first met."""
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    return list(columns)


def write_pb(election: Election, path: str | Path) -> None:
    """Write a vote as a ``.pb`` file (UTF-8, no byte order mark)."""
    Path(path).write_text(format_pb(election), encoding="utf-8")
