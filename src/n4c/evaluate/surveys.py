"""Residents' surveys: the questionnaire as data, and each outcome's estimate for a site and wave
with its 95% confidence interval.

The questionnaire (``questionnaires/residents.toml``) holds each question's wording, answers and
source: the Community Life Survey's questions on belonging, satisfaction with the local area,
trust, getting on well, pulling together, influence and formal volunteering, and the ONS4
personal well-being questions. A choice question reports the share giving one of its
``positive`` answers (answers in ``excluded``, such as "Don't know", leave the base); a 0 to 10
scale reports its mean. Questions marked ``about_you`` (age band, sex) are never reported.
The file also holds the wording in Polish and Urdu (a ``[pl]``/``[ur]`` table for the title,
introduction and consent words, and one under each question for its text, hint, scale ends and
answer labels by code); :meth:`Questionnaire.in_language` gives the questionnaire in a reader's
language, English (the source text) when it has none.

Proportions take the Wilson interval (statsmodels ``proportion_confint``); means take Student's
t interval. With survey weights the estimates are weighted and the intervals use Kish's
effective sample size, (sum of weights)^2 / sum of squared weights, which the result states.
A result from fewer than :data:`MIN_RESPONSES` answers is suppressed: no estimate is shown.
"""

from __future__ import annotations

import io
import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from n4c.errors import InputError

__all__ = [
    "MIN_RESPONSES",
    "TRANSLATED",
    "WAVES",
    "Question",
    "Questionnaire",
    "SurveyResult",
    "effective_sample_size",
    "estimate_mean",
    "estimate_proportion",
    "load_questionnaire",
    "read_responses",
    "read_weights",
    "summarise_responses",
]

#: Results from fewer answers than this are suppressed: too few to say anything, and a small
#: count could point to one person.
MIN_RESPONSES = 10
#: The survey's waves, in order: before support starts, then two and four years in.
WAVES = {"baseline": "Baseline", "year_2": "Year 2", "year_4": "Year 4"}
_HERE = Path(__file__).parent / "questionnaires"
SCALE = range(0, 11)
#: The languages the questionnaire's wording is translated into (English is the source).
TRANSLATED = ("pl", "ur")
#: What a translation may replace: the words, never the codes or how results are counted.
_WORDING = ("text", "hint", "low", "high", "source", "outcome")
_QUESTIONNAIRE_WORDING = ("title", "introduction", "consent_wording")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    source: str
    kind: Literal["choice", "scale"]
    options: tuple[tuple[str, str], ...] = ()
    positive: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    outcome: str = ""
    hint: str = ""
    low: str = ""
    high: str = ""
    place_or_people: str = ""
    about_you: bool = False
    #: The wording by language code: ``text``, ``hint``, ``low``, ``high`` and ``options``
    #: (answer labels by code).
    translations: Mapping[str, Mapping[str, Any]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def in_language(self, language: str) -> Question:
        """This question worded in ``language`` (a code such as "pl"), else in English."""
        wording = self.translations.get(language)
        if not wording:
            return self
        labels = wording.get("options", {})
        return replace(
            self,
            **{key: wording[key] for key in _WORDING if key in wording},
            options=tuple((code, labels.get(code, label)) for code, label in self.options),
        )

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in self.options]

    def check(self, value: str) -> str | int:
        """``value`` (an answer code, an answer's words or a 0 to 10 score) as stored, or
        ValueError with the rule."""
        value = value.strip()
        if self.kind == "scale":
            if value.isdigit() and int(value) in SCALE:
                return int(value)
            raise ValueError("must be a whole number from 0 to 10")
        for code, label in self.options:
            if value in (code, label):
                return code
        raise ValueError("must be one of " + ", ".join(self.codes))


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    title: str
    introduction: str
    consent_wording: str
    questions: tuple[Question, ...]
    translations: Mapping[str, Mapping[str, str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def in_language(self, language: str | None) -> Questionnaire:
        """The questionnaire worded in ``language`` (such as "pl", or "pl-pl"), else in English;
        the codes, and so the answers stored, are the same in every language."""
        code = (language or "").split("-")[0].lower()
        if code not in self.translations:
            return self
        wording = self.translations[code]
        return replace(
            self,
            title=wording["title"],
            introduction=wording["introduction"],
            consent_wording=wording["consent_wording"],
            questions=tuple(q.in_language(code) for q in self.questions),
        )

    @property
    def outcomes(self) -> list[Question]:
        """The questions whose results are reported."""
        return [q for q in self.questions if not q.about_you]

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)


@cache
def load_questionnaire(name: str = "residents") -> Questionnaire:
    """The questionnaire ``questionnaires/<name>.toml``; refuses a translation that misses or
    adds wording (every language words every question, hint, scale end and answer)."""
    path = _HERE / f"{name}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    questions = []
    for q in data.pop("questions"):
        translations = {language: q.pop(language) for language in TRANSLATED if language in q}
        question = Question(
            **{
                **q,
                "options": tuple(tuple(pair) for pair in q.get("options", ())),
                "positive": tuple(q.get("positive", ())),
                "excluded": tuple(q.get("excluded", ())),
            },
            translations=translations,
        )
        for language in TRANSLATED:
            _check_wording(question, translations.get(language, {}), language, path)
        questions.append(question)
    translations = {language: data.pop(language) for language in TRANSLATED if language in data}
    for language in TRANSLATED:
        if set(translations.get(language, {})) != set(_QUESTIONNAIRE_WORDING):
            raise InputError(
                f"has no full [{language}] table; give its "
                + ", ".join(_QUESTIONNAIRE_WORDING)
                + ".",
                path=path,
            )
    return Questionnaire(**data, questions=tuple(questions), translations=translations)


def _check_wording(
    question: Question, wording: Mapping[str, Any], language: str, path: Path
) -> None:
    """``wording`` words in ``language`` exactly what the question words in English."""
    wanted = {key for key in _WORDING if getattr(question, key)}
    given = set(wording) - {"options"}
    labels = set(wording.get("options", {}))
    if given != wanted or labels != set(question.codes):
        raise InputError(
            f'words question "{question.id}" in {language} with '
            + (", ".join(sorted(given | {f"options {c}" for c in labels})) or "nothing")
            + "; it needs "
            + ", ".join(sorted(wanted | {f"options {c}" for c in question.codes}))
            + ".",
            path=path,
        )


def effective_sample_size(weights: Sequence[float]) -> float:
    """Kish's effective sample size: (sum of weights)^2 / sum of squared weights."""
    total = math.fsum(weights)
    squares = math.fsum(w * w for w in weights)
    return total * total / squares if squares else 0.0


@dataclass
class SurveyResult:
    """One outcome at one site and wave: the estimate and its 95% interval, or suppressed."""

    site: str
    wave: str
    outcome: str
    label: str
    measure: Literal["proportion", "mean"]
    responses: int
    effective_n: float | None = None
    estimate: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    weighted: bool = False
    suppressed: bool = False
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        return data


def _suppressed(n: int) -> str:
    return (
        f"Not shown: {n} answer{'s' if n != 1 else ''}, fewer than {MIN_RESPONSES}, "
        "too few to estimate."
    )


def estimate_proportion(
    values: Sequence[bool], weights: Sequence[float] | None = None
) -> dict[str, Any]:
    """The (weighted) share of true ``values`` with its 95% Wilson interval; with weights, the
    interval uses the effective sample size."""
    from statsmodels.stats.proportion import proportion_confint

    n = len(values)
    if weights is None:
        count, nobs = float(sum(values)), float(n)
    else:
        nobs = effective_sample_size(weights)
        share = math.fsum(w for v, w in zip(values, weights, strict=True) if v) / math.fsum(weights)
        count = share * nobs
    low, high = proportion_confint(count, nobs, alpha=0.05, method="wilson")
    return {"estimate": count / nobs, "ci_low": float(low), "ci_high": float(high), "n": nobs}


def estimate_mean(
    values: Sequence[float], weights: Sequence[float] | None = None
) -> dict[str, Any]:
    """The (weighted) mean with its 95% t interval: standard error from the weighted variance
    and the effective sample size, degrees of freedom effective n - 1 (the usual interval when
    unweighted)."""
    from scipy.stats import t

    w = [1.0] * len(values) if weights is None else list(weights)
    total = math.fsum(w)
    mean = math.fsum(x * wi for x, wi in zip(values, w, strict=True)) / total
    nobs = effective_sample_size(w)
    variance = math.fsum(wi * (x - mean) ** 2 for x, wi in zip(values, w, strict=True)) / total
    se = math.sqrt(variance / (nobs - 1))
    margin = float(t.ppf(0.975, nobs - 1)) * se
    return {"estimate": mean, "ci_low": mean - margin, "ci_high": mean + margin, "n": nobs}


def summarise_responses(
    responses: Iterable[Mapping[str, Any]], questionnaire: Questionnaire | None = None
) -> list[SurveyResult]:
    """Each outcome's result for each site and wave, from responses holding ``site``, ``wave``,
    the answers by question id (codes, or 0 to 10 scores) and optionally ``weight``.

    Weighted when every response of a site and wave has a weight; a blank answer, or an excluded
    one ("Don't know"), leaves that response out of that outcome's base; a question no response
    answered is left out."""
    questionnaire = questionnaire or load_questionnaire()
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    asked: set[str] = set()
    for response in responses:
        groups.setdefault((str(response["site"]), str(response["wave"])), []).append(response)
        asked.update(key for key, value in response.items() if value not in (None, ""))
    wave_order = list(WAVES)
    results = []
    for (site, wave), rows in sorted(
        groups.items(),
        key=lambda item: (
            item[0][0],
            wave_order.index(item[0][1]) if item[0][1] in wave_order else len(wave_order),
        ),
    ):
        weighted = all(row.get("weight") not in (None, "") for row in rows)
        for question in questionnaire.outcomes:
            if question.id in asked:
                results.append(_result(site, wave, question, rows, weighted=weighted))
    return results


def _result(
    site: str, wave: str, question: Question, rows: list[Mapping[str, Any]], *, weighted: bool
) -> SurveyResult:
    answered = [
        row
        for row in rows
        if row.get(question.id) not in (None, "") and row.get(question.id) not in question.excluded
    ]
    measure: Literal["proportion", "mean"] = "mean" if question.kind == "scale" else "proportion"
    result = SurveyResult(
        site=site,
        wave=wave,
        outcome=question.id,
        label=question.outcome,
        measure=measure,
        responses=len(answered),
        weighted=weighted,
    )
    if len(answered) < MIN_RESPONSES:
        result.suppressed = True
        result.note = _suppressed(len(answered))
        return result
    weights = [float(row["weight"]) for row in answered] if weighted else None
    if measure == "mean":
        found = estimate_mean([float(row[question.id]) for row in answered], weights)
    else:
        found = estimate_proportion(
            [row[question.id] in question.positive for row in answered], weights
        )
    result.estimate, result.ci_low, result.ci_high = (
        found["estimate"],
        found["ci_low"],
        found["ci_high"],
    )
    result.effective_n = found["n"]
    if weighted:
        result.note = (
            f"Weighted; effective sample size {found['n']:.1f} of {len(answered)} answers (Kish)."
        )
    return result


def read_responses(
    path: str | Path, questionnaire: Questionnaire | None = None
) -> list[dict[str, Any]]:
    """Responses from a CSV: columns ``site``, ``wave`` (baseline, year_2 or year_4), one column
    per question id (answer codes or their words; scores 0 to 10), and optionally ``weight``
    (a positive number). Refuses bad input in one sentence naming the row and column."""
    import csv

    from n4c.textfiles import read_text

    questionnaire = questionnaire or load_questionnaire()
    reader = csv.DictReader(io.StringIO(read_text(path, rows=True).text))
    header = [name.strip() for name in reader.fieldnames or []]
    for needed in ("site", "wave"):
        if needed not in header:
            raise InputError(
                f'has no "{needed}" column.',
                path=path,
                hint="Add site and wave columns, then one column for each question.",
            )
    known = {q.id for q in questionnaire.questions}
    if not known & set(header):
        raise InputError(
            "has no column for any question.",
            path=path,
            hint="Name the columns by question id, such as " + ", ".join(sorted(known)[:3]) + ".",
        )
    rows = []
    for number, raw in enumerate(reader, start=1):
        raw = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        row: dict[str, Any] = {"site": raw["site"], "wave": raw["wave"]}
        if not row["site"]:
            raise InputError("is blank; every response needs its site.", path, number, "site")
        if row["wave"] not in WAVES:
            raise InputError(
                f'"{row["wave"]}" is not a wave; use ' + ", ".join(WAVES) + ".",
                path,
                number,
                "wave",
                row["wave"],
            )
        for question in questionnaire.questions:
            value = raw.get(question.id, "")
            if value:
                try:
                    row[question.id] = question.check(value)
                except ValueError as error:
                    raise InputError(
                        f'"{value}" {error}.', path, number, question.id, value
                    ) from None
        if raw.get("weight"):
            row["weight"] = _weight(raw["weight"], path, number)
        rows.append(row)
    if not rows:
        raise InputError("has no responses under its header.", path=path)
    return rows


def _weight(value: str, path: str | Path | None, row: int) -> float:
    """A survey weight: a positive, finite number."""
    try:
        weight = float(value)
    except ValueError:
        weight = math.nan
    if not (math.isfinite(weight) and weight > 0):
        raise InputError(
            f'"{value}" is not a positive number; a weight must be one.', path, row, "weight", value
        )
    return weight


def read_weights(text: str, *, name: str | Path | None = None) -> dict[str, float]:
    """Survey weights from CSV text with columns ``response_id`` and ``weight``, by response id;
    refuses a missing column, a repeated id or a weight that is not a positive number."""
    import csv

    reader = csv.DictReader(io.StringIO(text))
    header = [column.strip() for column in reader.fieldnames or []]
    for needed in ("response_id", "weight"):
        if needed not in header:
            raise InputError(
                f'has no "{needed}" column.',
                path=name,
                hint="Give one row per response: response_id,weight.",
            )
    weights: dict[str, float] = {}
    for number, raw in enumerate(reader, start=1):
        raw = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        response_id = raw["response_id"]
        if response_id in weights:
            raise InputError(
                f'"{response_id}" appears twice; give each response one weight.',
                name,
                number,
                "response_id",
                response_id,
            )
        weights[response_id] = _weight(raw["weight"], name, number)
    if not weights:
        raise InputError("has no weights under its header.", path=name)
    return weights
