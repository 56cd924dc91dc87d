"""The results pages' figures: responses handed to :func:`n4c.evaluate.surveys.summarise_responses`
by site and wave, and the open-data table of those totals (never one person's answers)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from n4c.evaluate.surveys import WAVES, SurveyResult, load_questionnaire, summarise_responses
from n4c.platform.surveys.models import Response, Site

__all__ = ["OPEN_DATA_COLUMNS", "open_data_rows", "results_by_outcome", "results_for"]

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
        result.extra["wave_label"] = WAVES.get(result.wave, result.wave)
        result.extra.update(_shown(result))
    return results


def _shown(result: SurveyResult) -> dict[str, Any]:
    """The figure and interval as the page shows them (percentages; means to one decimal),
    and the bar's length out of 100."""
    if result.estimate is None or result.ci_low is None or result.ci_high is None:
        return {}
    if result.measure == "proportion":
        low, high = result.ci_low * 100, result.ci_high * 100
        return {
            "figure": f"{result.estimate * 100:.0f}%",
            "interval": f"{low:.0f}% to {high:.0f}%",
            "bar": round(result.estimate * 100, 1),
        }
    return {
        "figure": f"{result.estimate:.1f}",
        "interval": f"{result.ci_low:.1f} to {result.ci_high:.1f}",
        "bar": round(result.estimate * 10, 1),
    }


def results_by_outcome(results: list[SurveyResult]) -> list[dict[str, Any]]:
    """The results grouped by outcome, in the questionnaire's order, each with its question."""
    questionnaire = load_questionnaire()
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
            ]
        )
    return rows
