"""The README's reference sections, generated from the code so they cannot drift.

``python -m n4c.cli.reference --write README.md`` rewrites the blocks between
``<!-- NAME:START -->`` and ``<!-- NAME:END -->`` markers for the CLI (from each command's
``--help``), the settings (from :mod:`n4c.config`) and the datasets (from the registry).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import typer

from n4c import config
from n4c.data import DATASETS

__all__ = ["blocks", "cli_reference", "dataset_reference", "settings_reference", "update_readme"]


def _walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    # Typer ships its own copy of click, so groups are recognised by shape, not by class.
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield path, command
        return
    for name in sorted(subcommands):
        if not subcommands[name].hidden:
            yield from _walk(subcommands[name], (*path, name))


def cli_reference() -> str:
    """One line per command: its full name, its arguments and the first line of its help."""
    from n4c.cli import app

    root = typer.main.get_command(app)
    lines = ["| command | what it does |", "|---|---|"]
    for path, command in _walk(root, ("n4c",)):
        arguments = " ".join(
            (p.name or "").upper() for p in command.params if p.param_type_name == "argument"
        )
        summary = (command.help or "").strip().splitlines()[0] if command.help else ""
        lines.append(f"| `{' '.join(path)}{' ' + arguments if arguments else ''}` | {summary} |")
    return "\n".join(lines)


def settings_reference() -> str:
    """Every setting with its kind of value, default and meaning."""
    lines = ["| setting | kind of value | default | meaning |", "|---|---|---|---|"]
    for setting in config.SETTINGS.values():
        default = (
            setting.default
            if setting.name != "N4C_DATA_DIR"
            else "the user data folder (platformdirs)"
        )
        lines.append(
            f"| `{setting.name}` | {setting.kind_in_words} | {f'`{default}`' if default else 'empty'} "
            f"| {setting.meaning} |"
        )
    return "\n".join(lines)


def dataset_reference() -> str:
    """Every registered dataset with its publisher and licence."""
    lines = ["| dataset | what it is | publisher | licence |", "|---|---|---|---|"]
    for dataset in DATASETS.values():
        lines.append(
            f"| `{dataset.name}` | {dataset.title} | {dataset.publisher} | {dataset.licence} |"
        )
    return "\n".join(lines)


def blocks() -> dict[str, str]:
    return {
        "CLI": cli_reference(),
        "SETTINGS": settings_reference(),
        "DATASETS": dataset_reference(),
    }


def _fill(content: str, match: re.Match[str]) -> str:
    return f"{match.group(1)}{content}\n{match.group(2)}"


def update_readme(text: str) -> str:
    """``text`` with every generated block replaced by its current content."""
    for name, content in blocks().items():
        pattern = re.compile(rf"(<!-- {name}:START -->\n).*?(<!-- {name}:END -->)", re.DOTALL)
        # A function, not a replacement string, so backslashes in help text stay literal.
        text = pattern.sub(partial(_fill, content), text)
    return text


if __name__ == "__main__":
    target = Path(sys.argv[sys.argv.index("--write") + 1]) if "--write" in sys.argv else None
    if target is None:
        sys.stdout.write(cli_reference() + "\n")
    else:
        target.write_text(update_readme(target.read_text(encoding="utf-8")), encoding="utf-8")
