"""The lists of words to avoid, each a TOML file in ``lists/`` that cites its source, and
allow-lists of words residents themselves use.

Each list has a ``name``, a ``source`` and ``[[words]]`` entries: the ``word`` as the list
gives it, the ``suggestion`` in plain words, and optional ``forms`` to look for (its plurals and
tenses; the word itself by default). A form written in capitals (an acronym such as LSOA)
matches only in capitals; every other form matches in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from n4c.errors import InputError
from n4c.specfiles import check_keys, read_toml, table, text
from n4c.textfiles import read_text

__all__ = ["LISTS", "AvoidEntry", "WordList", "load_word_lists", "read_allow_list"]

#: The lists in the order they are searched: a word in two lists is reported from the first.
LISTS = ("govuk", "council", "n4c")
_FOLDER = Path(__file__).parent / "lists"


@dataclass(frozen=True)
class AvoidEntry:
    """One word to avoid: as its list gives it, what to say instead, and the forms looked for."""

    word: str
    suggestion: str
    forms: tuple[str, ...]
    list_name: str

    def pattern(self) -> re.Pattern[str]:
        """One pattern for all the forms, each a whole word (or phrase, any spacing)."""
        alternatives = []
        for form in sorted(self.forms, key=len, reverse=True):
            body = r"\s+".join(re.escape(part) for part in form.split())
            alternatives.append(body if form.isupper() else f"(?i:{body})")
        return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@dataclass(frozen=True)
class WordList:
    """A list of words to avoid: its name, its source and its entries."""

    key: str
    name: str
    source: str
    entries: tuple[AvoidEntry, ...]


@cache
def load_word_lists() -> tuple[WordList, ...]:
    """The lists that ship with n4c, in the order they are searched (see :data:`LISTS`).

    >>> [wordlist.key for wordlist in load_word_lists()]
    ['govuk', 'council', 'n4c']
    """
    return tuple(_read_list(_FOLDER / f"{key}.toml", key) for key in LISTS)


def _read_list(path: Path, key: str) -> WordList:
    document = read_toml(path)
    check_keys(document, {"name", "source", "words"}, path=path, where="")
    name = text(document, "name", path=path, where="list")
    entries = []
    for number, entry in enumerate(document.get("words", []), start=1):
        where = f"words[{number}]"
        entry = table({where: entry}, where, path=path, where=where)
        check_keys(entry, {"word", "suggestion", "forms"}, path=path, where=where)
        word = text(entry, "word", path=path, where=where)
        forms = entry.get("forms", [word])
        entries.append(
            AvoidEntry(
                word=word,
                suggestion=text(entry, "suggestion", path=path, where=where),
                forms=tuple(str(form) for form in forms),
                list_name=name,
            )
        )
    return WordList(key, name, text(document, "source", path=path, where="list"), tuple(entries))


def read_allow_list(path: str | Path) -> list[str]:
    """Words and phrases from an allow-list file: one on each line, ``#`` starts a comment."""
    words = []
    for line in read_text(path).text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    if not words:
        raise InputError(
            "holds no words. Put one word or phrase on each line.", path=path, field="--allow-file"
        )
    return words


def allowed(entry: AvoidEntry, found: str, allow: Iterable[str]) -> bool:
    """Whether the allow-list lets ``found`` (a form of ``entry``) stand."""
    words = {" ".join(word.lower().split()) for word in allow}
    return bool(words & {entry.word.lower(), " ".join(found.lower().split())})
