"""The ``n4c needs change`` contract: columns, row counts, the summary and its words on ranks."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

DIRECTION = (
    "Ranks, not scores, compare across editions. rank_change is the earlier rank minus the "
    "later one: positive means the area ranks as relatively more deprived in the later edition."
)


@pytest.mark.parametrize(
    ("args", "columns", "rows", "summary"),
    [
        (
            ["--from", "2015", "--to", "2019"],
            ["lsoa11_code", "lsoa11_name", "lad19_code", "lad19_name", "score_2015", "rank_2015"],
            32_844,
            "Compared IMD 2015 with IMD 2019 for 32,844 LSOAs: 32,844 ranked in both;",
        ),
        (
            ["--from", "2019", "--to", "2025", "--level", "lsoa"],
            ["lsoa21_code", "lsoa21_name", "lad24_code", "lad24_name", "score_2019", "rank_2019"],
            33_755,
            "Compared IMD 2019 with IMD 2025 for 33,755 LSOAs (2021): 33,749 ranked in both;",
        ),
        (
            ["--from", "2019", "--to", "2025", "--level", "ward"],
            [
                "ward24_code",
                "ward24_name",
                "lad24_code",
                "lad24_name",
                "lsoa_count",
                "population_2019",
            ],
            6_784,
            "Compared IMD 2019 with IMD 2025 for 6,784 wards: 6,784 ranked in both;",
        ),
    ],
)
def test_change_writes_the_contract_columns_and_says_what_ranks_mean(
    run_n4c, tmp_path: Path, args: list[str], columns: list[str], rows: int, summary: str
) -> None:
    out = tmp_path / "change.csv"
    result = run_n4c("needs", "change", *args, "--out", str(out))
    frame = pd.read_csv(out, dtype={"note": str}, keep_default_na=False, na_values=[""])
    assert list(frame.columns[: len(columns)]) == columns
    for column in ("rank_change", "decile_change", "decile_2019"):
        assert column in frame.columns
    assert len(frame) == rows
    words = " ".join(result.stdout.split())
    assert summary in words
    assert DIRECTION in words


def test_irregular_lsoas_are_counted_in_the_summary_and_listed_in_the_file(
    run_n4c, tmp_path: Path
) -> None:
    out = tmp_path / "change.csv"
    result = run_n4c("needs", "change", "--from", "2015", "--to", "2025", "--out", str(out))
    frame = pd.read_csv(out, dtype={"note": str})
    irregular = frame[frame["change_code"] == "X"]
    assert len(irregular) == 6
    assert irregular["rank_2015"].isna().all()
    assert irregular["note"].str.startswith("Irregular boundary change (ONS code X)").all()
    assert (
        "6 LSOAs with an irregular boundary change (ONS code X) are listed without a 2015 rank"
        in " ".join(result.stdout.split())
    )


def test_the_json_summary_names_the_population_sources(run_n4c, tmp_path: Path) -> None:
    result = run_n4c(
        "needs", "change", "--from", "2019", "--to", "2025", "--level", "lad",
        "--out", str(tmp_path / "lad.csv"), "--json",
    )  # fmt: skip
    summary = json.loads(result.stdout)
    assert summary["areas"] == 296
    assert summary["irregular_lsoas"] == 6
    assert summary["population_sources"]["2019"].startswith("IoD 2019 population denominators")
    assert summary["population_sources"]["2025"].startswith(("Census 2021", "IoD 2025"))
    assert summary["rank_change"] == DIRECTION


def test_change_for_one_council_keeps_its_wards_and_counts_them(run_n4c, tmp_path: Path) -> None:
    everywhere, blackpool = tmp_path / "all.csv", tmp_path / "blackpool.csv"
    common = ["needs", "change", "--from", "2019", "--to", "2025", "--level", "ward"]
    run_n4c(*common, "--out", str(everywhere))
    result = run_n4c(*common, "--lad", "blackpool", "--out", str(blackpool), "--json")
    read = {"dtype": {"note": str}, "keep_default_na": False, "na_values": [""]}
    national, frame = pd.read_csv(everywhere, **read), pd.read_csv(blackpool, **read)
    expected = national[national["lad_code"] == "E06000009"].reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert len(frame) == 21 and set(frame["lad_name"]) == {"Blackpool"}
    assert list(frame.columns[-2:]) == ["lad_code", "lad_name"]
    summary = json.loads(result.stdout)
    assert summary["council"] == {"code": "E06000009", "name": "Blackpool"}
    assert summary["areas"] == 21
    assert summary["to_a_less_deprived_decile"] == int((frame["decile_change"] < 0).sum())
    assert summary["to_a_more_deprived_decile"] == int((frame["decile_change"] > 0).sum())
    assert "for 21 wards in Blackpool (E06000009): 21 ranked in both;" in " ".join(
        result.stderr.split()
    )
