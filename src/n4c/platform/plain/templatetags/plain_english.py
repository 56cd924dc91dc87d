"""``{% plain_check text %}``: the check shown on a page after saving (works without JavaScript)."""

from __future__ import annotations

from django import template

from n4c.platform.plain.checks import check_context
from n4c.platform.plain.wording import days_text

register = template.Library()


@register.inclusion_tag("plain/_check.html")
def plain_check(text: str) -> dict:
    return check_context(text or "")


@register.filter
def days(amount) -> str:
    """``{{ entry.days|days }}``: "1 day", "1.5 days"."""
    return days_text(amount)
