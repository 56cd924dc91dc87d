"""``{% plain_check text %}``: the check shown on a page after saving (works without JavaScript)."""

from __future__ import annotations

from django import template

from n4c.platform.plain.checks import check_context

register = template.Library()


@register.inclusion_tag("plain/_check.html")
def plain_check(text: str) -> dict:
    return check_context(text or "")
