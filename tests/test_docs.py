"""The README stays true: its reference blocks match the code, and the quick start is two commands."""

from __future__ import annotations

import re
from pathlib import Path

from n4c import config
from n4c.cli.reference import update_readme
from n4c.data import DATASETS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_reference_blocks_are_current() -> None:
    """Run `make docs` after changing a command, a setting or a dataset."""
    text = README.read_text(encoding="utf-8")
    assert update_readme(text) == text, "README.md is out of date: run `make docs`."


def test_every_setting_and_dataset_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in [*config.SETTINGS, *DATASETS] if f"`{name}`" not in text]
    assert missing == []


def test_the_quick_start_has_exactly_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick_start = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make \w+", quick_start, flags=re.MULTILINE)
    assert commands == ["make demo", "make test"]
