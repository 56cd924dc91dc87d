"""The worked example on published data: IoD 2015 to 2019 for the 2019 'left behind' wards."""

from __future__ import annotations

import pytest

from n4c.evaluate import worked_example


@pytest.fixture(scope="module")
def example():
    return worked_example()


def test_the_panel_has_two_periods_for_each_ward_and_its_comparator(example) -> None:
    panel = example.panel
    assert len(example.selection.matches) == 225
    assert panel["ward17_code"].nunique() == 450
    assert sorted(panel["year"].unique()) == [2015, 2019]
    assert len(panel) == 900
    assert int(panel.loc[panel["year"] == 2019, "post"].sum()) == 225
    assert (panel.loc[panel["treated"] == 0, "matched_to"] != "").all()


def test_matching_on_2015_values_balances_them(example) -> None:
    balance = example.selection.balance["imd2015_score"]
    assert abs(balance["smd_before"]) > 0.5
    assert abs(balance["smd_after"]) < 0.1


def test_the_estimate_is_stated_as_an_association(example) -> None:
    assert example.did.n_units == 450 and example.did.n_obs == 900
    assert example.did.ci_low < example.did.estimate < example.did.ci_high
    assert "not the effect of any programme" in example.statement


def test_2019_to_2025_carries_the_listed_wards_to_2024_wards_and_compares_ranks() -> None:
    later = worked_example("2019-2025")
    panel = later.panel
    assert set(panel["year"]) == {2019, 2025}
    assert "imd_score" not in panel.columns  # scores do not compare across editions
    # Most of the 225 listed wards are carried to a 2024 ward with most residents in them.
    assert 200 <= len(later.selection.matches) <= 225
    assert later.did.n_units == 2 * len(later.selection.matches)
    # Rank 1 is the most deprived; listed wards were among the most deprived in 2019.
    treated2019 = panel[(panel["treated"] == 1) & (panel["year"] == 2019)]
    assert treated2019["imd_decile"].max() <= 2
    assert abs(later.selection.balance["rank_2019"]["smd_after"]) < 0.05
    assert "not the effect of any programme" in later.statement


def test_an_unknown_pair_of_editions_is_refused() -> None:
    from n4c.errors import InputError

    with pytest.raises(InputError, match="2015-2019 or 2019-2025"):
        worked_example("2015-2025")  # type: ignore[arg-type]
