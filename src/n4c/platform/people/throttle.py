"""Login throttling: after too many failures for one user name from one address, sign-in pauses.

The authentication backend (``people.backends``) applies it, so every way of signing in (the
sign-in page, the admin site, anything calling ``authenticate``) counts and pauses alike.

Counts live in Django's cache, keyed by user name and client address, and expire after the
lockout period, so no table or extra dependency is needed.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

__all__ = ["client_address", "is_locked_out", "lockout_message", "record_failure", "reset"]


def client_address(request) -> str:
    """The address a sign-in comes from; empty without a request (``authenticate`` in code)."""
    # Served on loopback by waitress without a proxy, so REMOTE_ADDR is the client.
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}|{address}".encode()).hexdigest()
    return f"n4c-login-failures:{digest}"


def is_locked_out(username: str, address: str) -> bool:
    return cache.get(_key(username, address), 0) >= settings.LOGIN_MAX_FAILURES


def record_failure(username: str, address: str) -> int:
    """Count one failure; returns the failures so far in this period."""
    key = _key(username, address)
    timeout = settings.LOGIN_LOCKOUT_MINUTES * 60
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def reset(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def lockout_message() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Too many failed sign-in attempts. Wait %(minutes)s minute and try again, or ask the "
        "national team to reset your password.",
        "Too many failed sign-in attempts. Wait %(minutes)s minutes and try again, or ask the "
        "national team to reset your password.",
        minutes,
    ) % {"minutes": minutes}
