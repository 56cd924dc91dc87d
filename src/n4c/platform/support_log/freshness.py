"""When cached pages about support go stale: one version number, bumped on every change.

The monthly report and the support part of an area page are cached as page fragments keyed by
this version, so a new entry, assignment, area or region shows at once. With the shared cache
(N4C_CACHE_URL, as `n4c serve --workers N` requires) that holds for every process; with the
default cache in memory, a change made by another process (the CLI) shows within the
fragments' lifetime.
"""

from __future__ import annotations

from django.core.cache import cache

__all__ = ["FRAGMENT_SECONDS", "bump_support_version", "support_version"]

FRAGMENT_SECONDS = 60
_KEY = "n4c-support-version"


def support_version() -> int:
    return cache.get_or_set(_KEY, 1, timeout=None)


def bump_support_version(**_signal_arguments) -> None:
    try:
        cache.incr(_KEY)
    except ValueError:
        cache.set(_KEY, 2, timeout=None)
