"""``n4c rights``: statutory deadlines for community rights, the rules behind them, asset registers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from n4c.cli.output import console, opened, print_json, where, words_for
from n4c.errors import InputError

rights_app = typer.Typer(
    help="Community rights: Localism Act deadlines, the rules behind them, asset registers.",
    no_args_is_help=True,
)

RULES_HELP = (
    "Extra rule file or folder of *.toml rule files (e.g. a reform), read after the built-in "
    "rules and N4C_RIGHTS_RULES; repeat as needed."
)


def parse_date(text: str, *, option: str = "--date") -> dt.date:
    """A YYYY-MM-DD date given to ``option`` within the years a statutory clock may start."""
    from n4c.rights.periods import check_event_date

    try:
        day = dt.date.fromisoformat(text)
    except ValueError as error:
        raise InputError(
            f"{text!r} is not a date; enter it as YYYY-MM-DD, like 2026-03-02.",
            field=option,
            value=text,
        ) from error
    return check_event_date(day, field=option)


def parse_event_dates(items: list[str]) -> dict[str, dt.date]:
    """``--also`` values: ``["notice-of-disposal=2026-03-02"]`` as ``{"notice-of-disposal": date}``."""
    events: dict[str, dt.date] = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep:
            raise InputError(f"{item!r} is not EVENT=YYYY-MM-DD.", field="--also", value=item)
        events[name.strip()] = parse_date(text.strip(), option="--also")
    return events


@rights_app.command("deadlines")
def deadlines(
    event: str = typer.Option(
        ...,
        help="What happened: nomination, listing, listing-notice, review-request, review-decision, "
        "notice-of-disposal, request-to-bid, loss-incurred, compensation-decision, "
        "compensation-review-decision, area-application-publicised, forum-application-publicised, "
        "forum-designated, pre-submission-publicised, plan-publicised, examiner-report-received, "
        "referendum-poll, referendum-held (`n4c rights rules` lists them).",
    ),
    date: str = typer.Option(..., help="The date it happened, YYYY-MM-DD."),
    also: list[str] = typer.Option(
        None,
        "--also",
        help="An earlier event of the same case as EVENT=YYYY-MM-DD (a request to bid needs "
        "notice-of-disposal=...); repeat as needed.",
    ),
    rules: list[Path] = typer.Option(None, "--rules", help=RULES_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Every statutory date that follows from an event, with the rule (id, version, citation) behind it."""
    from n4c import rights

    say = words_for({"--json": as_json})
    on = parse_date(date)
    earlier = parse_event_dates(also or [])
    book = rights.default_rulebook(rules or [])
    missing = rights.missing_earlier_events(event, earlier, rulebook=book)
    if missing:
        raise InputError(
            f"A {event} starts no period of its own; its deadlines are counted from the "
            f"{' or '.join(missing)}.",
            field="--event",
            value=event,
            hint=f"Give that date too, e.g. --also {missing[0]}=YYYY-MM-DD.",
        )
    results = rights.event_deadlines(event, on, earlier=earlier, rulebook=book)
    summary = (
        f"Computed {len(results)} date(s) from the {event} on {on.isoformat()}, "
        f"using the rules in force on each trigger date."
    )
    if as_json:
        print_json([d.as_dict() for d in results])
        say.print(summary)
        return
    from rich.table import Table

    table = Table(title=f"Deadlines from the {event} on {on.isoformat()}")
    for column in ("date", "what", "who", "period", "rule", "citation"):
        table.add_column(column, overflow="fold")
    for item in results:
        what = item.title
        if item.status_note:
            what += f" ({item.status_note})"
        table.add_row(
            f"{item.date:%a %d %b %Y}",
            what,
            item.who,
            item.period,
            f"{item.rule_id} (version {item.rule_version})",
            item.citation,
        )
    console.print(table)
    console.print(summary)


@rights_app.command("rules")
def rules_command(
    on: str = typer.Option(
        None, "--on", help="Show the rules in force on this date (default today)."
    ),
    rules: list[Path] = typer.Option(None, "--rules", help=RULES_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """The statutory rules in force on a date: period, event counted from, citation, source file."""
    from n4c import rights

    day = parse_date(on, option="--on") if on else dt.date.today()
    book = rights.default_rulebook(rules or [])
    chosen = book.in_force(day)
    if as_json:
        print_json(
            [
                {
                    "id": r.id,
                    "version": r.version,
                    "event": r.event,
                    "requires": r.requires,
                    "title": r.title,
                    "period": f"{r.amount} {r.unit}",
                    "counting": r.counting,
                    "kind": r.kind,
                    "citation": r.citation,
                    "source": r.source,
                    "file": r.path,
                }
                for r in chosen
            ]
        )
    else:
        from rich.table import Table

        table = Table(title=f"Statutory rules in force on {day.isoformat()}")
        for column in ("rule", "counted from", "period", "what", "citation", "file"):
            table.add_column(column, overflow="fold")
        for r in chosen:
            table.add_row(
                f"{r.id} (version {r.version})",
                r.event + (f" (needs {r.requires})" if r.requires else ""),
                f"{r.amount} {r.unit} {r.counting.replace('_', ' ')}",
                r.title,
                r.citation,
                r.path,
            )
        console.print(table)
    words_for({"--json": as_json}).print(
        f"{len(chosen)} rules in force on {day.isoformat()} from {len(book.files)} rule files."
    )


@rights_app.command("check-assets")
def check_assets(
    path: Path = typer.Argument(..., help="An asset register CSV (columns: see `--help`)."),
    out: Path = typer.Option(
        None, help="Write the valid assets here as clean register CSV (- for standard output)."
    ),
    rejected: Path = typer.Option(
        None,
        help="Write one line per problem (row, field, value, message) here (- for standard output).",
    ),
) -> None:
    """Check an asset register CSV row by row: postcodes, coordinates, LSOA codes, kinds, statuses."""
    from n4c import rights

    say = words_for({"--out": out, "--rejected": rejected})
    if not path.is_file():
        raise InputError("does not exist or is not a file.", path=path)
    result = rights.read_assets_csv(path)
    for item in result.rejected[:20]:
        for error in item.errors:
            say.print(f"  {error}")
    if len(result.rejected) > 20:
        say.print(f"  … and {len(result.rejected) - 20:,} more rejected rows.")
    written = []
    if out is not None:
        with opened(out) as stream:
            rights.write_assets_csv(result.assets, stream)
        written.append(f"wrote {where(out)}")
    if rejected is not None:
        with opened(rejected) as stream:
            rights.write_rejections_csv(result.rejected, stream)
        written.append(f"see {where(rejected)}")
    tail = f" ({'; '.join(written)})" if written else ""
    say.print(f"{path.name}: {result.summary()[:-1]}{tail}.")


def register(app: typer.Typer) -> None:
    """Add ``n4c rights`` to the app."""
    app.add_typer(rights_app, name="rights")
