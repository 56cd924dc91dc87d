"""The dataset cache: each registered dataset kept validated and typed, as Parquet, in N4C_DATA_DIR.

Parsing and validating a gzip CSV costs far more than reading a typed Parquet file, so the
first load of a dataset stores the validated frame in ``N4C_DATA_DIR/cache/datasets/`` and
later loads read it. A cache file is named by a key made of the dataset's registered SHA-256
(its source file is checked against that checksum before any use), its declared columns, the
loader version and the pandas and pyarrow versions: a new release of the data, a changed
declaration or a new loader each make a new key, so a stale file is never read. Files are
written to a temporary name and renamed, so two processes racing to build the same entry each
leave a whole file; a file that fails its page checksums or does not carry its key is rebuilt,
never trusted.

The source files themselves are hashed once and then recognised by their size, modification
and change times and inode, recorded in ``cache/checked/``: any change to the file (even one
that keeps its size) changes its change time, and the file is hashed again.

Derived results (such as the 'left behind' table) can be stored beside the datasets in
``cache/results/`` under a key their module builds from its inputs' checksums, its parameters
and its own source code. Deleting ``N4C_DATA_DIR/cache`` clears everything; it is rebuilt on
demand. This module imports neither pandas nor pyarrow until a Parquet file is read or written.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from n4c import config

if TYPE_CHECKING:
    import pandas as pd

    from n4c.data.registry import Dataset

__all__ = [
    "LOADER_VERSION",
    "cache_dir",
    "dataset_cache_path",
    "digest",
    "read_frame",
    "read_result",
    "record_checked",
    "source_digest",
    "was_checked",
    "write_frame",
    "write_result",
]

#: Bump when the loaders change what a validated frame holds, so every cached frame is rebuilt.
LOADER_VERSION = 1
_KEY_FIELD = b"n4c_cache_key"


def cache_dir() -> Path:
    """``N4C_DATA_DIR/cache``: safe to delete at any time."""
    return config.data_dir() / "cache"


def digest(parts: object) -> str:
    """SHA-256 of a JSON-serialisable description, as a cache key."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_atomically(target: Path, write: Any) -> None:
    """Write through ``write(temporary_path)`` then rename over ``target``: readers see all or nothing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- source files: hash once, then recognise by their metadata -----------------------------


def _stamp(path: Path) -> dict[str, int | str]:
    stat = path.stat()
    return {
        "path": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,
        "inode": stat.st_ino,
    }


def _checked_record(name: str) -> Path:
    return cache_dir() / "checked" / f"{name}.json"


def was_checked(name: str, path: Path, sha256: str) -> bool:
    """Whether ``path`` was hashed to ``sha256`` before and has not changed since."""
    try:
        record = json.loads(_checked_record(name).read_text(encoding="utf-8"))
        return bool(record == {**_stamp(path), "sha256": sha256})
    except (OSError, ValueError):
        return False


def record_checked(name: str, path: Path, sha256: str) -> None:
    """Remember that ``path`` hashed to ``sha256``; a data folder that cannot be written is no error."""
    record = {**_stamp(path), "sha256": sha256}
    with contextlib.suppress(OSError):
        _write_atomically(
            _checked_record(name), lambda p: p.write_text(json.dumps(record), encoding="utf-8")
        )


# --- validated frames as Parquet ------------------------------------------------------------


def _frame_key(dataset: Dataset) -> str:
    import pandas as pd
    import pyarrow as pa

    return digest(
        {
            "sha256": dataset.sha256,
            "columns": [vars(c) for c in dataset.columns],
            "key": dataset.key,
            "loader": LOADER_VERSION,
            "pandas": pd.__version__,
            "pyarrow": pa.__version__,
        }
    )


def dataset_cache_path(dataset: Dataset) -> Path:
    """Where the validated frame of ``dataset`` is cached under its current key."""
    return cache_dir() / "datasets" / f"{dataset.name}-{_frame_key(dataset)[:20]}.parquet"


def read_frame(dataset: Dataset) -> pd.DataFrame | None:
    """The cached validated frame of ``dataset``, or ``None`` when absent, stale or damaged."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = dataset_cache_path(dataset)
    if not path.is_file():
        return None
    try:
        table = pq.read_table(path, page_checksum_verification=True)
        metadata = table.schema.metadata or {}
        if metadata.get(_KEY_FIELD) != _frame_key(dataset).encode():
            return None
        return table.to_pandas()
    except (pa.ArrowException, OSError, ValueError, KeyError, TypeError):
        return None


def write_frame(dataset: Dataset, frame: pd.DataFrame) -> None:
    """Store the validated ``frame`` of ``dataset``, replacing any older key's file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = dataset_cache_path(dataset)
    table = pa.Table.from_pandas(frame)
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _KEY_FIELD: _frame_key(dataset).encode()}
    )
    try:
        _write_atomically(target, lambda p: pq.write_table(table, p, write_page_checksum=True))
    except OSError:
        return
    for old in target.parent.glob(f"{dataset.name}-*.parquet"):
        if old != target:
            old.unlink(missing_ok=True)


# --- derived results ------------------------------------------------------------------------


def source_digest(*modules: str) -> str:
    """SHA-256 of the source files of ``modules`` (found without importing them).

    A derived result's key includes it, so any change to the code that computes the result
    invalidates what was cached; the installed pandas and numpy count too (by their files).
    """
    parts = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(name)
        parts.append(hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest())
    for library in ("numpy", "pandas"):
        spec = importlib.util.find_spec(library)
        origin = Path(spec.origin) if spec is not None and spec.origin is not None else None
        parts.append(str(_stamp(origin)) if origin is not None else library)
    return digest(parts)


def stored_result(
    kind: str,
    compute: Callable[[], dict[str, Any]],
    *,
    inputs: Mapping[str, str | None],
    code: Sequence[str],
    cached: bool = True,
) -> tuple[dict[str, Any], bool]:
    """A derived result and whether it came from the store: the stored one when the checksums
    of its ``inputs``, the source of its ``code`` modules and n4c's version are unchanged (and
    ``cached``), else ``compute()``'s, which is then stored.

    ``kind`` names the result (one file per kind); ``inputs`` maps each dataset to its checksum,
    ``None`` for an optional one that is absent.
    """
    import n4c

    key = digest(
        {
            "kind": kind,
            "inputs": dict(inputs),
            "n4c": n4c.__version__,
            "code": source_digest(*code),
        }
    )
    if cached:
        stored = read_result(kind, key)
        if stored is not None:
            return stored, True
    body = compute()
    write_result(kind, key, body)
    return body, False


def _result_path(kind: str, key: str) -> Path:
    return cache_dir() / "results" / f"{kind}-{key[:20]}.json"


def read_result(kind: str, key: str) -> dict[str, Any] | None:
    """A stored result, or ``None`` when absent or damaged (its own checksum must match)."""
    try:
        stored = json.loads(_result_path(kind, key).read_text(encoding="utf-8"))
        body = stored["body"]
        if stored["key"] != key or stored["sha256"] != digest(body):
            return None
        return dict(body)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_result(kind: str, key: str, body: dict[str, Any]) -> None:
    """Store a JSON-serialisable result under ``key``, replacing older keys of the same kind."""
    target = _result_path(kind, key)
    text = json.dumps({"key": key, "sha256": digest(body), "body": body})
    try:
        _write_atomically(target, lambda p: p.write_text(text, encoding="utf-8"))
    except OSError:
        return
    for old in target.parent.glob(f"{kind}-*.json"):
        if old != target:
            old.unlink(missing_ok=True)
