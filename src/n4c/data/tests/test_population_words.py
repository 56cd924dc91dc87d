"""Which population weights a figure is said in one place, in a sentence and in a few words."""

from __future__ import annotations

import pytest

from n4c.data import DATASETS, population_for_2025, population_label, population_words
from n4c.data.loaders import _POPULATION_WORDS
from n4c.errors import InputError


def test_each_population_named_is_a_registered_dataset_with_a_sentence_and_a_label() -> None:
    for name, words in _POPULATION_WORDS.items():
        assert name in DATASETS
        assert words.source and words.label and len(words.label) < len(words.source)


def test_2015_and_2019_figures_are_weighted_by_the_iod_2019_mid_2015_denominators() -> None:
    assert population_label(2015) == population_label(2019) == "IoD 2019 File 6, mid-2015"
    assert population_words(2019).source == "IoD 2019 population denominators, mid-2015 (File 6)"
    assert population_words(2015).source == (
        "IoD 2019 population denominators, mid-2015 (File 6), "
        "as the IoD 2015's own mid-2012 denominators are not in n4c"
    )


def test_the_2025_words_name_the_population_the_figures_are_weighted_with() -> None:
    """Without File 6 on this machine, Census 2021 stands in, and both wordings say so."""
    population = population_for_2025()
    words = population_words(2025)
    assert (words.source, words.label) == (population.source, population.label)
    assert population_label(2025) == population.label
    assert population.dataset == "population21_lsoa21_census"
    assert words.label == "Census 2021 usual residents (standing in for IoD 2025 File 6)"
    assert "standing in for" in words.source and "not equal to" in words.source


def test_an_edition_without_population_weights_is_refused_clearly() -> None:
    with pytest.raises(InputError, match="no population weights for IoD 2010; choose 2015"):
        population_words(2010)
