"""The 'left behind' result: computed once, then read from the cache until an input or the code changes."""

from __future__ import annotations

import dataclasses
import gzip
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import n4c.needs
from n4c.data import DATASETS, dataset_path, loaders
from n4c.data.cache import cache_dir
from n4c.data.registry import sha256_of
from n4c.errors import DataMissingError, InputError
from n4c.needs import left_behind, ward_domains, wards, wards24
from n4c.needs.left_behind import find_left_behind

INPUTS_2019 = (*left_behind._INPUTS[2019], "imd2019_population_denominators")


def _forget_in_memory() -> None:
    """As a new process would start: nothing kept in memory from an earlier computation."""
    loaders._load_cached.cache_clear()
    wards._ward_table.cache_clear()
    wards._left_behind_lsoa21.cache_clear()
    wards24._ward24_table.cache_clear()


@dataclasses.dataclass
class Mirror:
    folder: Path
    sources: dict[str, Path]

    def add(self, name: str) -> Path:
        """Copy dataset ``name`` from the real mirror into this one."""
        target = self.folder / DATASETS[name].filename
        if not target.exists():
            shutil.copy(self.sources[name], target)
        return target


@pytest.fixture
def mirror(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Mirror]:
    """A private mirror holding the 2019 inputs, and a private data folder."""
    names = (*INPUTS_2019, *left_behind._POPULATION_DATASETS.values())
    private = Mirror(tmp_path / "mirror", {name: dataset_path(name) for name in names})
    private.folder.mkdir()
    for name in INPUTS_2019:
        private.add(name)
    monkeypatch.setenv("N4C_DATA_MIRROR", str(private.folder))
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    _forget_in_memory()
    yield private
    _forget_in_memory()


def _no_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the result was computed although a cached one is valid")

    monkeypatch.setattr(left_behind, "_compute", refuse)


def test_the_second_call_reads_the_stored_result_without_computing(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same inputs, parameters and code: the stored result is returned as it was computed."""
    first = find_left_behind(2019)
    assert not first.from_cache
    assert first.agreement is not None
    assert first.agreement.predicted == 225
    assert first.agreement.matched == 219
    assert first.listing_columns == (
        "code",
        "name",
        "lad19_name",
        "imd_score",
        "imd_rank",
        "cni_rank",
        "left_behind_published",
    )
    assert len(first.listing) == 225
    _forget_in_memory()
    _no_computing(monkeypatch)
    second = find_left_behind(2019)
    assert second.from_cache
    assert dataclasses.replace(second, from_cache=False) == first


def test_a_council_keeps_its_rows_of_the_stored_national_result(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One council's view is read from the national result: same rows, national ranks."""
    from n4c.needs.councils import resolve_council

    national = find_left_behind(2019)
    _forget_in_memory()
    _no_computing(monkeypatch)
    blackpool = resolve_council("Blackpool", year=2019)
    result = find_left_behind(2019).for_council(blackpool)
    everywhere = pd.read_csv(io.StringIO(national.csv))
    expected = everywhere[everywhere["lad_code"] == "E06000009"].reset_index(drop=True)
    table = pd.read_csv(io.StringIO(result.csv))
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert len(table) == 21 and set(table["lad_name"]) == {"Blackpool"}
    assert result.council == blackpool
    flagged = set(table.loc[table["left_behind"], "ward_code"])
    assert {row[0] for row in result.listing} == flagged
    assert result.agreement is not None
    assert result.agreement.predicted == len(flagged)
    assert result.agreement.published == int(table["left_behind_published"].sum())
    assert result.agreement.matched == int(
        (table["left_behind"] & table["left_behind_published"]).sum()
    )


def test_the_result_is_the_rule_applied_to_the_ward_table(mirror: Mirror) -> None:
    """The CSV holds every ward; its flags are the ward table's, written true/false."""
    result = find_left_behind(2019)
    lines = result.csv.splitlines()
    table = wards.ward_table(2019)
    assert lines[0].split(",")[:6] == [
        "ward_code",
        "ward_name",
        "imd_score",
        "imd_rank",
        "cni_rank",
        "left_behind",
    ]
    assert len(lines) == len(table) + 1
    listed = {row[0] for row in result.listing}
    assert listed == set(table.loc[table["left_behind"], "ward17_code"])
    ranks = [row[4] for row in result.listing]
    assert ranks == sorted(ranks)


def test_without_the_cache_the_result_is_computed_again(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cached=False`` (``--no-cache``) recomputes even when a stored result is valid."""
    find_left_behind(2019)
    calls: list[int] = []
    compute = left_behind._compute

    def counted(year: int, population: str, level: str) -> dict[str, object]:
        calls.append(year)
        return compute(year, population, level)

    monkeypatch.setattr(left_behind, "_compute", counted)
    assert not find_left_behind(2019, cached=False).from_cache
    assert calls == [2019]


def test_each_population_year_has_its_own_result(mirror: Mirror) -> None:
    """The parameters are part of the key: mid-2017 weights are not served the mid-2015 result."""
    mirror.add("population17_lsoa11")
    find_left_behind(2019)
    other = find_left_behind(2019, population="mid2017")
    assert not other.from_cache
    assert other.population == "mid2017"
    assert find_left_behind(2019).from_cache


def test_a_new_release_of_an_input_recomputes_the_result(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed input file with its new registered checksum changes the key."""
    find_left_behind(2019)
    source = mirror.add("cni2019_ward17")
    # The same rows compressed again: a different file and checksum, the same data.
    source.write_bytes(gzip.compress(gzip.decompress(source.read_bytes()), compresslevel=1))
    monkeypatch.setitem(
        DATASETS,
        "cni2019_ward17",
        dataclasses.replace(DATASETS["cni2019_ward17"], sha256=sha256_of(source)),
    )
    _forget_in_memory()
    again = find_left_behind(2019)
    assert not again.from_cache
    assert again.agreement is not None
    assert again.agreement.matched == 219


def test_a_damaged_input_is_reported_even_when_a_result_is_stored(mirror: Mirror) -> None:
    """The cache never hides a missing or damaged dataset: each input is checked first."""
    find_left_behind(2019)
    mirror.add("lookup_lsoa11_ward17").write_bytes(b"damaged")
    with pytest.raises(DataMissingError, match="lookup_lsoa11_ward17"):
        find_left_behind(2019)


def test_changed_code_recomputes_the_result(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key includes the source of the modules that compute the result."""
    find_left_behind(2019)
    from n4c.data import cache

    monkeypatch.setattr(cache, "source_digest", lambda *modules: "changed code")
    assert not find_left_behind(2019).from_cache


def test_a_damaged_stored_result_is_computed_again(mirror: Mirror) -> None:
    """A stored result whose own checksum fails is never used."""
    expected = find_left_behind(2019)
    (stored,) = (cache_dir() / "results").glob("leftbehind-2019-*.json")
    stored.write_text(stored.read_text(encoding="utf-8").replace("E05", "E06", 1), encoding="utf-8")
    again = find_left_behind(2019)
    assert not again.from_cache
    assert dataclasses.replace(again, from_cache=False) == expected


def test_the_declared_inputs_are_every_dataset_the_rule_reads(
    mirror: Mirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dataset read but not declared would leave a stale result after its release changed."""
    read: set[str] = set()
    load = wards.load

    def recorded(name: str) -> pd.DataFrame:
        read.add(name)
        return load(name)

    monkeypatch.setattr(wards, "load", recorded)
    monkeypatch.setattr(ward_domains, "load", recorded)
    for population, dataset in left_behind._POPULATION_DATASETS.items():
        mirror.add(dataset)
        read.clear()
        find_left_behind(2019, population=population, cached=False)
        assert read == {*left_behind._INPUTS[2019], dataset}, population


def test_a_year_or_population_n4c_does_not_hold_is_one_sentence(mirror: Mirror) -> None:
    with pytest.raises(InputError, match=r"2017 is not a year n4c can test; choose 2019 or 2025\."):
        find_left_behind(2017)
    with pytest.raises(InputError, match='"mid2020" is not a population year n4c holds'):
        find_left_behind(2019, population="mid2020")


def test_importing_the_package_imports_no_pandas_scipy_or_shapely() -> None:
    """``import n4c.needs`` is cheap; each name is imported from its module on first use."""
    code = (
        "import sys, n4c.needs, n4c.data; "
        "print(sorted(m for m in ('pandas', 'scipy', 'shapely', 'matplotlib') if m in sys.modules))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


def test_every_public_name_of_the_package_resolves_to_its_module() -> None:
    """``__all__`` stays true: each name is the one its module defines."""
    for name in n4c.needs.__all__:
        home = n4c.needs._HOMES[name]
        module = __import__(f"n4c.needs.{home}", fromlist=[name])
        assert getattr(n4c.needs, name) is getattr(module, name), name
    assert set(n4c.needs.__all__) == set(n4c.needs._HOMES)
