"""The summaries' sentence, the editions' notes and the tables' column name one population."""

from __future__ import annotations

import pytest

from n4c.data import population_label, population_words
from n4c.errors import InputError
from n4c.needs import compare_editions, summary_population_source


@pytest.mark.parametrize("year", [2019, 2025])
def test_a_summary_s_sentence_is_the_population_s_own(year: int) -> None:
    assert summary_population_source(year) == population_words(year).source


def test_summaries_refuse_an_edition_they_do_not_make() -> None:
    with pytest.raises(InputError):
        summary_population_source(2015)


def test_a_comparison_s_note_and_its_columns_name_the_same_population_for_each_edition() -> None:
    comparison = compare_editions(2015, 2019, level="lad")
    assert comparison.population_sources == {
        year: population_words(year).source for year in (2015, 2019)
    }
    for year in (2015, 2019):
        assert set(comparison.table[f"population_source_{year}"]) == {population_label(year)}
