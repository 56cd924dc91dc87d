"""Words people read, in their own language: the core marks them, whoever shows them translates.

The analytics core has no web framework, yet its sentences (what an area's need means, a map's
key, the steps of the right to bid) reach pages that residents read in Polish or Urdu. So the
core marks each such sentence with :func:`gettext` (imported as ``_``), :func:`ngettext` or, for
words kept in data files and translated when shown, :func:`gettext_noop`::

    from n4c.words import gettext as _

    _("On IMD %(year)s no domain puts it among the most deprived tenth of wards.") % {"year": 2019}

On the command line these return the English unchanged. The platform calls :func:`use` once at
start-up with Django's own functions, so the same call answers in the language of the page being
drawn, and :func:`number` writes figures the reader's way (Polish groups thousands with a
space and writes a decimal comma). Django's ``makemessages``, run over ``src/n4c``, finds the marked sentences and puts them
in the platform's catalogue beside its own (README "Languages").
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["gettext", "gettext_noop", "ngettext", "number", "use"]


def _english(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def _english_number(value: float, decimals: int | None) -> str:
    return f"{value:,}" if decimals is None else f"{value:,.{decimals}f}"


_gettext: Callable[[str], str] = str
_ngettext: Callable[[str, str, int], str] = _english
_number: Callable[[float, int | None], str] = _english_number


def gettext(message: str) -> str:
    """``message`` in the reader's language (English when nothing has been installed)."""
    return _gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the reader's language."""
    return _ngettext(singular, plural, n)


def number(value: float, decimals: int | None = None) -> str:
    """``value`` with its thousands grouped, the reader's way; ``decimals`` fixes the places.

    >>> number(7433), number(12.345, 1)
    ('7,433', '12.3')
    """
    return _number(value, decimals)


def gettext_noop(message: str) -> str:
    """Marks ``message`` to be translated later, where it is shown; returns it unchanged."""
    return message


def use(
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
    number: Callable[[float, int | None], str] | None = None,
) -> None:
    """Answer in the reader's language from now on, with these functions (Django's)."""
    global _gettext, _ngettext, _number
    _gettext, _ngettext = gettext, ngettext
    _number = number or _english_number
