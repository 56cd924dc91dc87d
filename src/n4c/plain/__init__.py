"""Plain English: check text written for residents for long sentences, the passive voice,
words to avoid and its reading age.

This package owns the checker and its word lists (``lists/*.toml``, each citing its source).
It is pure Python: it must not import the platform, Django or the CLI.

- :mod:`n4c.plain.markup` turns plain text, Markdown, HTML or Word into the words a reader sees.
- :mod:`n4c.plain.wordlists` reads the lists of words to avoid and an allow-list.
- :mod:`n4c.plain.check` splits sentences, counts words, flags each sentence and gives the
  reading age from textstat's Flesch-Kincaid grade.
"""

from n4c.plain.check import (
    DEFAULT_TARGET,
    LONG_SENTENCE_WORDS,
    READING_AGE_METHOD,
    PlainCheck,
    Sentence,
    WordToAvoid,
    check_text,
    parse_target,
    split_sentences,
)
from n4c.plain.markup import FORMATS, Document, Kind, detect_kind, extract_text, read_document
from n4c.plain.wordlists import AvoidEntry, WordList, load_word_lists, read_allow_list

__all__ = [
    "DEFAULT_TARGET",
    "FORMATS",
    "LONG_SENTENCE_WORDS",
    "READING_AGE_METHOD",
    "AvoidEntry",
    "Document",
    "Kind",
    "PlainCheck",
    "Sentence",
    "WordList",
    "WordToAvoid",
    "check_text",
    "detect_kind",
    "extract_text",
    "load_word_lists",
    "parse_target",
    "read_allow_list",
    "read_document",
    "split_sentences",
]
