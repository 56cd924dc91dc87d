"""Finding places by name on the published lookups."""

from __future__ import annotations

import pytest

from n4c.errors import InputError
from n4c.places import find_places, normalise, resolve_place


def test_bloomfield_is_the_blackpool_ward_e05001645() -> None:
    found = [p for p in find_places("Bloomfield", kind="ward") if p.edition == 2017]
    assert (found[0].code, found[0].council_name, found[0].match) == (
        "E05001645",
        "Blackpool",
        "exact",
    )


def test_case_accents_and_ampersands_do_not_matter() -> None:
    assert normalise("BLOOMFÏELD") == normalise("bloomfield")
    assert find_places("BLOÖMFIELD", kind="ward")[0].name == "Bloomfield"
    councils = find_places("brighton & hove", kind="council")
    assert {(p.code, p.edition, p.match) for p in councils} == {
        ("E06000043", 2019, "exact"),
        ("E06000043", 2024, "exact"),
    }


def test_partial_names_rank_exact_then_prefix_then_word_then_inside() -> None:
    found = find_places("Park", kind="ward", limit=400)
    matches = [p.match for p in found]
    assert matches == sorted(matches, key=["exact", "prefix", "word", "substring", "fuzzy"].index)
    assert {"exact", "prefix", "word", "substring"} <= set(matches)
    first_prefix = next(p for p in found if p.match == "prefix")
    assert first_prefix.name.lower().startswith("park")


def test_a_misspelt_name_is_found_by_closeness() -> None:
    found = find_places("Bloomfeld", kind="ward", limit=3)
    assert found[0].name == "Bloomfield" and found[0].match == "fuzzy"


def test_a_council_and_an_lsoa_by_code_and_name() -> None:
    assert find_places("E06000009", kind="council")[0].name == "Blackpool"
    lsoa = find_places("City of London 001A", kind="lsoa")
    assert {(p.code, p.edition) for p in lsoa} == {("E01000001", 2011), ("E01000001", 2021)}


def test_resolving_a_name_held_by_several_councils_offers_the_choices() -> None:
    found, choices = resolve_place("Newcastle", kind="council", edition=2019)
    assert found is None
    assert {p.code for p in choices} >= {"E08000021", "E07000195"}
    one, _ = resolve_place("blackpool", kind="council", edition=2019)
    assert one is not None and one.code == "E06000009"


def test_a_blank_query_is_refused_with_an_example() -> None:
    with pytest.raises(InputError, match="Enter a place name or code, like Bloomfield"):
        find_places("  ")
