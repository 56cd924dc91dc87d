"""N4C_CACHE_URL chooses the cache: memory by default, a shared Redis cache when set."""

from __future__ import annotations

import pytest
import redis

from n4c.config import SettingError
from n4c.platform import settings as platform_settings
from n4c.platform.shared_cache import SharedRedisCache

REDIS_URL = "redis://127.0.0.1:6379/15"


def test_the_default_cache_is_memory_in_the_process(monkeypatch) -> None:
    monkeypatch.delenv("N4C_CACHE_URL", raising=False)
    caches = platform_settings._caches()
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_redis_address_gives_the_shared_cache(monkeypatch) -> None:
    monkeypatch.setenv("N4C_CACHE_URL", REDIS_URL)
    caches = platform_settings._caches()
    assert caches["default"]["BACKEND"] == "n4c.platform.shared_cache.SharedRedisCache"
    assert caches["default"]["LOCATION"] == REDIS_URL


def test_an_address_that_is_not_redis_is_refused_with_the_setting_named(monkeypatch) -> None:
    monkeypatch.setenv("N4C_CACHE_URL", "memcached://127.0.0.1:11211")
    with pytest.raises(SettingError) as raised:
        platform_settings._caches()
    assert str(raised.value) == (
        "N4C_CACHE_URL must be a web address starting redis:// or rediss:// or unix://, or empty; "
        'it is "memcached://127.0.0.1:11211".'
    )


def _redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.ConnectionError:
        return False


@pytest.mark.skipif(not _redis_available(), reason="needs Redis at 127.0.0.1:6379")
def test_the_shared_cache_reuses_one_client_and_counts_across_instances() -> None:
    """Two cache objects (as in two processes) see the same values; each reuses its client."""
    params = {"KEY_PREFIX": "n4c-test-shared-cache"}
    first = SharedRedisCache(REDIS_URL, params)
    second = SharedRedisCache(REDIS_URL, params)
    first.set("version", 1, timeout=30)
    first.incr("version")
    assert second.get("version") == 2
    assert first._cache.get_client("version") is first._cache.get_client("other")
    first.delete("version")
