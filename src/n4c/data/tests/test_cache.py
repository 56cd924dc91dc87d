"""The dataset cache: built on first load, read after, rebuilt when the source or the file changes."""

from __future__ import annotations

import dataclasses
import gzip
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from n4c.data import (
    DATASETS,
    Column,
    Dataset,
    dataset_path,
    load,
    loaders,
    read_validated,
    registry,
)
from n4c.data.cache import cache_dir, dataset_cache_path, read_frame, write_frame
from n4c.data.registry import sha256_of
from n4c.errors import DataMissingError

ROWS = (
    "lsoa11_code,lsoa11_name,households,people,deprived\n"
    "E01000001,City of London 001A,812.5,1500,True\n"
    "E01000002,City of London 001B,,1700,false\n"
    "E01000003,City of London 001C,640.0,,no\n"
)


def _write_source(path: Path, text: str = ROWS, *, mtime: int = 0) -> str:
    # A fixed gzip header time, so the same text gives the same bytes (and checksum).
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=mtime))
    return sha256_of(path)


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Dataset]:
    """A registered three-row dataset in its own mirror and data folder."""
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    checksum = _write_source(mirror / "tiny.csv.gz")
    dataset = Dataset(
        name="tiny",
        filename="tiny.csv.gz",
        title="Three LSOAs",
        publisher="Tests",
        source_url="https://example.org/tiny",
        licence="OGL",
        sha256=checksum,
        rows=3,
        columns=(
            Column("lsoa11_code", "code", "lsoa"),
            Column("lsoa11_name", "text"),
            Column("households", "number", nullable=True),
            Column("people", "integer", nullable=True),
            Column("deprived", "bool"),
        ),
        key="lsoa11_code",
    )
    monkeypatch.setitem(DATASETS, "tiny", dataset)
    monkeypatch.setenv("N4C_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    loaders._load_cached.cache_clear()
    yield dataset
    loaders._load_cached.cache_clear()


def _fresh_load(name: str = "tiny") -> pd.DataFrame:
    """Load as a new process would: nothing kept in memory from an earlier load."""
    loaders._load_cached.cache_clear()
    return load(name)


def _no_csv_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> pd.DataFrame:
        raise AssertionError("the CSV file was parsed although a cached frame exists")

    monkeypatch.setattr(loaders.pd, "read_csv", refuse)


def test_the_first_load_builds_the_cache_and_the_second_reads_it(
    tiny: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second load never parses the CSV: the Parquet file answers."""
    assert not dataset_cache_path(tiny).exists()
    first = _fresh_load()
    assert dataset_cache_path(tiny).is_file()
    _no_csv_reading(monkeypatch)
    second = _fresh_load()
    pd.testing.assert_frame_equal(second, first)


def test_the_cached_frame_equals_the_freshly_validated_one_dtypes_included(tiny: Dataset) -> None:
    """Codes and names stay text, nullable integers stay Int64, flags stay bool."""
    fresh = read_validated(dataset_path("tiny"), tiny)
    write_frame(tiny, fresh.copy())
    cached = read_frame(tiny)
    assert cached is not None
    pd.testing.assert_frame_equal(cached, fresh, check_dtype=True, check_index_type=True)
    assert str(cached["people"].dtype) == "Int64"
    assert cached["people"].isna().tolist() == [False, False, True]
    assert cached["deprived"].tolist() == [True, False, False]


def test_a_published_dataset_round_trips_through_the_cache_unchanged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The CNI 2019 ward file (codes, names, scores, ranks, a flag) comes back identical."""
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    dataset = DATASETS["cni2019_ward17"]
    fresh = read_validated(dataset_path(dataset.name), dataset)
    write_frame(dataset, fresh.copy())
    cached = read_frame(dataset)
    assert cached is not None
    pd.testing.assert_frame_equal(cached, fresh, check_dtype=True)


def test_a_new_release_of_the_source_rebuilds_the_cache(
    tiny: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file with its new registered checksum is read afresh; the old entry is removed."""
    _fresh_load()
    old_entry = dataset_cache_path(tiny)
    source = Path(os.environ["N4C_DATA_MIRROR"]) / "tiny.csv.gz"
    checksum = _write_source(source, ROWS.replace("1500", "1600"))
    monkeypatch.setitem(DATASETS, "tiny", dataclasses.replace(tiny, sha256=checksum))
    frame = _fresh_load()
    assert frame["people"].tolist()[0] == 1600
    assert dataset_cache_path(DATASETS["tiny"]).is_file()
    assert not old_entry.exists()


def test_a_changed_source_is_refused_even_though_a_cached_frame_exists(tiny: Dataset) -> None:
    """Same size, same modification time, different bytes: still hashed again and refused."""
    _fresh_load()
    source = Path(os.environ["N4C_DATA_MIRROR"]) / "tiny.csv.gz"
    before = source.stat()
    _write_source(source, ROWS.replace("1500", "1600"))
    assert source.stat().st_size == before.st_size
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(DataMissingError, match="does not match the registered checksum of tiny"):
        _fresh_load()


def test_an_unchanged_source_is_hashed_only_once(
    tiny: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later process recognises the checked file by its size, times and inode."""
    dataset_path("tiny")

    def refuse(path: Path) -> str:
        raise AssertionError(f"{path} was hashed again")

    monkeypatch.setattr(registry, "sha256_of", refuse)
    assert dataset_path("tiny").name == "tiny.csv.gz"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a parquet file", id="replaced"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(
            lambda data: data[:200] + bytes([data[200] ^ 0xFF]) + data[201:], id="one-byte-flipped"
        ),
    ],
)
def test_a_damaged_cache_file_is_rebuilt_never_trusted(tiny: Dataset, damage) -> None:
    """A cache file that fails its checks is rebuilt from the source and then reads cleanly."""
    expected = _fresh_load()
    entry = dataset_cache_path(tiny)
    entry.write_bytes(damage(entry.read_bytes()))
    assert read_frame(tiny) is None
    pd.testing.assert_frame_equal(_fresh_load(), expected)
    cached = read_frame(tiny)
    assert cached is not None
    pd.testing.assert_frame_equal(cached, expected)


def test_a_cache_file_of_another_key_is_not_read(tiny: Dataset) -> None:
    """A file renamed into place (or left by another release) does not carry this key."""
    _fresh_load()
    entry = dataset_cache_path(tiny)
    other = dataclasses.replace(tiny, columns=tiny.columns[:2])
    write_frame(other, pd.DataFrame({"lsoa11_code": ["E01000009"], "lsoa11_name": ["x"]}))
    dataset_cache_path(other).replace(entry)
    assert read_frame(tiny) is None


def test_processes_racing_to_build_the_same_entry_leave_one_whole_file(tiny: Dataset) -> None:
    """Each writer renames its own temporary file into place; no reader sees half a file."""
    frame = read_validated(dataset_path("tiny"), tiny)
    writers = [threading.Thread(target=write_frame, args=(tiny, frame.copy())) for _ in range(8)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    cached = read_frame(tiny)
    assert cached is not None
    pd.testing.assert_frame_equal(cached, frame)
    assert sorted(p.name for p in (cache_dir() / "datasets").iterdir()) == [
        dataset_cache_path(tiny).name
    ]
