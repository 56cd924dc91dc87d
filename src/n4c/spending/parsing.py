"""Reading the values grant files hold: amounts, dates and geographic codes.

Each parser returns the value or raises :class:`ValueError` with a sentence a person can act
on; the importer turns that into a rejection naming the grant and the field. Nothing is
guessed silently: a date read day-first is accepted but flagged by :func:`parse_date`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

__all__ = ["normalise_code", "parse_amount_pence", "parse_date"]

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# £1 trillion: far above any grant, and far below where pence overflow 64-bit integers.
_MAX_PENCE = 10**14
_AMOUNT_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


def parse_amount_pence(value: object) -> int:
    """Pence in an amount given as a JSON number or as spreadsheet text.

    Text may carry a pound sign, thousands separators and surrounding spaces. Amounts are
    rounded to the nearest penny, halves away from zero.

    >>> parse_amount_pence(152505.03)
    15250503
    >>> parse_amount_pence(" £1,234.5 ")
    123450
    >>> parse_amount_pence("about 500")
    Traceback (most recent call last):
    ...
    ValueError: "about 500" is not an amount; write a number such as 1234.50.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} is not an amount; write a number such as 1234.50.")
    if isinstance(value, int):
        return _checked_size(value * 100, value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not an amount; write a number such as 1234.50.")
        if abs(value) >= _MAX_PENCE / 100:
            return _checked_size(_MAX_PENCE, value)
        # Rounded to a millionth of a penny first, so 0.285 (stored as 28.4999…p) gives 29p.
        scaled = round(abs(value) * 100, 6)
        pence = math.floor(scaled + 0.5)
        return pence if value >= 0 else -pence
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("£", "").strip()
        if not _AMOUNT_TEXT.match(text):
            raise ValueError(f'"{value}" is not an amount; write a number such as 1234.50.')
        number = Decimal(text)
    else:
        raise ValueError(f"{value!r} is not an amount; write a number such as 1234.50.")
    try:
        rounded = (number * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    except InvalidOperation as error:
        raise ValueError(f"{value!r} is not an amount; write a number such as 1234.50.") from error
    return _checked_size(int(rounded), value)


def _checked_size(pence: int, value: object) -> int:
    if abs(pence) >= _MAX_PENCE:
        raise ValueError(
            f"{value!r} is more than £1 trillion, larger than any grant; check the amount."
        )
    return pence


def parse_date(value: object) -> tuple[dt.date, bool]:
    """A date and whether it was read day-first (``24/07/2014``) rather than as the standard says.

    The standard asks for ``YYYY-MM-DD`` or a full date-time; the time is ignored. Spreadsheets
    saved in the UK often hold ``DD/MM/YYYY``, which is read day-first and flagged.

    >>> parse_date("2020-11-03T00:00:00+00:00")
    (datetime.date(2020, 11, 3), False)
    >>> parse_date("24/07/2014")
    (datetime.date(2014, 7, 24), True)
    >>> parse_date("2014-13-01")
    Traceback (most recent call last):
    ...
    ValueError: "2014-13-01" is not a date; write it as YYYY-MM-DD, like 2019-04-01.
    """
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, like 2019-04-01.")
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        try:  # the standard's own form, read in C: most grants take this path
            return dt.date.fromisoformat(text), False
        except ValueError:
            pass
    day_first = False
    match = _ISO_DATE.match(text) or _ISO_DATETIME.match(text)
    if match:
        year, month, day = (int(part) for part in match.group(1, 2, 3))
    else:
        match = _DAY_FIRST.match(text)
        if match is None:
            raise ValueError(f'"{value}" is not a date; write it as YYYY-MM-DD, like 2019-04-01.')
        day, month, year = (int(part) for part in match.group(1, 2, 3))
        day_first = True
    try:
        return dt.date(year, month, day), day_first
    except ValueError as error:
        raise ValueError(
            f'"{value}" is not a date; write it as YYYY-MM-DD, like 2019-04-01.'
        ) from error


def normalise_code(value: object) -> str | None:
    """An ONS code with stray spaces removed and letters in capitals; None when blank.

    Published files hold codes such as ``"S92000003 "``; without this they match nothing.

    >>> normalise_code(" e01000001 ")
    'E01000001'
    >>> normalise_code("   ") is None
    True
    """
    if value is None:
        return None
    text = "".join(str(value).split()).upper()
    return text or None
