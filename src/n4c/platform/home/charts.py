"""Bar charts drawn without script or inline style (the site's CSP allows neither): each bar is
an SVG rectangle whose width is its share of the largest value, and every chart comes with a
table of the same numbers. The figures come from the apps that own them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format

__all__ = ["COLOURS", "Bar", "Chart", "bar_chart", "month_label"]

#: One colour a series, GOV.UK blue then dark grey (each at least 3:1 against white).
COLOURS = ("#1d70b8", "#505a5f")

Number = int | float | Decimal


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label, a value a series, and each value's width (0 to 100)."""

    label: str
    values: tuple[Number, ...]
    widths: tuple[float, ...]

    @property
    def rects(self) -> list[tuple[int, float, str]]:
        """Each value's rectangle: its top (10 units a series), width and colour."""
        return [(i * 10, width, COLOURS[i]) for i, width in enumerate(self.widths)]


@dataclass(frozen=True)
class Chart:
    title: str
    series: tuple[tuple[str, str], ...]  # (name, colour)
    bars: tuple[Bar, ...]
    unit: str

    @property
    def is_empty(self) -> bool:
        return all(value == 0 for bar in self.bars for value in bar.values)


def month_label(month_start: dt.date) -> str:
    """The month's short name and year in the reader's language, like "Mar 2026"."""
    return date_format(month_start, "M Y")  # untranslated: a date format


def bar_chart(
    title: str, series: Sequence[str], rows: Sequence[tuple[str, Sequence[Number]]], *, unit: str
) -> Chart:
    """A chart of ``rows`` (label, one value per series), scaled to the largest value."""
    top = max((value for _, values in rows for value in values), default=0) or 1
    bars = tuple(
        Bar(
            label=label,
            values=tuple(values),
            widths=tuple(round(float(value) / float(top) * 100, 1) for value in values),
        )
        for label, values in rows
    )
    return Chart(
        title=title,
        series=tuple(zip(series, COLOURS, strict=False)),
        bars=bars,
        unit=unit,
    )
