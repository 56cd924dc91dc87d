"""The results pages' figures: responses handed to :func:`n4c.evaluate.surveys.summarise_responses`
by site and wave, and the open-data table of those totals (never one person's answers), each with
the support days delivered before its wave (the dose)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from n4c.evaluate.surveys import (
    MIN_RESPONSES,
    WAVES,
    SurveyResult,
    load_questionnaire,
    summarise_responses,
)
from n4c.platform.surveys.models import WAVE_NAMES, Response, Site, Wave

__all__ = [
    "OPEN_DATA_COLUMNS",
    "open_data_rows",
    "results_by_outcome",
    "results_for",
    "support_days_before_waves",
]

OPEN_DATA_COLUMNS = [
    "site",
    "site_kind",
    "ward_code",
    "wave",
    "outcome",
    "measure",
    "responses",
    "effective_n",
    "estimate",
    "ci_low_95",
    "ci_high_95",
    "weighted",
    "suppressed",
    "questionnaire_version",
    "support_days_before_wave",
]


def results_for(sites: Iterable[Site]) -> list[SurveyResult]:
    """Each outcome's result for each of ``sites`` and their waves (site by its id)."""
    by_id = {site.pk: site for site in sites}
    responses = Response.objects.filter(wave__site__in=by_id.keys()).select_related("wave")
    rows = [
        {
            "site": str(r.wave.site_id),
            "wave": r.wave.kind,
            "weight": r.weight,
            **r.answers,
        }
        for r in responses
    ]
    results = summarise_responses(rows)
    for result in results:
        result.extra["site"] = by_id[int(result.site)]
        result.extra["wave_label"] = str(
            WAVE_NAMES.get(result.wave, WAVES.get(result.wave, result.wave))
        )
        result.extra.update(_shown(result), note=_note(result))
    days = support_days_before_waves(by_id.values())
    for result in results:
        result.extra["support_days"] = days.get((int(result.site), result.wave))
    return results


def support_days_before_waves(sites: Iterable[Site]) -> dict[tuple[int, str], Decimal]:
    """The support days delivered to each supported site's area in the calendar months before
    each of its waves opened, from the support log, by (site id, wave); 0 for a comparison ward,
    which has no support from the Network. This is the dose for ``n4c evaluate did --dose``."""
    from n4c.platform.areas.models import Area
    from n4c.platform.support_log.models import SupportEntry
    from n4c.platform.support_log.report import support_by_month

    sites = list(sites)
    waves = Wave.objects.filter(site__in=[site.pk for site in sites]).select_related("site")
    days: dict[tuple[int, str], Decimal] = {}
    delivered: dict[int, dict[dt.date, Decimal]] = {}
    for wave in waves:
        if wave.site.kind == Site.Kind.COMPARATOR:
            days[(wave.site_id, wave.kind)] = Decimal(0)
            continue
        area_id = wave.site.area_id
        if area_id not in delivered:
            entries = SupportEntry.objects.filter(area_id=area_id).order_by("date")
            first = entries.values_list("date", flat=True).first()
            last = max(w.opens_on for w in waves if w.site.area_id == area_id)
            months = (
                support_by_month(first.replace(day=1), last, areas=Area.objects.filter(pk=area_id))
                if first is not None and first < last
                else []
            )
            delivered[area_id] = {m.month_start: m.delivered_days for m in months}
        opened = wave.opens_on.replace(day=1)
        days[(wave.site_id, wave.kind)] = sum(
            (d for month, d in delivered[area_id].items() if month < opened), Decimal(0)
        )
    return days


def _shown(result: SurveyResult) -> dict[str, Any]:
    """The figure and interval as the page shows them (percentages; means to one decimal),
    and the bar's length out of 100."""
    if result.estimate is None or result.ci_low is None or result.ci_high is None:
        return {}
    if result.measure == "proportion":
        low, high = result.ci_low * 100, result.ci_high * 100
        return {
            "figure": f"{result.estimate * 100:.0f}%",
            "interval": _("%(low)s to %(high)s") % {"low": f"{low:.0f}%", "high": f"{high:.0f}%"},
            "bar": round(result.estimate * 100, 1),
        }
    return {
        "figure": f"{result.estimate:.1f}",
        "interval": _("%(low)s to %(high)s")
        % {"low": f"{result.ci_low:.1f}", "high": f"{result.ci_high:.1f}"},
        "bar": round(result.estimate * 10, 1),
    }


def _note(result: SurveyResult) -> str:
    """What the page says beside a figure, in the reader's language: why it is not shown, or
    that it is weighted (the words of ``n4c.evaluate``'s note, which the CLI prints)."""
    if result.suppressed:
        return ngettext(
            "Not shown: %(count)s answer, fewer than %(minimum)s, too few to estimate.",
            "Not shown: %(count)s answers, fewer than %(minimum)s, too few to estimate.",
            result.responses,
        ) % {"count": result.responses, "minimum": MIN_RESPONSES}
    if result.weighted and result.effective_n is not None:
        return _("Weighted; effective sample size %(effective)s of %(count)s answers (Kish).") % {
            "effective": f"{result.effective_n:.1f}",
            "count": result.responses,
        }
    return result.note


def results_by_outcome(results: list[SurveyResult]) -> list[dict[str, Any]]:
    """The results grouped by outcome, in the questionnaire's order, each with its question
    worded in the reader's language."""
    questionnaire = load_questionnaire().in_language(get_language())
    return [
        {
            "question": question,
            "results": [r for r in results if r.outcome == question.id],
        }
        for question in questionnaire.outcomes
        if any(r.outcome == question.id for r in results)
    ]


def open_data_rows(results: list[SurveyResult]) -> list[list[Any]]:
    version = load_questionnaire().version
    rows = []
    for r in results:
        site = r.extra["site"]
        rows.append(
            [
                site.name,
                site.kind,
                site.ward_code,
                r.wave,
                r.outcome,
                r.measure,
                r.responses,
                None if r.effective_n is None else round(r.effective_n, 1),
                None if r.estimate is None else round(r.estimate, 4),
                None if r.ci_low is None else round(r.ci_low, 4),
                None if r.ci_high is None else round(r.ci_high, 4),
                r.weighted,
                r.suppressed,
                version,
                r.extra.get("support_days"),
            ]
        )
    return rows
