"""``n4c plain check``: check text written for residents for plain English."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from n4c.cli.output import STDOUT, console, print_json, words_for

plain_app = typer.Typer(
    help="Plain English: long sentences, the passive voice, words to avoid and reading age.",
    no_args_is_help=True,
)

# Written out here so that `--help` imports nothing of the library; a test keeps them equal.
FORMATS = ("auto", "text", "markdown", "html", "docx")


@plain_app.command("check")
def check_command(
    file: str = typer.Argument(
        ...,
        help="The text to check: plain text, Markdown, HTML or Word .docx (- for standard input).",
        show_default=False,
    ),
    text_format: str = typer.Option(
        "auto",
        "--format",
        help="auto (by the file's extension, else its content), text, markdown, html or docx.",
    ),
    target: str = typer.Option("9-11", help="The reading ages to aim for, like 9-11."),
    allow: list[str] = typer.Option(
        None,
        "--allow",
        help="A word or phrase residents themselves use, never reported; repeat for more.",
    ),
    allow_file: Path = typer.Option(
        None, help="A file of words residents use, one on each line (# starts a comment)."
    ),
    strict: bool = typer.Option(
        False, help="Exit with status 1 when the reading age is above the target."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of the report."),
) -> None:
    """Check each sentence (length, passive voice, words to avoid) and the reading age."""
    from n4c import plain
    from n4c.errors import InputError
    from n4c.textfiles import read_bytes

    if text_format not in FORMATS:
        raise InputError(
            f'"{text_format}" is not a format; choose {", ".join(FORMATS[:-1])} or {FORMATS[-1]}.',
            field="--format",
            value=text_format,
        )
    aim = plain.parse_target(target)
    allowed = list(allow or [])
    if allow_file is not None:
        allowed += plain.read_allow_list(allow_file)
    words = words_for({"--json": as_json})
    if file == STDOUT:
        name, content = "standard input", sys.stdin.buffer.read()
    else:
        name, content = file, read_bytes(file)
    document = plain.read_document(content, name=name, kind=text_format)
    kind = document.kind
    try:
        result = plain.check_text(document.text, allow=allowed, target=aim)
    except InputError as error:
        raise InputError(error.message, path=name, hint=error.hint) from None
    if as_json:
        print_json(result.to_dict())
    else:
        _print_report(result)
    low, high = result.target
    words.print(
        f"Checked {len(result.sentences):,} sentence{'' if len(result.sentences) == 1 else 's'} "
        f"({kind}): reading age {result.reading_age:g} ({_against(result)} the target of "
        f"{low} to {high}); {result.count('long'):,} long, {result.count('passive'):,} passive, "
        f"{result.count('words_to_avoid'):,} with words to avoid."
    )
    if strict and not result.within_target:
        raise typer.Exit(1)


def _against(result: Any) -> str:
    if result.below_target:
        return "easier to read than"
    return "within" if result.within_target else "above"


def _print_report(result: object) -> None:
    from rich.table import Table

    from n4c.plain import LONG_SENTENCE_WORDS, PlainCheck

    assert isinstance(result, PlainCheck)
    sentences = Table(title="Sentences", show_lines=False)
    for column in ("#", "Sentence", "Words", "Reading age", "Flags"):
        sentences.add_column(column, justify="right" if column in ("#", "Words") else "left")
    for number, sentence in enumerate(result.sentences, start=1):
        sentences.add_row(
            str(number),
            sentence.text,
            str(sentence.words),
            f"{sentence.reading_age:g}",
            ", ".join(flag.replace("_", " ") for flag in sentence.flags),
        )
    console.print(sentences)
    if result.words_to_avoid:
        avoid = Table(title="Words to avoid")
        for column in ("Word", "Instead", "Times", "List"):
            avoid.add_column(column, justify="right" if column == "Times" else "left")
        for word in result.words_to_avoid:
            avoid.add_row(word.word, word.suggestion, str(word.count), word.list_name)
        console.print(avoid)
    console.print(
        f"Long means more than {LONG_SENTENCE_WORDS} words. Passive is a hint: a form of "
        "'to be' before a past participle. Reading age is the Flesch-Kincaid grade plus 5."
    )


def register(app: typer.Typer) -> None:
    """Add ``n4c plain`` to the app."""
    app.add_typer(plain_app, name="plain")
