"""When cached pages about support go stale: one version number, bumped on every change.

The monthly report and the support part of an area page are cached as page fragments keyed by
this version, so a new entry, assignment, area or region shows at once. With the shared cache
(N4C_CACHE_URL, as `n4c serve --workers N` requires) that holds for every process; with the
default cache in memory, a change made by another process (the CLI) shows within the
fragments' lifetime.
"""

from __future__ import annotations

from django.core.cache import cache

__all__ = [
    "FRAGMENT_SECONDS",
    "bump_support_version",
    "bump_version_of",
    "support_version",
    "version_of",
]

FRAGMENT_SECONDS = 60
_KEY = "n4c-support-version"


def version_of(key: str) -> int:
    """The current version under ``key``; cached fragments put it in their own keys."""
    return cache.get_or_set(key, 1, timeout=None)


def bump_version_of(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read): start again above 1
        cache.set(key, 2, timeout=None)


def support_version() -> int:
    return version_of(_KEY)


def bump_support_version(**_signal_arguments) -> None:
    bump_version_of(_KEY)
