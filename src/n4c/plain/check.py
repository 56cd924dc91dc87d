"""The plain-English check: sentences, their words and flags, words to avoid, reading age.

- Sentences: text is split into blocks (paragraphs, headings, list items; see
  :mod:`n4c.plain.markup`), then each block after ``.``, ``!`` or ``?`` followed by a space and
  a capital letter, a digit or an opening quote, except after common abbreviations (e.g., Mr).
- Words are counted by textstat's ``lexicon_count``, as its readability formulas count them.
- ``long``: more than :data:`LONG_SENTENCE_WORDS` words (GOV.UK asks for 25 at most).
- ``passive``: a hint, not grammar: a form of "to be" (or "get"), perhaps an adverb ending in
  -ly, then a past participle (a word ending in -ed, or an irregular one such as "given"
  or "made"). "Is interested" counts too; the writer decides.
- ``words_to_avoid``: a word or phrase from the lists (see :mod:`n4c.plain.wordlists`) that
  the allow-list does not name.
- Reading age: textstat's Flesch-Kincaid grade plus 5 (a US school grade is a reading age less
  5), for each sentence and for the whole text; see :data:`READING_AGE_METHOD`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from n4c.errors import InputError
from n4c.plain.wordlists import AvoidEntry, WordList, allowed, load_word_lists

__all__ = [
    "DEFAULT_TARGET",
    "LONG_SENTENCE_WORDS",
    "READING_AGE_METHOD",
    "PlainCheck",
    "Sentence",
    "WordToAvoid",
    "check_text",
    "parse_target",
    "split_sentences",
]

#: A sentence with more words than this is flagged ``long``.
LONG_SENTENCE_WORDS = 25
#: The reading age a text for residents should not go above: 9 to 11, the reading age of many
#: adults in England.
DEFAULT_TARGET = (9, 11)
READING_AGE_METHOD = "Flesch-Kincaid grade (textstat) plus 5"
_GRADE_TO_AGE = 5

_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "cf", "approx", "incl",
    "prof", "rev", "cllr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
}  # fmt: skip
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
_TO_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|getting|'s|'re)"
_IRREGULAR = (
    "beaten", "bitten", "broken", "eaten", "fallen", "forgotten", "forgiven", "frozen",
    "proven", "ridden", "shaken", "stolen", "torn", "woken", "worn", "born", "bought", "brought", "built", "caught", "chosen", "done", "drawn", "driven",
    "found", "given", "gone", "heard", "held", "hidden", "kept", "known", "laid", "led",
    "left", "lost", "made", "meant", "met", "paid", "put", "read", "run", "said", "seen",
    "sent", "set", "shown", "sold", "spent", "spoken", "taken", "taught", "told", "thought",
    "understood", "won", "written",
)  # fmt: skip
_PASSIVE = re.compile(rf"\b{_TO_BE}\s+(?:\w+ly\s+)?(?:\w{{2,}}ed|{'|'.join(_IRREGULAR)})\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, its word count, readability figures and flags."""

    text: str
    words: int
    flesch_reading_ease: float
    grade: float
    reading_age: float
    flags: tuple[str, ...]
    avoid: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": self.words,
            "flags": list(self.flags),
            "flesch_reading_ease": self.flesch_reading_ease,
            "grade": self.grade,
            "reading_age": self.reading_age,
            "words_to_avoid": list(self.avoid),
        }


@dataclass(frozen=True)
class WordToAvoid:
    """A word from a list found in the text: what to say instead, how often, which list."""

    word: str
    suggestion: str
    count: int
    list_name: str
    found: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "suggestion": self.suggestion,
            "count": self.count,
            "list": self.list_name,
            "found": list(self.found),
        }


@dataclass(frozen=True)
class PlainCheck:
    """The result of checking one text."""

    sentences: tuple[Sentence, ...]
    words_to_avoid: tuple[WordToAvoid, ...]
    reading_age: float
    flesch_reading_ease: float
    grade: float
    target: tuple[int, int]
    lists: tuple[WordList, ...] = field(repr=False, default=())

    @property
    def within_target(self) -> bool:
        """Whether the reading age is at most the top of the target (simpler is never worse)."""
        return self.reading_age <= self.target[1]

    @property
    def below_target(self) -> bool:
        """Whether the text is easier to read than the target asks (which is fine)."""
        return self.reading_age < self.target[0]

    def count(self, flag: str) -> int:
        """How many sentences carry ``flag``."""
        return sum(flag in sentence.flags for sentence in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reading_age": self.reading_age,
            "reading_age_method": READING_AGE_METHOD,
            "target": {"from": self.target[0], "to": self.target[1]},
            "within_target": self.within_target,
            "flesch_reading_ease": self.flesch_reading_ease,
            "grade": self.grade,
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "words_to_avoid": [word.to_dict() for word in self.words_to_avoid],
            "lists": [
                {"name": wordlist.name, "source": wordlist.source} for wordlist in self.lists
            ],
        }


def parse_target(value: str) -> tuple[int, int]:
    """A reading-age target written ``9-11`` (or one age, ``11``).

    >>> parse_target("9-11")
    (9, 11)
    >>> parse_target("eleven")
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "--target": "eleven" is not a reading age; give one like 9-11.
    """
    match = re.fullmatch(r"\s*(\d{1,2})\s*(?:[-–]\s*(\d{1,2})\s*)?", value)
    if match is None:
        raise InputError(
            f'"{value}" is not a reading age; give one like 9-11.', field="--target", value=value
        )
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if low > high or not 5 <= low <= 25:
        raise InputError(
            f'"{value}" is not a reading age from 5 to 25, lower age first; give one like 9-11.',
            field="--target",
            value=value,
        )
    return low, high


def split_sentences(text: str) -> list[str]:
    """The sentences of text whose blocks are separated by blank lines (or list markers).

    >>> split_sentences("Apply now. Dr. Khan reads each form!\\n\\nWhat next? We call you.")
    ['Apply now.', 'Dr. Khan reads each form!', 'What next?', 'We call you.']
    """
    sentences = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)", text):
        block = " ".join(block.split())
        start = 0
        for boundary in _BOUNDARY.finditer(block):
            words = block[start : boundary.start()].split()
            last = words[-1].rstrip(".").lower() if words else ""
            if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
                continue
            sentences.append(block[start : boundary.start()].strip())
            start = boundary.end()
        sentences.append(block[start:].strip())
    return [sentence for sentence in sentences if re.search(r"\w", sentence)]


def check_text(
    text: str,
    *,
    allow: Iterable[str] = (),
    target: tuple[int, int] = DEFAULT_TARGET,
    lists: tuple[WordList, ...] | None = None,
) -> PlainCheck:
    """Check text a reader sees (markup already removed, see :func:`extract_text`).

    Parameters
    ----------
    text
        The text, blocks separated by blank lines.
    allow
        Words and phrases residents themselves use: never reported as words to avoid.
    target
        The reading ages to aim for, lowest first.
    lists
        The lists of words to avoid; those that ship with n4c by default.

    Returns
    -------
    PlainCheck
        Each sentence with its figures and flags, the words to avoid, the reading age.

    Raises
    ------
    InputError
        When the text has no words.

    Examples
    --------
    >>> check = check_text("We will utilise the hall. The form is read by a worker.")
    >>> [sentence.flags for sentence in check.sentences]
    [('words_to_avoid',), ('passive',)]
    >>> check.words_to_avoid[0].suggestion
    'use'
    """
    import textstat

    sentences_text = split_sentences(text)
    if not sentences_text:
        raise InputError("has no text to check.", hint="Give a file with some sentences in it.")
    lists = load_word_lists() if lists is None else lists
    allow = tuple(allow)
    entries = [(entry, entry.pattern()) for wordlist in lists for entry in wordlist.entries]
    found: dict[AvoidEntry, list[str]] = {}
    sentences = []
    for sentence_text in sentences_text:
        avoid = []
        for entry, pattern in entries:
            for match in pattern.finditer(sentence_text):
                if not allowed(entry, match.group(0), allow):
                    found.setdefault(entry, []).append(match.group(0))
                    if entry.word not in avoid:
                        avoid.append(entry.word)
        words = textstat.lexicon_count(sentence_text)
        flags = []
        if words > LONG_SENTENCE_WORDS:
            flags.append("long")
        if _PASSIVE.search(sentence_text):
            flags.append("passive")
        if avoid:
            flags.append("words_to_avoid")
        ease, grade = _readability(_as_sentence(sentence_text))
        sentences.append(
            Sentence(sentence_text, words, ease, grade, _age(grade), tuple(flags), tuple(avoid))
        )
    ease, grade = _readability(" ".join(_as_sentence(s) for s in sentences_text))
    return PlainCheck(
        sentences=tuple(sentences),
        words_to_avoid=tuple(
            WordToAvoid(
                entry.word,
                entry.suggestion,
                len(forms),
                entry.list_name,
                tuple(dict.fromkeys(form.lower() for form in forms)),
            )
            for entry, forms in found.items()
        ),
        reading_age=_age(grade),
        flesch_reading_ease=ease,
        grade=grade,
        target=target,
        lists=lists,
    )


def _as_sentence(text: str) -> str:
    """Text ending in a full stop if it has no ending of its own (a heading, a list item), so
    textstat counts it as one sentence."""
    return text if re.search(r"[.!?][\"'”’)]*$", text) else f"{text}."


def _readability(text: str) -> tuple[float, float]:
    import textstat

    return round(textstat.flesch_reading_ease(text), 1), round(
        textstat.flesch_kincaid_grade(text), 1
    )


def _age(grade: float) -> float:
    return round(grade + _GRADE_TO_AGE, 1)
