"""Progress of a local measure in words, from its values over time and its target."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from n4c.platform.measures.models import LocalMeasure, MeasureValue

__all__ = ["describe_progress", "shown_number"]


def shown_number(number: Decimal) -> str:
    """A number as people write it: 1,250 not 1250.00, 2.5 not 2.50."""
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0")


def _trend(previous: Decimal, latest: Decimal) -> str:
    if latest > previous:
        return "rising"
    if latest < previous:
        return "falling"
    return "no change"


def describe_progress(measure: LocalMeasure, values: Sequence[MeasureValue]) -> str:
    """Where the measure stands, in a sentence: for numbers the latest value, how far it has come
    towards the target since the first value ("3 of 5 towards target 10") and whether it rose
    or fell last time; for stories and photos how many there are and the latest date.

    ``values`` are the measure's values, oldest first.
    """
    if not values:
        return "No values recorded yet."
    if measure.evidence != LocalMeasure.Evidence.NUMBER:
        noun = "story" if measure.evidence == LocalMeasure.Evidence.STORY else "photo"
        plural = "stories" if noun == "story" else "photos"
        count = len(values)
        return (
            f"{count} {noun if count == 1 else plural}, the latest on "
            f"{values[-1].recorded_on:%-d %B %Y}."
        )
    numbers = [v.value for v in values if v.value is not None]
    first, latest = numbers[0], numbers[-1]
    parts = [f"{shown_number(latest)} {measure.unit}".strip()]
    target = measure.target
    better = 1 if measure.direction == LocalMeasure.Direction.HIGHER else -1
    if target is not None:
        if (latest - target) * better >= 0:
            parts.append(f"target {shown_number(target)} met")
        elif len(numbers) == 1:
            parts.append(f"target {shown_number(target)}")
        else:
            needed = (target - first) * better
            gained = (latest - first) * better
            if needed > 0 and gained >= 0:
                parts.append(
                    f"{shown_number(gained)} of {shown_number(needed)} towards target "
                    f"{shown_number(target)}"
                )
            else:
                parts.append(
                    f"{shown_number(-gained)} further from target {shown_number(target)} "
                    "than at the start"
                )
    trend = "one value so far" if len(numbers) == 1 else _trend(numbers[-2], latest)
    head, *rest = parts
    return f"{head}: {'; '.join([*rest, trend])}." if rest else f"{head}; {trend}."
