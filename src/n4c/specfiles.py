"""Declarative specification files (TOML): read them and check their keys and values.

Fund specifications, composite indices, statutory rules and rollout assumptions are all TOML
files that people write by hand, so they share one way of saying what is wrong and where:

- :func:`read_toml` reads a file (decoded by :mod:`n4c.textfiles`); a missing file, a folder,
  binary bytes, a file over 1 MB, nesting too deep or bad TOML syntax is an
  :class:`~n4c.errors.InputError` naming the file, never a traceback.
- :func:`check_keys` refuses a key the table does not know, naming the file, the table and the
  key and suggesting the closest known key, because a misspelt key that is silently ignored
  (``wieght = 5``) changes results without anyone noticing.
- :func:`keys_of` derives a table's allowed keys from the dataclass it becomes.
- :func:`table`, :func:`text`, :func:`flag`, :func:`number` and :func:`choice` read one value
  with its type checked, and say which type was expected in a sentence.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from n4c.errors import InputError

__all__ = [
    "MAX_DEPTH",
    "MAX_SPEC_BYTES",
    "check_depth",
    "check_keys",
    "choice",
    "flag",
    "keys_of",
    "number",
    "read_toml",
    "table",
    "text",
]


#: The largest specification file read; hand-written TOML is a few kilobytes.
MAX_SPEC_BYTES = 1_000_000


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; any failure is an :class:`InputError` naming the file.

    The bytes are decoded by :func:`n4c.textfiles.read_text`, so a byte-order mark or a file
    saved as Windows-1252 reads as the person wrote it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     spec = Path(folder) / "spec.toml"
    ...     _ = spec.write_bytes(b'name = "Caf\\xe9 fund"')
    ...     read_toml(spec)
    {'name': 'Café fund'}
    """
    from n4c.textfiles import read_text

    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_SPEC_BYTES:
        raise InputError(
            f"is larger than {MAX_SPEC_BYTES // 1_000_000} MB; a specification file is a few "
            "kilobytes of hand-written TOML.",
            path=path,
        )
    decoded = read_text(path).text
    try:
        return tomllib.loads(decoded)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"is not valid TOML ({error}).", path=path) from None
    except RecursionError:
        raise InputError(
            "nests tables or lists too deeply to read; a specification needs only a few levels.",
            path=path,
        ) from None


#: How deeply tables and lists may nest in a specification; the deepest n4c reads is 3.
MAX_DEPTH = 32


def check_depth(value: object, *, path: str | Path | None = None, limit: int = MAX_DEPTH) -> None:
    """Refuse tables and lists nested more than ``limit`` deep (a JSON body, say), before the
    recursive code that merges and copies them overflows the stack.

    >>> check_depth({"a": {"b": [1]}}, limit=2)
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: tables and lists nest more than 2 deep; a specification needs only a few levels.
    """
    level = [value]
    for _ in range(limit + 1):
        level = [
            item
            for container in level
            if isinstance(container, dict | list)
            for item in (container.values() if isinstance(container, dict) else container)
        ]
        if not level:
            return
    raise InputError(
        f"tables and lists nest more than {limit} deep; a specification needs only a few levels.",
        path=path,
    )


def keys_of(
    cls: type, *, without: Iterable[str] = (), extra: Iterable[str] = ()
) -> tuple[str, ...]:
    """The keys a TOML table may hold: the fields of dataclass ``cls``, less ``without``, plus ``extra``.

    Examples
    --------
    >>> @dataclasses.dataclass
    ... class Indicator:
    ...     column: str
    ...     weight: float
    ...     path: str = ""
    >>> keys_of(Indicator, without=["path"], extra=["label"])
    ('column', 'weight', 'label')
    """
    dropped = set(without)
    fields = [f.name for f in dataclasses.fields(cls) if f.name not in dropped]
    return tuple(dict.fromkeys([*fields, *extra]))


def check_keys(
    values: Mapping[str, Any], allowed: Iterable[str], *, where: str, path: str | Path | None
) -> None:
    """Refuse any key of ``values`` not in ``allowed``, suggesting the closest known key.

    ``where`` names the table as a person sees it in the file: ``index``, ``indicators[2]``,
    ``costs.per_post``, or ``""`` for the top level. Keys are checked in file order, so the
    first wrong one is reported.

    Examples
    --------
    >>> check_keys({"column": "x", "wieght": 2}, ("column", "weight", "label"), where="indicators[1]", path=None)
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "indicators[1].wieght": "wieght" is not a key of [indicators[1]]; did you mean "weight"? It may hold column, label and weight.
    """
    known = tuple(allowed)
    for key in values:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        suggestion = f'; did you mean "{close[0]}"?' if close else "."
        place = f"a key of [{where}]" if where else "a table of this file"
        raise InputError(
            f'"{key}" is not {place}{suggestion} It may hold {_and_list(sorted(known))}.',
            path=path,
            field=f"{where}.{key}" if where else key,
            value=key,
        )


def table(
    values: Mapping[str, Any], key: str, *, where: str, path: str | Path | None
) -> dict[str, Any]:
    """``values[key]`` as a table (an empty one when absent); anything else is refused.

    ``where`` is the full name of the table being read, e.g. ``capacity.formula``.
    """
    value = values.get(key, {})
    if not isinstance(value, dict):
        raise InputError(
            f"[{where}] must be a table, not {_kind(value)}.", path=path, field=where, value=value
        )
    return value


def text(
    values: Mapping[str, Any],
    key: str,
    *,
    where: str,
    path: str | Path | None,
    default: str | None = None,
) -> str:
    """``values[key]`` as non-empty text; absent gives ``default``, or is refused when it is None."""
    if key not in values and default is not None:
        return default
    value = values.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            f"{where}.{key} must be text in quotes, not {_kind(value)}.",
            path=path,
            field=f"{where}.{key}",
            value=value,
        )
    return value.strip()


def flag(
    values: Mapping[str, Any],
    key: str,
    *,
    where: str,
    path: str | Path | None,
    default: bool = False,
) -> bool:
    """``values[key]`` as true or false (without quotes); absent gives ``default``."""
    value = values.get(key, default)
    if not isinstance(value, bool):
        raise InputError(
            f"{where}.{key} must be true or false (without quotes), not {_kind(value)}.",
            path=path,
            field=f"{where}.{key}",
            value=value,
        )
    return value


def number(
    value: object,
    *,
    field: str,
    path: str | Path | None,
    minimum: float | None = 0.0,
    maximum: float | None = None,
    whole: bool = False,
    positive: bool = False,
    hint: str | None = None,
) -> float:
    """``value`` as a finite number within its bounds; anything else is one sentence.

    ``minimum`` is allowed itself unless ``positive`` (then the number must be more than it);
    ``whole`` refuses fractions. ``field`` is the value's full TOML path, e.g. ``formula.floor_gbp``.

    Examples
    --------
    >>> number(-1, field="costs.on_costs_percent", path=None)
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "costs.on_costs_percent": "-1" must be a number of at least 0.
    >>> number(2.5, field="select_top", path=None, minimum=1, maximum=10, whole=True)
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "select_top": "2.5" must be a whole number from 1 to 10.
    """
    valid = (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
        and (not whole or value == int(value))
        and (minimum is None or (value > minimum if positive else value >= minimum))
        and (maximum is None or value <= maximum)
    )
    if not valid:
        kind = "a whole number" if whole else "a number"
        raise InputError(
            f'"{value}" must be {kind}{_bounds(minimum, maximum, positive)}.',
            path=path,
            field=field,
            value=value,
            hint=hint,
        )
    return float(value)  # type: ignore[arg-type]


def _bounds(minimum: float | None, maximum: float | None, positive: bool) -> str:
    low, high = _figure(minimum), _figure(maximum)
    if minimum is not None and maximum is not None and not positive:
        return f" from {low} to {high}"
    words = []
    if minimum is not None:
        words.append(f"more than {low}" if positive else f"at least {low}")
    if maximum is not None:
        words.append(f"at most {high}")
    return f" of {' and '.join(words)}" if words else ""


def _figure(value: float | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def choice(
    values: Mapping[str, Any],
    key: str,
    allowed: tuple[str, ...],
    default: str,
    *,
    where: str,
    path: str | Path | None,
) -> str:
    """``values[key]`` (or ``default``), refused unless it is one of ``allowed``.

    Examples
    --------
    >>> choice({"method": "equal"}, "method", ("equal", "per_head"), "equal", where="formula", path=None)
    'equal'
    """
    value = values.get(key, default)
    if value not in allowed:
        raise InputError(
            f'"{value}" is not allowed; choose one of {", ".join(allowed)}.',
            path=path,
            field=f"{where}.{key}",
            value=value,
        )
    return str(value)


def _kind(value: object) -> str:
    """What a TOML value is, in words, for messages that say what was found instead."""
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, int | float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return f'"{value}"' if value.strip() else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
