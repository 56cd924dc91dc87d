"""Start Django from the CLI: settings, setup and the management-command passthrough."""

from __future__ import annotations

import os

__all__ = ["manage", "setup"]


def setup() -> None:
    """Point Django at the platform's settings and load the apps (once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "n4c.platform.settings")
    import django

    django.setup()


def manage(args: list[str]) -> None:
    """Run a Django management command, e.g. ``manage(["migrate"])``."""
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["n4c platform manage", *args])
