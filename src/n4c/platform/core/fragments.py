"""Cached page fragments that go stale together: one version number per topic, bumped on change.

A page part that costs queries (the monthly report, an area's people or support, its asset map)
is cached under a key that holds its topic's version; a change to anything it shows bumps the
version, so the next request draws it afresh. With the shared cache (N4C_CACHE_URL, as
`n4c serve --workers N` requires) that holds for every process; with the default cache in
memory, a change made by another process (the CLI) shows within the fragments' lifetime.

Templates cache with ``{% cache fragment_seconds NAME ... version %}``; Python code that draws
HTML itself calls :func:`cached_fragment`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

__all__ = [
    "FRAGMENT_SECONDS",
    "FragmentVersion",
    "bump_version_of",
    "cached_fragment",
    "version_of",
]

T = TypeVar("T")

#: How long a cached fragment lives at most, so a change the version missed shows soon.
FRAGMENT_SECONDS = 60


def version_of(key: str) -> int:
    """The current version under ``key``; cached fragments put it in their own keys."""
    return cache.get_or_set(key, 1, timeout=None)


def bump_version_of(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read): start again above 1
        cache.set(key, 2, timeout=None)


class FragmentVersion:
    """The version of one topic's cached fragments, e.g. ``FragmentVersion("support")``."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self.key = f"n4c-{topic}-version"

    def __repr__(self) -> str:
        return f"FragmentVersion({self.topic!r})"

    def current(self) -> int:
        return version_of(self.key)

    def bump(self, **_signal_arguments) -> None:
        """Make every fragment of this topic stale; a signal receiver as it stands."""
        bump_version_of(self.key)

    def bump_on_change(
        self, *senders: type[models.Model], many_to_many: Iterable[type[models.Model]] = ()
    ) -> None:
        """Bump whenever a row of ``senders`` is saved or deleted, or a ``many_to_many``
        ``through`` table changes. Call it from the owning app's ``AppConfig.ready``."""
        for sender in senders:
            uid = f"n4c-fragments-{self.topic}-{sender._meta.label_lower}"
            post_save.connect(self.bump, sender=sender, dispatch_uid=f"{uid}-saved", weak=False)
            post_delete.connect(self.bump, sender=sender, dispatch_uid=f"{uid}-gone", weak=False)
        for through in many_to_many:
            uid = f"n4c-fragments-{self.topic}-{through._meta.label_lower}-m2m"
            m2m_changed.connect(self.bump, sender=through, dispatch_uid=uid, weak=False)


def cached_fragment(
    key: str, version: FragmentVersion, draw: Callable[[], T], *, seconds: int = FRAGMENT_SECONDS
) -> T:
    """What ``draw()`` returns (HTML, or what a template draws from), from the cache while
    ``version`` is unchanged.

    ``key`` names the fragment and what it depends on besides the version (an area's number).
    """
    full_key = f"n4c-fragment:{key}:{version.current()}"
    drawn: T | None = cache.get(full_key)
    if drawn is None:
        drawn = draw()
        cache.set(full_key, drawn, seconds)
    return drawn
