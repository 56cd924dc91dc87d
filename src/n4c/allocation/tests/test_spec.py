"""Fund specifications: good ones read correctly, bad ones name the field at fault."""

from __future__ import annotations

import pytest

from n4c.allocation import allocate, load_preset, load_spec, parse_spec, preset_names
from n4c.errors import InputError

from .conftest import FILES


def test_good_fund_reads_every_part() -> None:
    """Pot, years, profile, capital share and the blend all come through as written."""
    fund = load_spec(FILES / "good_fund.toml")
    assert fund.pot_gbp == 1_000_000
    assert fund.year_labels == ("year_1", "year_2", "year_3", "year_4")
    assert fund.profile_percent == (10, 20, 30, 40)
    assert fund.capital_percent == (25, 25, 25, 25)
    assert (fund.formula.method, fund.formula.per_capita_percent, fund.formula.need_percent) == (
        "blend",
        30,
        70,
    )
    assert fund.eligibility.imd_decile_max == 3


@pytest.mark.parametrize(
    ("file", "field", "words"),
    [
        ("negative_weight.toml", "formula.need_percent", "cannot be negative"),
        ("floor_exceeds_pot.toml", "formula.floor_gbp", "more than the whole pot"),
        ("cap_below_floor.toml", "formula.cap_gbp", "is below the floor"),
        ("profile_not_100.toml", "fund.profile_percent", "add up to 90%, not 100%"),
        ("blend_not_100.toml", "formula.need_percent", "add up to 90, not 100"),
        ("capital_revenue_not_100.toml", "fund.revenue_percent", "add up to 110%, not 100%"),
    ],
)
def test_bad_spec_names_the_field(file: str, field: str, words: str) -> None:
    """Each bad specification is refused with its file, the TOML field and the rule broken."""
    with pytest.raises(InputError) as caught:
        load_spec(FILES / file)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert str(caught.value).startswith(f'{file}, field "{field}"')


def test_negative_percentage_is_refused() -> None:
    """A negative share says that weights cannot be negative."""
    raw = {
        "fund": {"name": "x", "pot_gbp": 10},
        "formula": {"method": "blend", "per_capita_percent": -10, "need_percent": 110},
    }
    with pytest.raises(InputError, match="cannot be negative") as caught:
        parse_spec(raw)
    assert caught.value.field == "formula.per_capita_percent"


def test_unknown_area_code_is_named(five_areas) -> None:
    """Excluding a ward that is not among the areas is an error naming the code."""
    fund = load_spec(FILES / "unknown_area_code.toml")
    with pytest.raises(InputError) as caught:
        allocate(fund, five_areas)
    assert caught.value.field == "eligibility.exclude_codes"
    assert '"E05999999"' in str(caught.value)
    assert str(caught.value).startswith("unknown_area_code.toml")


def test_floors_that_exceed_the_pot_over_eligible_areas(five_areas) -> None:
    """Floors checked against the number of eligible areas once the areas are known."""
    raw = {
        "fund": {"name": "x", "pot_gbp": 100_000},
        "formula": {"method": "equal", "floor_gbp": 30_000},
    }
    with pytest.raises(
        InputError, match=r"floors of £30,000 for 5 eligible areas need £150,000"
    ) as caught:
        allocate(parse_spec(raw), five_areas)
    assert caught.value.field == "formula.floor_gbp"


def test_caps_too_low_to_spend_the_pot(five_areas) -> None:
    raw = {
        "fund": {"name": "x", "pot_gbp": 100_000},
        "formula": {"method": "equal", "cap_gbp": 10_000},
    }
    with pytest.raises(InputError, match="less than the pot") as caught:
        allocate(parse_spec(raw), five_areas)
    assert caught.value.field == "formula.cap_gbp"


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"fund": {"name": "x"}}, "fund.pot_gbp"),
        ({"fund": {"name": "x", "pot_gbp": 1, "amount_per_area_gbp": 1}}, "fund.pot_gbp"),
        ({"fund": {"name": "x", "pot_gbp": 10.5}}, "fund.pot_gbp"),
        ({"fund": {"name": "x", "pot_gbp": 10}, "grants": {}}, "grants"),
        (
            {"fund": {"name": "x", "pot_gbp": 10}, "eligibility": {"imd_decile_max": 11}},
            "eligibility.imd_decile_max",
        ),
        (
            {"fund": {"name": "x", "pot_gbp": 10}, "eligibility": {"imd_decile": 1}},
            "eligibility.imd_decile",
        ),
        (
            {"fund": {"name": "x", "pot_gbp": 10}, "formula": {"method": "lottery"}},
            "formula.method",
        ),
        (
            {"fund": {"name": "x", "pot_gbp": 10}, "capacity": {"percent": 5, "amount_gbp": 1}},
            "capacity.percent",
        ),
        (
            {"fund": {"name": "x", "pot_gbp": 10, "years": 2, "capital_percent": [50]}},
            "fund.capital_percent",
        ),
        ({"fund": {"name": "x", "level": "county", "pot_gbp": 10}}, "fund.level"),
        ({"fund": {"name": "x", "pot_gbp": 10}, "formula": {"floor": 5}}, "formula.floor"),
        ({"fund": {"name": "x", "pot": 10}}, "fund.pot"),
        ({"fund": {"name": "x", "pot_gbp": 10}, "capacity": {"share": 5}}, "capacity.share"),
    ],
)
def test_more_bad_specs_name_their_field(raw: dict, field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(raw)
    assert caught.value.field == field


def test_percentage_ring_fence_rounds_to_whole_pounds() -> None:
    """5% of the pooled £1,441m is £72.05m, and the main share is the rest."""
    fund = load_preset("capacity_ring_fence")
    assert fund.pot_gbp == 1_441_000_000
    assert fund.capacity is not None
    assert fund.capacity.amount_gbp == 72_050_000
    assert [name for name, _ in fund.pooled] == [
        "Levelling Up Fund",
        "Community Renewal Fund",
        "Towns Fund",
    ]


def test_every_preset_loads_and_cites_a_source() -> None:
    names = preset_names()
    assert names == ["big_local", "capacity_ring_fence", "community_wealth_fund", "pride_in_place"]
    for name in names:
        fund = load_preset(name)
        assert fund.source, name
        assert fund.path is not None and "Sources:" in fund.path.read_text(encoding="utf-8")


def test_unknown_preset_lists_the_choices() -> None:
    with pytest.raises(InputError, match="choose one of big_local, capacity_ring_fence"):
        load_preset("towns_fund")


def test_the_public_api_is_what_all_lists() -> None:
    import n4c.allocation as package

    assert [name for name in package.__all__ if not hasattr(package, name)] == []


def test_a_misspelt_formula_key_is_refused_with_the_closest_key() -> None:
    with pytest.raises(InputError) as raised:
        load_spec(FILES / "misspelt_key.toml")
    message = str(raised.value)
    assert message.startswith(
        'misspelt_key.toml, field "formula.need_colum": "need_colum" is not a key of [formula]; '
        'did you mean "need_column"?'
    )


def test_a_misspelt_eligibility_rule_and_section_are_refused() -> None:
    base = {"fund": {"name": "F", "pot_gbp": 100}}
    with pytest.raises(InputError, match=r'\[eligibility\]; did you mean "imd_decile_max"\?'):
        parse_spec({**base, "eligibility": {"imd_decile_mx": 3}})
    with pytest.raises(
        InputError, match=r'"formual" is not a table of this file; did you mean "formula"\?'
    ):
        parse_spec({**base, "formual": {}})


@pytest.mark.parametrize("amount", [1e30, 10**30, 100_000_000_001])
def test_an_absurd_pot_is_refused_naming_the_field(amount) -> None:
    """A pot past £100 billion is a typing slip, refused before any arithmetic."""
    with pytest.raises(
        InputError, match=r"must be a whole number from 0 to 100,000,000,000"
    ) as caught:
        parse_spec({"fund": {"name": "x", "pot_gbp": amount}, "formula": {"method": "equal"}})
    assert caught.value.field == "fund.pot_gbp"
