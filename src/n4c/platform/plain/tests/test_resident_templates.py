"""The pages residents read are in plain English: no sentence over 25 words, no word to avoid.

The pages are the partnership's, budget votes, grant applications (and the decision email),
residents' pages and what a partnership member sees of an area. Django's template tags are
taken out first: a translated string keeps its words, and every other tag ends a sentence, so
the two branches of an ``{% if %}`` are never read as one sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from n4c.plain import check_text, extract_text

PLATFORM = Path(__file__).resolve().parents[2]
RESIDENT_PAGES = sorted(
    [
        *PLATFORM.glob("partnership/templates/partnership/*.html"),
        *PLATFORM.glob("budgets/templates/budgets/*.html"),
        *PLATFORM.glob("residents/templates/residents/*.html"),
        PLATFORM / "grants/templates/grants/apply.html",
        PLATFORM / "grants/templates/grants/outcome_email.txt",
        PLATFORM / "areas/templates/areas/area_detail.html",
        # The panels of the area page that partnership members see (areas.access.MEMBER_PANELS).
        PLATFORM / "support_log/templates/support_log/area_panel.html",
        PLATFORM / "covenants/templates/covenants/area_panel.html",
        PLATFORM / "measures/templates/measures/area_panel.html",
    ]
)
#: Words a resident meets on these pages and knows, since the pages are about them.
ALLOW = ("partnership", "commitment", "commitments")

_COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
_TRANSLATED = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1.*?%}""", re.S)
_INLINE = re.compile(r"{%\s*(?:end)?blocktrans(?:late)?\b.*?%}", re.S)
_TAG = re.compile(r"{%.*?%}", re.S)
_VARIABLE = re.compile(r"{{.*?}}", re.S)


def template_text(source: str, *, kind: str) -> str:
    """The words of a template as a reader sees them, a value standing in for each variable."""
    source = _COMMENT.sub(" ", source)
    source = _TRANSLATED.sub(lambda match: match.group(2), source)
    source = _INLINE.sub("", source)
    source = _TAG.sub("\n\n", source)
    source = _VARIABLE.sub("X", source)
    return extract_text(source, kind=kind)  # type: ignore[arg-type]


def test_template_text_keeps_translated_words_and_splits_at_tags() -> None:
    source = (
        '{% load i18n %}<h1>{% translate "Your vote" %}</h1>{# note #}'
        "<p>{% if open %}Vote now{% else %}Voting has closed{% endif %}.</p>"
        "<p>{% blocktranslate %}Hello {{ name }}.{% endblocktranslate %}</p>"
    )
    assert template_text(source, kind="html").split("\n\n") == [
        "Your vote",
        "Vote now",
        "Voting has closed",
        ".",
        "Hello X.",
    ]


def test_the_list_of_resident_pages_is_complete() -> None:
    assert all(page.exists() for page in RESIDENT_PAGES)
    assert len(RESIDENT_PAGES) >= 20


@pytest.mark.parametrize("page", RESIDENT_PAGES, ids=lambda page: page.name)
def test_resident_pages_have_no_long_sentences_or_words_to_avoid(page: Path) -> None:
    kind = "text" if page.suffix == ".txt" else "html"
    check = check_text(template_text(page.read_text(encoding="utf-8"), kind=kind), allow=ALLOW)
    problems = [
        f"{sentence.text!r}: {', '.join(sentence.avoid) or f'{sentence.words} words'}"
        for sentence in check.sentences
        if {"long", "words_to_avoid"} & set(sentence.flags)
    ]
    assert problems == [], page
