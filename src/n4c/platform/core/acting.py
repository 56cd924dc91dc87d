"""Who is acting: every service that changes a record takes the person acting as ``actor``.

The convention, for every app:

- A service that creates, changes or deletes takes ``actor`` as its first positional argument:
  ``assign(actor, area, person, role)``, ``set_vision(actor, plan, vision)``. Views and API
  endpoints pass ``request.user``; the admin passes ``request.user`` through ``AuditedAdmin``.
- :data:`PLATFORM` (``None``) stands for the platform itself, as the demo seeding and the CLI
  act: no person's permission applies, and the audit log records no one.
- The service checks the actor's permission itself (it is the one place the rule is sure to be
  applied) and hands the same ``actor`` to ``audit.services.record_change``.

It is an argument, not a value read from the request, because the CLI, seeding and tests have
no request, and a service's signature should say that someone is answerable for the change.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["PLATFORM", "Actor", "acting_user", "actor_label", "is_platform"]

#: The person acting: a user (``request.user``) or :data:`PLATFORM`.
Actor = Any

#: The platform acting on its own behalf (demo seeding, the CLI).
PLATFORM: Final = None


def is_platform(actor: Actor) -> bool:
    """True when no person acts, so no person's permission applies."""
    return actor is PLATFORM


def acting_user(actor: Actor) -> Any:
    """The user to record as having made a change: None for the platform or a visitor who is
    not signed in."""
    if is_platform(actor) or not actor.is_authenticated:
        return None
    return actor


def actor_label(user: Any) -> str:
    """How a user is named in records that must outlive their account: "Full Name (username)"."""
    full_name = user.get_full_name()
    username = user.get_username()
    return f"{full_name} ({username})" if full_name else username
