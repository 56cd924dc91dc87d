"""A fragment is drawn once while its version stands, and afresh once a change bumps it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from n4c.platform.core.fragments import FragmentVersion, cached_fragment


def test_a_fragment_is_drawn_once_until_its_version_is_bumped() -> None:
    version = FragmentVersion("test-topic")
    drawn: list[int] = []

    def draw() -> str:
        drawn.append(1)
        return f"<p>draw {len(drawn)}</p>"

    assert cached_fragment("test:1", version, draw) == "<p>draw 1</p>"
    assert cached_fragment("test:1", version, draw) == "<p>draw 1</p>"
    version.bump()
    assert cached_fragment("test:1", version, draw) == "<p>draw 2</p>"
    assert len(drawn) == 2


def test_a_version_evicted_from_the_cache_starts_again_above_one() -> None:
    from django.core.cache import cache

    version = FragmentVersion("evicted")
    assert version.current() == 1
    cache.delete(version.key)
    version.bump()
    assert version.current() == 2


@pytest.mark.django_db
def test_saving_or_deleting_a_watched_model_bumps_the_version() -> None:
    version = FragmentVersion("groups")
    version.bump_on_change(Group)
    start = version.current()
    group = Group.objects.create(name="Hub leads")
    assert version.current() == start + 1
    group.delete()
    assert version.current() == start + 2
