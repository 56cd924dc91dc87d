"""The plain-English checker on known texts: figures as textstat gives them, and hand-worked flags."""

from __future__ import annotations

import textstat

from n4c.plain import (
    LONG_SENTENCE_WORDS,
    check_text,
    detect_kind,
    extract_text,
    load_word_lists,
    split_sentences,
)

SIMPLE = (
    "The hall is open on Monday. You can come with your children. "
    "We have tea and cake. Tell us what you want to change."
)


def test_sentences_split_after_stops_but_not_after_abbreviations() -> None:
    text = "Come to St. Mary's hall, e.g. on Monday. Is it free? Yes! Bring £5.\n\nA new block"
    assert split_sentences(text) == [
        "Come to St. Mary's hall, e.g. on Monday.",
        "Is it free?",
        "Yes!",
        "Bring £5.",
        "A new block",
    ]


def test_list_items_are_sentences_of_their_own() -> None:
    assert split_sentences("What to bring:\n- a pen\n- your letter") == [
        "What to bring:",
        "- a pen",
        "- your letter",
    ]


def test_each_sentence_has_textstat_s_figures_and_its_word_count() -> None:
    check = check_text(SIMPLE)
    assert [s.words for s in check.sentences] == [6, 6, 5, 7]
    for sentence in check.sentences:
        assert sentence.words == textstat.lexicon_count(sentence.text)
        assert sentence.flesch_reading_ease == round(textstat.flesch_reading_ease(sentence.text), 1)
        grade = round(textstat.flesch_kincaid_grade(sentence.text), 1)
        assert sentence.grade == grade
        assert sentence.reading_age == round(grade + 5, 1)
    whole = round(textstat.flesch_kincaid_grade(SIMPLE), 1)
    assert check.reading_age == round(whole + 5, 1)


def test_a_simple_text_is_within_the_target_reading_age() -> None:
    check = check_text(SIMPLE)
    assert check.reading_age <= 11
    assert check.within_target
    assert not any(s.flags for s in check.sentences)


def test_a_hard_text_is_above_the_target() -> None:
    hard = (
        "Notwithstanding considerable organisational heterogeneity, participatory "
        "methodologies demonstrably ameliorate intergenerational socioeconomic disadvantage."
    )
    check = check_text(hard, target=(9, 11))
    assert check.reading_age > 11
    assert not check.within_target


def test_a_sentence_of_26_words_is_long_and_of_25_is_not() -> None:
    assert LONG_SENTENCE_WORDS == 25
    words_25 = " ".join(["word"] * 24 + ["end."])
    words_26 = " ".join(["word"] * 25 + ["end."])
    check = check_text(f"{words_25}\n\n{words_26}")
    assert [s.words for s in check.sentences] == [25, 26]
    assert [s.flags for s in check.sentences] == [(), ("long",)]


def test_utilise_is_a_word_to_avoid_and_use_is_suggested() -> None:
    check = check_text("We will utilise the hall. They utilised it too.")
    (word,) = check.words_to_avoid
    assert (word.word, word.suggestion, word.count) == ("utilise", "use", 2)
    assert word.list_name == "GOV.UK words to avoid"
    assert all("words_to_avoid" in s.flags for s in check.sentences)


def test_the_allow_list_lets_a_word_residents_use_stand() -> None:
    text = "Talk to every stakeholder."
    assert [w.word for w in check_text(text).words_to_avoid] == ["stakeholder"]
    allowed = check_text(text, allow=["Stakeholder"])
    assert allowed.words_to_avoid == ()
    assert allowed.sentences[0].flags == ()


def test_acronyms_from_the_glossary_match_only_in_capitals() -> None:
    check = check_text("Each LSOA has a score.")
    (word,) = check.words_to_avoid
    assert word.word == "LSOA"
    assert "neighbourhood" in word.suggestion
    assert check_text("Ask lsoa staff.").words_to_avoid == ()


def test_a_form_of_to_be_before_a_past_participle_is_flagged_passive() -> None:
    check = check_text("The form was checked by Sam. The money was given out. Sam checks the form.")
    assert [s.flags for s in check.sentences] == [("passive",), ("passive",), ()]


def test_html_is_stripped_and_its_blocks_kept_apart() -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body><h1>Apply</h1>"
        "<p>Fill in the <a href='/form'>form</a> &amp; send it.</p><script>var a;</script>"
        "</body></html>"
    )
    assert detect_kind(html) == "html"
    assert extract_text(html, kind="html") == "Apply\n\nFill in the form & send it."


def test_markdown_is_stripped() -> None:
    markdown = "# Apply\n\nFill in **the form** at [our page](https://example.org).\n"
    assert detect_kind(markdown, name="notes.md") == "markdown"
    assert extract_text(markdown, kind="markdown") == "Apply\n\nFill in the form at our page."


def test_every_list_cites_its_source_and_every_word_has_a_suggestion() -> None:
    lists = load_word_lists()
    assert [w.name for w in lists] == ["GOV.UK words to avoid", "Council jargon", "n4c glossary"]
    for wordlist in lists:
        assert wordlist.source
        assert all(entry.suggestion and entry.forms for entry in wordlist.entries)


def test_a_text_easier_than_the_target_is_below_it_and_still_within_what_is_asked() -> None:
    check = check_text("The cat sat. The dog ran.", target=(9, 11))
    assert check.reading_age < 9
    assert check.below_target and check.within_target
