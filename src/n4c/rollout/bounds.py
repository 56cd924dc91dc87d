"""The range each number of the rollout model may take, declared once.

The page form, the JSON API, the CLI and the assumptions file all check against these bounds,
so a request for 200,000 years or a salary of 1e30 is one sentence, never minutes of work or
gigabytes of memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from n4c import specfiles
from n4c.errors import InputError
from n4c.words import gettext as _
from n4c.words import number

__all__ = [
    "AREAS",
    "AREAS_PER_POST",
    "COST_LINE_GBP",
    "ON_COSTS_PERCENT",
    "SALARY_GBP",
    "YEARS",
    "Bound",
]


@dataclass(frozen=True)
class Bound:
    """The allowed range of one number, from ``minimum`` to ``maximum`` inclusive."""

    minimum: float
    maximum: float
    whole: bool = False

    def check(self, value: object, *, field: str, path: str | Path | None = None) -> float:
        """``value`` if it is a finite number in range; otherwise an InputError naming ``field``.

        Examples
        --------
        >>> YEARS.check(200_000, field="years")
        Traceback (most recent call last):
        ...
        n4c.errors.InputError: field "years": "200000" must be a whole number from 1 to 20.
        """
        try:
            return specfiles.number(
                value,
                field=field,
                path=path,
                minimum=self.minimum,
                maximum=self.maximum,
                whole=self.whole,
            )
        except InputError:
            # The same refusal, in the reader's language (the page and the API show it).
            words = {
                "value": value,
                "minimum": _figure(self.minimum),
                "maximum": _figure(self.maximum),
            }
            message = (
                _('"%(value)s" must be a whole number from %(minimum)s to %(maximum)s.')
                if self.whole
                else _('"%(value)s" must be a number from %(minimum)s to %(maximum)s.')
            )
            raise InputError(message % words, path=path, field=field, value=value) from None


def _figure(value: float) -> str:
    """A bound as a person writes it: 20 rather than 20.0, thousands grouped the reader's way."""
    return number(int(value)) if float(value).is_integer() else number(value)


#: Areas supported by the last year of a rollout (about 225 left-behind wards in England).
AREAS = Bound(0, 10_000, whole=True)
#: Years over which the Network grows.
YEARS = Bound(1, 20, whole=True)
#: Employer's on-costs as a percentage of pay.
ON_COSTS_PERCENT = Bound(0, 100)
#: Areas one post covers.
AREAS_PER_POST = Bound(0.1, 1_000)
#: A post's yearly salary in pounds.
SALARY_GBP = Bound(0, 500_000)
#: One cost line in pounds a year (per post, per area or fixed).
COST_LINE_GBP = Bound(0, 10_000_000)
