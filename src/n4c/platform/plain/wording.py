"""Counts in words that agree with their number: "1 day", "1.5 days", "2 areas"."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import ngettext

__all__ = ["days_text", "plural_count"]


def plural_count(amount: Decimal | float | int) -> int:
    """The number ``ngettext`` should choose a form by: 1 only for exactly one."""
    return 1 if amount == 1 else 2 if amount != int(amount) else int(amount)


def days_text(days: Decimal | float | int) -> str:
    """``1 day``, ``1.5 days``: a number of days without trailing zeros."""
    shown = f"{Decimal(str(days)).normalize():f}"
    return ngettext("%(days)s day", "%(days)s days", plural_count(days)) % {"days": shown}
