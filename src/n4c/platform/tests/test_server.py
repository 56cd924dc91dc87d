"""The server's rules: how many processes the platform may run, checked before anything starts."""

from __future__ import annotations

import pytest

from n4c.errors import N4CError
from n4c.platform.server import check_workers


def test_several_workers_need_a_shared_cache(monkeypatch) -> None:
    monkeypatch.delenv("N4C_CACHE_URL", raising=False)
    check_workers(1)
    with pytest.raises(N4CError, match="Serving with 3 workers needs a cache they share"):
        check_workers(3)
    monkeypatch.setenv("N4C_CACHE_URL", "redis://127.0.0.1:6379/0")
    check_workers(3)


def test_no_workers_is_refused() -> None:
    with pytest.raises(N4CError, match="needs 1 or more worker processes, not 0"):
        check_workers(0)
