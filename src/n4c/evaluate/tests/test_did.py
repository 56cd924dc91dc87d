"""Difference-in-differences on simulated panels with a known effect, and every bad panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from n4c.errors import InputError
from n4c.evaluate import ASSUMPTIONS, estimate_did, read_panel

COLUMNS: dict[str, Any] = {
    "unit": "ward",
    "time": "year",
    "treated": "supported",
    "post": "after",
    "outcome": "y",
}


def simulate(
    *,
    effect: float,
    seed: int,
    units: int = 120,
    periods: int = 6,
    starts: tuple[int, ...] = (3,),
    growth: float = 0.0,
) -> pd.DataFrame:
    """Half the units supported from one of ``starts``; the effect grows by ``growth`` a period."""
    rng = np.random.default_rng(seed)
    rows = []
    for u in range(units):
        supported = u < units // 2
        start = starts[u % len(starts)]
        level = rng.normal(0, 3)
        for t in range(periods):
            after = int(supported and t >= start)
            gain = (effect + growth * (t - start)) if after else 0.0
            y = level + 0.5 * t + 2.0 * supported + gain + rng.normal(0, 1)
            rows.append((f"w{u:03d}", 2010 + t, int(supported), after, y, 4.0 * after))
    return pd.DataFrame(rows, columns=["ward", "year", "supported", "after", "y", "days"])


def test_the_interval_covers_a_known_effect() -> None:
    result = estimate_did(simulate(effect=1.5, seed=1), **COLUMNS)
    assert result.ci_low < 1.5 < result.ci_high
    assert result.n_units == 120 and result.n_obs == 720 and result.n_treated_units == 60
    assert result.ci_high - result.ci_low < 1.0


def test_a_placebo_interval_covers_zero() -> None:
    result = estimate_did(simulate(effect=0.0, seed=4), **COLUMNS)
    assert result.ci_low < 0 < result.ci_high


def test_intervals_cover_the_effect_about_95_times_in_100() -> None:
    """Clustered standard errors that were too small would cover it far less often (so one
    seed's interval missing, as 1 in 20 do, is no fault; these runs check the rate)."""
    covered = [
        (r.ci_low < 1.0 < r.ci_high)
        for r in (
            estimate_did(simulate(effect=1.0, seed=seed, units=40, periods=4), **COLUMNS)
            for seed in range(100, 160)
        )
    ]
    assert 0.85 <= np.mean(covered) <= 1.0


def test_the_result_states_its_assumptions_in_plain_english() -> None:
    result = estimate_did(simulate(effect=1.0, seed=3), **COLUMNS)
    assert result.assumptions[: len(ASSUMPTIONS)] == ASSUMPTIONS
    assert any(text.startswith("Parallel trends") for text in result.assumptions)
    assert any(text.startswith("No anticipation") for text in result.assumptions)
    assert not result.warnings


def test_the_event_study_recovers_a_growing_effect_with_staggered_starts() -> None:
    panel = simulate(effect=1.0, growth=0.5, seed=4, units=400, periods=8, starts=(3, 5))
    result = estimate_did(panel, **COLUMNS, event_study=True)
    assert result.event_study is not None
    by_period = {row["relative_period"]: row for row in result.event_study}
    assert by_period[-1]["reference"] and by_period[-1]["estimate"] == 0
    for e in range(0, 3):
        row = by_period[e]
        assert row["ci_low"] < 1.0 + 0.5 * e < row["ci_high"], row
    for e in (-5, -4, -3, -2):
        assert by_period[e]["ci_low"] < 0 < by_period[e]["ci_high"], by_period[e]
    assert result.pre_trend_p_value is not None and result.pre_trend_p_value > 0.01
    # Cohort 3 is seen at 0..4 periods after its start, cohort 5 at 0..2: the observation-
    # weighted mean of the true effects is (5 × 2.0 + 3 × 1.5) / 8.
    assert result.ci_low < (5 * 2.0 + 3 * 1.5) / 8 < result.ci_high


def test_two_way_fixed_effects_warns_about_staggered_starts() -> None:
    panel = simulate(effect=1.0, seed=5, starts=(2, 4))
    result = estimate_did(panel, **COLUMNS)
    assert any("--event-study" in warning for warning in result.warnings)


def test_the_event_study_flags_trends_that_were_not_parallel() -> None:
    panel = simulate(effect=0.0, seed=6, units=300, periods=6, starts=(4,))
    panel["y"] += panel["supported"] * (panel["year"] - 2010) * 0.8  # a steeper trend, no effect
    result = estimate_did(panel, **COLUMNS, event_study=True)
    assert result.pre_trend_p_value is not None and result.pre_trend_p_value < 0.001
    assert any("may not have been parallel" in warning for warning in result.warnings)


def test_the_dose_estimate_is_per_unit_of_dose() -> None:
    result = estimate_did(simulate(effect=2.0, seed=7), **COLUMNS, dose="days")
    # Every supported row has 4 days, so the effect per day is 2.0 / 4.
    assert result.ci_low < 0.5 < result.ci_high
    assert any(text.startswith("Dose response") for text in result.assumptions)


def _frame(**changes: list) -> pd.DataFrame:
    base = {
        "ward": ["a", "a", "b", "b", "c", "c"],
        "year": ["2015", "2019"] * 3,
        "supported": ["1", "1", "0", "0", "0", "0"],
        "after": ["0", "1", "0", "0", "0", "0"],
        "y": ["1", "2", "1", "1.5", "2", "2"],
        "days": ["0", "3", "0", "0", "0", "0"],
    }
    base.update(changes)
    return pd.DataFrame(base)


@pytest.mark.parametrize(
    ("frame", "options", "message"),
    [
        (_frame(), {"outcome": "score"}, 'has no column "score" (given as --outcome)'),
        (_frame(), {"dose": "hours"}, 'has no column "hours" (given as --dose)'),
        (
            _frame(y=["1", "2", "x", "1.5", "2", "2"]),
            {},
            'row 3, field "y": "x" is not a number; the outcome (y) must be a number',
        ),
        (_frame(y=["1", "2", "", "1.5", "2", "2"]), {}, 'row 3, field "y": is blank'),
        (
            _frame(supported=["1", "1", "0", "1", "0", "0"]),
            {},
            'unit "b" has both 0 and 1 in supported',
        ),
        (
            _frame(after=["0", "1", "0", "1", "0", "0"]),
            {},
            'row 4, field "after": unit "b" is never supported (supported is 0) but has after = 1',
        ),
        (
            _frame(after=["1", "1", "0", "0", "0", "0"]),
            {},
            'unit "a" has after = 1 in its first period, so it is never seen before its start',
        ),
        (
            _frame(after=["2", "1", "0", "0", "0", "0"]),
            {},
            'row 1, field "after": "2" is not 0 or 1',
        ),
        (
            _frame(after=["0", "0", "0", "0", "0", "0"]),
            {},
            'unit "a" is marked supported (supported = 1) but after is never 1',
        ),
        (
            _frame(year=["2015", "2015", "2015", "2019", "2015", "2019"]),
            {},
            'unit "a" has more than one row for period "2015"',
        ),
        (
            _frame(supported=["1"] * 6, after=["0", "1"] * 3),
            {},
            "every unit has supported = 1; add units never supported",
        ),
        (
            _frame(days=["0", "-3", "0", "0", "0", "0"]),
            {"dose": "days"},
            "a dose must be 0 or more",
        ),
        (_frame(), {"dose": "days", "event_study": True}, "choose either --dose or --event-study"),
    ],
)
def test_a_bad_panel_is_refused_with_one_sentence_naming_the_column(
    frame: pd.DataFrame, options: dict, message: str
) -> None:
    with pytest.raises(InputError) as raised:
        estimate_did(frame, **{**COLUMNS, **options})
    assert message in str(raised.value)


def test_support_that_stops_is_refused() -> None:
    frame = pd.DataFrame(
        {
            "ward": ["a"] * 3 + ["b"] * 3,
            "year": [1, 2, 3] * 2,
            "supported": [1] * 3 + [0] * 3,
            "after": [0, 1, 0, 0, 0, 0],
            "y": [1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
        }
    )
    with pytest.raises(InputError, match='unit "a" has after back at 0 after it was 1'):
        estimate_did(frame, **COLUMNS)


def test_an_unbalanced_panel_is_refused_unless_allowed() -> None:
    panel = simulate(effect=1.0, seed=8)
    panel = panel.drop(index=panel.index[(panel["ward"] == "w070") & (panel["year"] == 2012)])
    with pytest.raises(
        InputError,
        match=r'the panel is unbalanced: 1 of 120 units lack some periods \(unit "w070" has no '
        r'row for period "2012"\)\. Add the missing rows, or use --allow-unbalanced',
    ):
        estimate_did(panel, **COLUMNS)
    result = estimate_did(panel, **COLUMNS, allow_unbalanced=True)
    assert result.n_obs == 719
    assert result.ci_low < 1.0 < result.ci_high
    assert any("unbalanced" in warning for warning in result.warnings)


def test_a_panel_file_names_its_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    _frame(y=["1", "2", "1", "lots", "2", "2"]).to_csv(path, index=False)
    with pytest.raises(InputError) as raised:
        estimate_did(read_panel(path), **COLUMNS)
    assert str(raised.value).startswith('panel.csv, row 4, field "y": "lots" is not a number')


def test_periods_order_by_number_not_by_text() -> None:
    """Periods 9 and 10 sort as numbers: 10 comes after 9."""
    frame = _frame(year=["9", "10"] * 3)
    result = estimate_did(frame, **COLUMNS)
    assert result.n_periods == 2
    assert result.estimate == pytest.approx(1.0 - 0.25)
