"""The composite builder: specifications are validated, and the maths behaves."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.errors import InputError
from n4c.needs import (
    CompositeSpec,
    Indicator,
    build_composite,
    builtin_spec,
    exponential_transform,
    load_spec,
)
from n4c.needs.composite import BUILT_IN

FILES = Path(__file__).parent / "files"


def test_a_spec_file_builds_the_index_it_describes() -> None:
    spec = load_spec(FILES / "three_areas.toml")
    areas = pd.DataFrame(
        {
            "code": ["A", "B", "C"],
            "unemployment_pct": [9.0, 3.0, 6.0],
            "green_space_ha": [1.0, 8.0, 4.0],
        }
    )
    result = build_composite(areas, spec)
    # A is worst on both indicators, B best on both.
    assert result.sort_values("rank")["area_code"].tolist() == ["A", "C", "B"]
    assert result["decile"].tolist() == [4, 10, 7]


@pytest.mark.parametrize(
    ("filename", "field", "message"),
    [
        (
            "negative_weight.toml",
            "indicators[1].weight",
            '"-0.5" must be a number of at least 0.',
        ),
        (
            "zscore_exponential.toml",
            "indicators[1].transform",
            "the exponential transform needs values between 0 and 1",
        ),
        (
            "unknown_aggregation.toml",
            "index.aggregation",
            '"median" is not allowed; choose one of arithmetic, geometric.',
        ),
        ("not_toml.toml", None, "is not valid TOML"),
    ],
)
def test_a_bad_spec_names_the_field(filename: str, field: str | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load_spec(FILES / filename)
    assert caught.value.field == field
    assert message in str(caught.value)


def test_a_missing_column_is_named() -> None:
    spec = CompositeSpec("demo", "code", (Indicator("income", "Income", 1.0),))
    with pytest.raises(InputError, match='the column "income" that demo needs is missing'):
        build_composite(pd.DataFrame({"code": ["A"]}), spec)


def test_a_value_that_is_not_a_number_is_reported_with_its_row() -> None:
    spec = CompositeSpec("demo", "code", (Indicator("income", "Income", 1.0),))
    with pytest.raises(InputError) as caught:
        build_composite(pd.DataFrame({"code": ["A", "B"], "income": ["1", "n/a"]}), spec)
    assert (caught.value.row, caught.value.field) == (2, "income")


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_spec_loads(name: str) -> None:
    spec = builtin_spec(name)
    assert spec.dataset is not None and spec.indicators


def test_the_imd_weights_are_the_official_ones_and_sum_to_99_point_9_percent() -> None:
    weights = builtin_spec("imd2019").weights
    assert weights.tolist() == [0.225, 0.225, 0.135, 0.135, 0.093, 0.093, 0.093]
    assert weights.sum() == pytest.approx(0.999)


@given(st.lists(st.floats(0, 1), min_size=2, max_size=50))
def test_the_exponential_transform_is_monotone_and_stays_in_0_to_100(values: list[float]) -> None:
    ordered = np.sort(np.array(values))
    transformed = exponential_transform(ordered)
    assert np.all(np.diff(transformed) >= -1e-12)
    assert transformed.min() >= 0 and transformed.max() <= 100 + 1e-9


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1000), st.floats(0, 1000)), min_size=1, max_size=40),
    st.lists(st.floats(0.01, 10), min_size=2, max_size=2),
)
def test_ranks_are_a_permutation_and_weights_scale_scores(
    rows: list[tuple[float, float]], weights: list[float]
) -> None:
    frame = pd.DataFrame(
        {
            "code": [f"A{i}" for i in range(len(rows))],
            "a": [r[0] for r in rows],
            "b": [r[1] for r in rows],
        }
    )
    spec = CompositeSpec(
        "p", "code", (Indicator("a", "a", weights[0]), Indicator("b", "b", weights[1]))
    )
    result = build_composite(frame, spec)
    assert sorted(result["rank"]) == list(range(1, len(rows) + 1))
    doubled = build_composite(frame, spec, weights=2 * np.array(weights))
    np.testing.assert_allclose(doubled["score"], 2 * result["score"])


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(12))))
def test_row_order_changes_no_result(order: list[int]) -> None:
    frame = pd.DataFrame(
        {"code": [f"A{i}" for i in range(12)], "x": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]}
    )
    spec = CompositeSpec("p", "code", (Indicator("x", "x", 1.0),))
    straight = build_composite(frame, spec).set_index("area_code")["score"]
    shuffled = build_composite(frame.iloc[order], spec).set_index("area_code")["score"]
    pd.testing.assert_series_equal(straight.sort_index(), shuffled.sort_index())


def test_a_misspelt_weight_is_refused_not_ignored() -> None:
    """`wieght = 5` would otherwise leave the weight at 1 and change every rank silently."""
    with pytest.raises(InputError) as raised:
        load_spec(FILES / "misspelt_weight.toml")
    assert str(raised.value) == (
        'misspelt_weight.toml, field "indicators[1].wieght": "wieght" is not a key of '
        '[indicators[1]]; did you mean "weight"? It may hold column, direction, label, '
        "normalisation, transform and weight."
    )
