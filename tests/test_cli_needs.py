"""The needs CLI contract: command names, columns and messages that outside checks rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest


def test_combine_writes_the_contract_columns(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "imd2025.csv"
    result = run_n4c("needs", "combine", "--year", "2025", "--out", str(out))
    frame = pd.read_csv(out)
    assert list(frame.columns) == [
        "lsoa_code",
        "imd_score",
        "imd_rank",
        "imd_decile",
        "lad_code",
        "lad_name",
    ]
    assert len(frame) == 33_755
    assert frame["lad_code"].nunique() == 296
    assert "33,755 ranks (100.00%) equal the published ones" in result.stdout


def test_leftbehind_writes_wards_and_reports_agreement(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "left_behind.csv"
    result = run_n4c("leftbehind", "--year", "2019", "--out", str(out))
    frame = pd.read_csv(out, dtype={"left_behind": str})
    assert list(frame.columns[:6]) == [
        "ward_code",
        "ward_name",
        "imd_score",
        "imd_rank",
        "cni_rank",
        "left_behind",
    ]
    assert set(frame["left_behind"]) == {"true", "false"}
    assert (frame["left_behind"] == "true").sum() == 225
    # OCSI's published flag sits beside n4c's, with the reason where they differ.
    assert list(frame.columns[6:8]) == ["left_behind_published", "left_behind_difference"]
    assert (frame["left_behind_published"].astype(str).str.lower() == "true").sum() == 225
    assert frame["left_behind_difference"].notna().sum() == 12
    assert "219 of the 225 published agree" in " ".join(result.stdout.split())


def test_a_bad_year_is_one_clear_sentence_without_a_traceback(run_n4c, tmp_path: Path) -> None:
    result = run_n4c(
        "needs", "combine", "--year", "2017", "--out", str(tmp_path / "x.csv"), check=False
    )
    assert result.returncode == 1
    assert "2017 is not an IMD year n4c holds; choose 2019 or 2025." in result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_has_help(run_n4c) -> None:
    for command in (
        ["--help"],
        ["needs", "--help"],
        ["needs", "combine", "--help"],
        ["leftbehind", "--help"],
        ["data", "--help"],
    ):
        assert "Usage" in run_n4c(*command).stdout


def test_leftbehind_json_gives_the_comparison_and_the_listed_wards(run_n4c, tmp_path: Path) -> None:
    result = run_n4c("leftbehind", "--out", str(tmp_path / "lb.csv"), "--top", "3", "--json")
    document = json.loads(result.stdout)
    assert (document["found"], document["published"], document["agree"]) == (225, 225, 219)
    assert len(document["extra"]) == len(document["missed"]) == 6
    assert [w["imd_rank"] for w in document["most_deprived"]] == sorted(
        w["imd_rank"] for w in document["most_deprived"]
    )
    assert len(document["most_deprived"]) == 3
    assert "219 of the 225 published agree" in " ".join(result.stderr.split())


def test_combine_for_one_council_keeps_its_lsoas_with_national_ranks(
    run_n4c, tmp_path: Path
) -> None:
    out = tmp_path / "blackpool.csv"
    result = run_n4c("needs", "combine", "--year", "2019", "--lad", "Blackpool", "--out", str(out))
    frame = pd.read_csv(out)
    assert len(frame) == 94
    assert set(frame["lad_name"]) == {"Blackpool"} and set(frame["lad_code"]) == {"E06000009"}
    # Ranks stay national: rank 1 (Jaywick) is in Tendring, rank 2 in Blackpool.
    assert frame["imd_rank"].min() == 2
    assert "Kept the 94 LSOAs in Blackpool (E06000009)." in " ".join(result.stdout.split())


def test_combine_refuses_a_council_with_a_composite_spec(run_n4c, tmp_path: Path) -> None:
    spec = tmp_path / "spec.toml"
    spec.write_text("[index]\n", encoding="utf-8")
    result = run_n4c(
        "needs", "combine", "--spec", str(spec), "--lad", "Blackpool", "--out", "-", check=False
    )
    assert result.returncode == 1
    assert "--lad works with the official IMD, not with --spec" in result.stderr


WARD24_CONTRACT = [
    "ward_code",
    "ward_name",
    "lad_code",
    "lad_name",
    "imd_score",
    "imd_rank",
    "cni_score",
    "cni_rank",
    "left_behind",
]


def test_leftbehind_2025_wards_writes_the_contract_and_sets_2019_beside_it(
    run_n4c, tmp_path: Path
) -> None:
    import shapely

    out, shapes, compared = tmp_path / "w.csv", tmp_path / "w.geojson", tmp_path / "c.csv"
    result = run_n4c(
        "leftbehind", "--year", "2025", "--level", "ward", "--out", str(out),
        "--geojson", str(shapes), "--compare", str(compared),
    )  # fmt: skip
    frame = pd.read_csv(out, dtype={"left_behind": str})
    assert list(frame.columns[:9]) == WARD24_CONTRACT
    assert {"income_decile", "living_environment_rank", "civic_assets_rank"} <= set(frame.columns)
    assert set(frame["population_source"]) <= {
        "Census 2021 usual residents (standing in for IoD 2025 File 6)",
        "IoD 2025 File 6, mid-2022",
    }
    assert len(frame) == 6_784
    flagged = frame[frame["left_behind"] == "true"]
    cut = len(frame) // 10
    assert len(flagged) == int(((frame["imd_rank"] <= cut) & (frame["cni_rank"] <= cut)).sum())
    words = " ".join(result.stdout.split())
    assert f"'Left behind' wards (2024): {len(flagged):,} found." in words
    assert "n4c's own estimate: OCSI has published no 'left behind' list on 2024 wards" in words
    assert "population-weighted mean of its LSOAs' IMD 2025 scores" in words
    assert f"over N = 6,784 wards: the worst {cut:,} on each" in words
    assert "114 of OCSI's 225 published 'left behind' wards (2019) are still in" in words
    features = json.loads(shapes.read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["ward_code"] for f in features) == sorted(flagged["ward_code"])
    geometries = [shapely.from_geojson(json.dumps(f["geometry"])) for f in features]
    assert all(g.geom_type in {"Polygon", "MultiPolygon"} and g.is_valid for g in geometries)
    side_by_side = pd.read_csv(compared)
    assert list(side_by_side.columns) == [
        "year", "ward_code", "ward_name", "lad_name", "overlap_share", "status", "lad_code",
    ]  # fmt: skip
    assert set(side_by_side.loc[side_by_side["year"] == 2025, "lad_code"]) <= set(frame["lad_code"])
    assert (side_by_side["year"] == 2019).sum() == 225
    assert ((side_by_side["year"] == 2019) & (side_by_side["status"] == "still in")).sum() == 114


def test_leftbehind_2019_appends_the_authority_and_the_domains(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "w19.csv"
    result = run_n4c("leftbehind", "--year", "2019", "--out", str(out), "--top", "0")
    frame = pd.read_csv(out)
    assert list(frame.columns[13:17]) == ["lad_code", "lad_name", "income_rank", "income_decile"]
    assert (frame["lad_code"] == frame["lad19_code"]).all()
    assert frame["civic_assets_rank"].notna().all()
    assert "population-weighted mean of its LSOAs' domain ranks" in " ".join(result.stdout.split())


def test_leftbehind_2025_json_gives_the_comparison_with_2019(run_n4c, tmp_path: Path) -> None:
    result = run_n4c(
        "leftbehind", "--year", "2025", "--level", "ward", "--out", str(tmp_path / "w.csv"),
        "--top", "2", "--json",
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert document["compared_with_2019"]["published_2019"] == 225
    assert document["compared_with_2019"]["still_in"] == 114
    assert document["found"] == document["compared_with_2019"]["found_2025"]
    assert "published" not in document
    assert len(document["most_deprived"]) == 2


def test_leftbehind_for_one_council_keeps_its_wards_of_the_national_list(
    run_n4c, tmp_path: Path
) -> None:
    everywhere, blackpool = tmp_path / "all.csv", tmp_path / "blackpool.csv"
    run_n4c("leftbehind", "--year", "2019", "--out", str(everywhere), "--top", "0")
    result = run_n4c(
        "leftbehind", "--year", "2019", "--lad", "Blackpool", "--out", str(blackpool), "--json"
    )
    national, frame = pd.read_csv(everywhere), pd.read_csv(blackpool)
    expected = national[national["lad_code"] == "E06000009"].reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert len(frame) == 21 and set(frame["lad_name"]) == {"Blackpool"}
    document = json.loads(result.stdout)
    assert document["council"] == {"code": "E06000009", "name": "Blackpool"}
    assert document["found"] == int(frame["left_behind"].sum()) >= 1
    assert document["published"] == int(frame["left_behind_published"].sum())
    assert {w["code"] for w in document["most_deprived"]} == set(
        frame.loc[frame["left_behind"], "ward_code"]
    )
    words = " ".join(result.stderr.split())
    assert "'Left behind' wards in Blackpool (E06000009):" in words
    assert "published there agree" in words
    assert "Ranks, deciles and cut-offs are national" in words


def test_leftbehind_2025_wards_for_one_council_keep_national_ranks(run_n4c, tmp_path: Path) -> None:
    everywhere, blackpool = tmp_path / "all.csv", tmp_path / "blackpool.csv"
    shapes = tmp_path / "blackpool.geojson"
    run_n4c("leftbehind", "--year", "2025", "--level", "ward", "--out", str(everywhere))
    result = run_n4c(
        "leftbehind", "--year", "2025", "--level", "ward", "--lad", "E06000009",
        "--out", str(blackpool), "--geojson", str(shapes),
    )  # fmt: skip
    national = pd.read_csv(everywhere, dtype={"left_behind": str})
    frame = pd.read_csv(blackpool, dtype={"left_behind": str})
    expected = national[national["lad_code"] == "E06000009"].reset_index(drop=True)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert list(frame.columns[:9]) == WARD24_CONTRACT and len(frame) == 21
    flagged = int((frame["left_behind"] == "true").sum())
    words = " ".join(result.stdout.split())
    assert f"'Left behind' wards (2024) in Blackpool (E06000009): {flagged:,} found." in words
    assert "Beside the 2019 list (all of England): 114 of OCSI's 225" in words
    features = json.loads(shapes.read_text(encoding="utf-8"))["features"]
    assert sorted(f["properties"]["ward_code"] for f in features) == sorted(
        frame.loc[frame["left_behind"] == "true", "ward_code"]
    )


def test_leftbehind_2025_lsoas_carry_their_council(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "lsoas.csv"
    run_n4c("leftbehind", "--year", "2025", "--lad", "Blackpool", "--out", str(out), "--top", "0")
    frame = pd.read_csv(out)
    assert list(frame.columns[9:12]) == ["left_behind_published", "lad_code", "lad_name"]
    assert len(frame) == 94 and set(frame["lad_name"]) == {"Blackpool"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["leftbehind", "--lad", "Blakpool"],
            '"Blakpool" is not a 2019 local authority in England (IMD 2019 figures); the closest '
            "is Blackpool.",
        ),
        (
            ["needs", "change", "--from", "2019", "--to", "2025", "--lad", "Aylesbury Vale"],
            '"Aylesbury Vale" is not a 2024 local authority in England (IMD 2025 figures); it is '
            "Aylesbury Vale (E07000004) in the 2019 edition, used for IMD 2019 figures.",
        ),
    ],
)
def test_an_unknown_council_is_one_sentence_with_the_closest(
    run_n4c, tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_n4c(*args, "--out", str(tmp_path / "x.csv"), check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "x.csv").exists()
