"""CLI commands for n4c.allocation (filled in by its issue)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this concept's commands to the n4c app."""
