"""The plain-English check of text typed on the platform, as the fragment shows it."""

from __future__ import annotations

from typing import Any

from n4c.errors import InputError
from n4c.plain import check_text, extract_text

__all__ = ["MAX_CHECKED_CHARACTERS", "check_context"]

#: Text past this length is not checked as it is typed (a long guide is checked on its page).
MAX_CHECKED_CHARACTERS = 20_000


def check_context(text: str) -> dict[str, Any]:
    """What the fragment ``plain/_check.html`` shows for ``text`` (plain text, as typed)."""
    cut = len(text) > MAX_CHECKED_CHARACTERS
    try:
        check = check_text(extract_text(text[:MAX_CHECKED_CHARACTERS], kind="text"))
    except InputError:
        return {"check": None}
    return {
        "check": check,
        "cut": cut,
        "max_characters": MAX_CHECKED_CHARACTERS,
        "long": [s for s in check.sentences if "long" in s.flags],
        "passive": [s for s in check.sentences if "passive" in s.flags],
    }
