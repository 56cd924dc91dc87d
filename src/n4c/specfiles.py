"""Declarative specification files (TOML): read them, and pick choices with errors that name the field.

Fund specifications, composite indices, statutory rules and rollout assumptions are all TOML
files that people write by hand, so they share one way of saying what is wrong and where.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from n4c.errors import InputError

__all__ = ["choice", "read_toml"]


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; a missing file or bad syntax is an :class:`InputError` naming the file."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"is not valid TOML ({error}).", path=path) from None
    except OSError as error:
        raise InputError(f"could not be read ({error.strerror}).", path=path) from None


def choice(
    table: dict[str, Any],
    key: str,
    allowed: tuple[str, ...],
    default: str,
    *,
    where: str,
    path: Path | None,
) -> str:
    """``table[key]`` (or ``default``), refused unless it is one of ``allowed``.

    Examples
    --------
    >>> choice({"method": "equal"}, "method", ("equal", "per_head"), "equal", where="formula", path=None)
    'equal'
    """
    value = table.get(key, default)
    if value not in allowed:
        raise InputError(
            f'"{value}" is not allowed; choose one of {", ".join(allowed)}.',
            path=path,
            field=f"{where}.{key}",
            value=value,
        )
    return str(value)
