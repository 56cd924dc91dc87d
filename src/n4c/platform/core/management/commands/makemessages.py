"""Django's ``makemessages``, run over ``src/n4c``, plus the words n4c keeps in data files.

The analytics core marks its sentences with :mod:`n4c.words`, so Django's own extraction finds
them. Words in data files (the statutory rules, the rollout's cost lines) are not Python: this
command writes them into a short Python file of ``gettext_noop`` calls for the run, then removes
it, so the catalogue holds them and nothing stale is left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.core.management.commands import makemessages

from n4c.rights import rule_words
from n4c.rollout import assumption_words

#: Each returns the words of one kind of data file that people read, once each.
DATA_FILE_WORDS: list[Callable[[], Iterable[str]]] = [rule_words, assumption_words]
_WORDS_FILE = "_words_from_data_files.py"


def data_file_words() -> list[str]:
    """Every data-file word people read, once each, in a stable order."""
    return sorted({text for source in DATA_FILE_WORDS for text in source() if text.strip()})


class Command(makemessages.Command):
    help = "Django's makemessages, including the words in n4c's data files. Run it from src/n4c."  # untranslated: a developer's command

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path.cwd() / _WORDS_FILE
        lines = ["from n4c.words import gettext_noop", ""]
        lines += [f"gettext_noop({text!r})" for text in data_file_words()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            super().handle(*args, **options)
        finally:
            path.unlink()
