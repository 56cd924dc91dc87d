"""The registry finds datasets in the mirror, checks checksums and says how to get what is missing."""

from __future__ import annotations

import hashlib
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from n4c.data import DATASETS, dataset_path, fetch, status
from n4c.data.registry import checksum, sha256_of
from n4c.errors import DataMissingError

SMALL = "lookup_lsoa11_ward17"


def test_every_dataset_names_source_licence_and_checksum() -> None:
    for dataset in DATASETS.values():
        assert dataset.source_url.startswith("https://"), dataset.name
        assert dataset.licence, dataset.name
        assert dataset.optional or len(dataset.sha256 or "") == 64, dataset.name


def test_the_mirror_holds_every_dataset_with_its_registered_checksum() -> None:
    missing = [d.name for d, path in status() if path is None and not d.optional]
    assert missing == []


def test_a_missing_dataset_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    with pytest.raises(DataMissingError) as caught:
        dataset_path(SMALL)
    assert f"n4c data fetch {SMALL}" in str(caught.value)
    assert "N4C_DATA_MIRROR" in str(caught.value)


def test_a_damaged_file_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / DATASETS[SMALL].filename).write_bytes(b"not the lookup")
    monkeypatch.setenv("N4C_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    with pytest.raises(DataMissingError, match="does not match the registered checksum"):
        dataset_path(SMALL)


@pytest.fixture
def served_mirror(tmp_path: Path) -> Iterator[str]:
    """The mirror's files served over HTTP on loopback, as a data bundle server would."""
    root = tmp_path / "served"
    root.mkdir()
    source = dataset_path(SMALL)
    shutil.copy(source, root / source.name)
    (root / "broken").mkdir()
    (root / "broken" / source.name).write_bytes(b"tampered")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_downloads_and_verifies(
    served_mirror: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", "")
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    path = fetch(SMALL, base_url=served_mirror)
    assert sha256_of(path) == DATASETS[SMALL].sha256
    assert dataset_path(SMALL) == path


def test_fetch_refuses_a_download_that_fails_its_checksum(
    served_mirror: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", "")
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    with pytest.raises(DataMissingError, match="failed verification"):
        fetch(SMALL, base_url=f"{served_mirror}/broken")


def test_fetch_without_an_address_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", "")
    monkeypatch.setenv("N4C_DATA_BASE_URL", "")
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    with pytest.raises(DataMissingError, match="Set N4C_DATA_BASE_URL"):
        fetch(SMALL)


def test_the_checksum_of_a_pinned_dataset_is_its_registered_one() -> None:
    assert checksum(SMALL) == DATASETS[SMALL].sha256


def test_an_unpinned_dataset_is_hashed_as_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    name = "imd2025_population_denominators"
    path = tmp_path / DATASETS[name].filename
    monkeypatch.setenv("N4C_DATA_MIRROR", str(tmp_path))
    path.write_bytes(b"one release")
    first = checksum(name)
    path.write_bytes(b"another release")
    assert first == hashlib.sha256(b"one release").hexdigest()
    assert checksum(name) == hashlib.sha256(b"another release").hexdigest()
