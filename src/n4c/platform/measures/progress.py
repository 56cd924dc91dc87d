"""Progress of a local measure in words, from its values over time and its target."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c import words
from n4c.platform.measures.models import LocalMeasure, MeasureValue

__all__ = ["describe_progress", "shown_number"]


def shown_number(number: Decimal) -> str:
    """A number as people write it: 1,250 not 1250.00, 2.5 not 2.50 (in Polish 1 250 and 2,5)."""
    if number == number.to_integral_value():
        return words.number(int(number))
    # Values keep two places (the model's fields), which a float holds exactly enough to round.
    return words.number(float(number), 2).rstrip("0")


def _trend(previous: Decimal, latest: Decimal) -> str:
    if latest > previous:
        return _("rising")
    if latest < previous:
        return _("falling")
    return _("no change")


def _target_part(measure: LocalMeasure, numbers: Sequence[Decimal]) -> str | None:
    """How the numbers stand against the measure's target, or None when it has none."""
    target = measure.target
    if target is None:
        return None
    first, latest = numbers[0], numbers[-1]
    better = 1 if measure.direction == LocalMeasure.Direction.HIGHER else -1
    shown = {"target": shown_number(target)}
    if (latest - target) * better >= 0:
        return _("target %(target)s met") % shown
    if len(numbers) == 1:
        return _("target %(target)s") % shown
    needed = (target - first) * better
    gained = (latest - first) * better
    if needed > 0 and gained >= 0:
        return _("%(gained)s of %(needed)s towards target %(target)s") % {
            **shown,
            "gained": shown_number(gained),
            "needed": shown_number(needed),
        }
    return _("%(distance)s further from target %(target)s than at the start") % {
        **shown,
        "distance": shown_number(-gained),
    }


def describe_progress(measure: LocalMeasure, values: Sequence[MeasureValue]) -> str:
    """Where the measure stands, in a sentence: for numbers the latest value, how far it has come
    towards the target since the first value ("3 of 5 towards target 10") and whether it rose
    or fell last time; for stories and photos how many there are and the latest date.

    ``values`` are the measure's values, oldest first.
    """
    if not values:
        return _("No values recorded yet.")
    if measure.evidence != LocalMeasure.Evidence.NUMBER:
        count = len(values)
        latest_on = {"count": count, "date": date_format(values[-1].recorded_on, "j E Y")}
        if measure.evidence == LocalMeasure.Evidence.STORY:
            return (
                ngettext(
                    "%(count)s story, the latest on %(date)s.",
                    "%(count)s stories, the latest on %(date)s.",
                    count,
                )
                % latest_on
            )
        return (
            ngettext(
                "%(count)s photo, the latest on %(date)s.",
                "%(count)s photos, the latest on %(date)s.",
                count,
            )
            % latest_on
        )
    numbers = [v.value for v in values if v.value is not None]
    value = f"{shown_number(numbers[-1])} {measure.unit}".strip()
    trend = _("one value so far") if len(numbers) == 1 else _trend(numbers[-2], numbers[-1])
    target = _target_part(measure, numbers)
    if target is None:
        return _("%(value)s; %(trend)s.") % {"value": value, "trend": trend}
    return _("%(value)s: %(target)s; %(trend)s.") % {
        "value": value,
        "target": target,
        "trend": trend,
    }
