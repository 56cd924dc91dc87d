"""Names a package offers but imports only on first use, so `n4c --help` stays quick.

A package lists where each public name lives and hands the pair of module functions this
returns to Python (PEP 562)::

    __getattr__, __dir__ = lazy_names(__name__, {"load": "loaders"}, __all__)

``n4c.needs.iod`` (a submodule named in the map) is imported on first use too.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, homes: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose name ``n`` lives in the
    submodule ``homes[n]``; a value is kept in the package once imported."""
    submodules = frozenset(homes.values())
    names = frozenset(public)

    def __getattr__(name: str) -> Any:
        if name in homes:
            value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
            vars(sys.modules[package])[name] = value
            return value
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *names})

    return __getattr__, __dir__
