"""The cache the platform's server processes share: Django's Redis cache, one client per pool.

Django's Redis backend builds a new ``redis.Redis`` object for every cache call. redis-py 5 and
later fill about 170 response callbacks in that constructor, which costs more than the call
itself; a page makes three calls (session, support version, cached fragment). A ``Redis``
object is safe to share between threads (it takes a connection from its pool per command), so
one per pool serves the whole process.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

__all__ = ["SharedRedisCache"]


class _PooledClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _PooledClient
