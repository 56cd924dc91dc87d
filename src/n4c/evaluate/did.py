"""Difference-in-differences on a panel of units (wards, say) observed over several periods.

The panel has one row per unit and period with a ``treated`` column (1 for a unit ever
supported, constant within the unit), a ``post`` column (1 in the periods after its support
started, so always 0 for a unit never supported) and a numeric outcome.

- The default estimate is two-way fixed effects (a constant for each unit and each period) of
  the outcome on ``post``, fitted with statsmodels after taking out each unit's mean (which is
  exact, the Frisch-Waugh-Lovell theorem, and keeps large panels cheap). Standard errors are
  clustered by unit (Stata's convention: the small-sample factor does not count the absorbed
  unit constants, which sit inside the clusters), and the 95% interval uses Student's t with
  (units − 1) degrees of freedom.
- ``event_study=True`` is robust to staggered starts: the interaction-weighted estimator of Sun
  and Abraham (2021), one coefficient per start period (cohort) and period relative to the start,
  with the units never supported as the comparison group and the period just before the start
  as the reference. Each relative period's estimate averages the cohorts weighted by how many
  units they have there; the headline estimate averages the periods from the start on, weighted
  by observations. Coefficients before the start are the pre-trend check, with a joint Wald test.
- ``dose`` replaces ``post`` by ``dose × post``, a linear dose response: the estimate is the
  change in the outcome for each unit of dose (for example one more day of support).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from n4c.errors import InputError

__all__ = ["ASSUMPTIONS", "DidResult", "estimate_did", "read_panel"]

#: What every estimate here assumes, in plain English.
ASSUMPTIONS: tuple[str, ...] = (
    "Parallel trends: without support, the supported units' average outcome would have changed "
    "by the same amount as the comparison units'.",
    "No anticipation: the outcome did not change in the periods before support started because "
    "support was expected.",
    "No spill-overs: support for one unit did not change the outcome of any other unit, "
    "comparison units included.",
    "Stable units and measures: the same units are measured the same way in every period.",
    "Standard errors are clustered by unit, so outcomes may be correlated over time within a unit; "
    "with fewer than about 30 units in either group they can be too small.",
    "The estimate is an association under these assumptions; it is the effect of support only if "
    "they hold.",
)
_STAGGERED = (
    "Support starts in different periods: the two-way fixed effects estimate then also compares "
    "later-supported units with earlier-supported ones and is biased if the effect changes over "
    "time; the event study (--event-study) avoids this."
)
_DOSE = (
    "Dose response: each extra unit of dose changes the outcome by the same amount, and units "
    "given different doses would have changed alike without support."
)
_EVENT = (
    "Event study: each start period's supported units are compared only with units never "
    "supported, relative to the period just before support started."
)


@dataclass(frozen=True)
class DidResult:
    """A difference-in-differences estimate with its interval, counts, assumptions and warnings."""

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    n_units: int
    n_obs: int
    n_treated_units: int
    n_periods: int
    method: str
    assumptions: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())
    event_study: tuple[dict[str, Any], ...] | None = None
    pre_trend_p_value: float | None = None

    def as_json(self) -> dict[str, Any]:
        """The result as ``n4c evaluate did --json`` prints it."""
        body: dict[str, Any] = {
            "estimate": self.estimate,
            "se": self.se,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "n_units": self.n_units,
            "n_obs": self.n_obs,
            "n_treated_units": self.n_treated_units,
            "n_periods": self.n_periods,
            "method": self.method,
            "assumptions": list(self.assumptions),
            "warnings": list(self.warnings),
        }
        if self.event_study is not None:
            body["event_study"] = list(self.event_study)
            body["pre_trend_p_value"] = self.pre_trend_p_value
        return body


def read_panel(path: str | Path) -> pd.DataFrame:
    """Read a panel CSV as text columns (checked and converted by :func:`estimate_did`)."""
    import io

    from n4c.textfiles import read_text

    text = read_text(path, rows=True).text
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(
            f"could not be read as CSV ({str(error).strip().rstrip('.')}).", path=path
        ) from None
    frame.attrs["path"] = str(path)
    return frame


def _fail(
    message: str, frame: pd.DataFrame, *, row: int | None = None, column: str | None = None
) -> InputError:
    return InputError(message, path=frame.attrs.get("path"), row=row, field=column)


def _numbers(frame: pd.DataFrame, column: str, what: str) -> np.ndarray:
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(np.float64)
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        value = raw.iloc[bad[0]]
        said = "is blank" if str(value).strip() == "" else f'"{value}" is not a number'
        raise _fail(
            f"{said}; {what} must be a number in every row.",
            frame,
            row=int(bad[0]) + 1,
            column=column,
        )
    return values


def _flags(frame: pd.DataFrame, column: str) -> np.ndarray:
    values = _numbers(frame, column, f"{column} (0 or 1)")
    bad = np.flatnonzero((values != 0) & (values != 1))
    if bad.size:
        raise _fail(
            f'"{frame[column].iloc[bad[0]]}" is not 0 or 1; {column} must be 0 or 1.',
            frame,
            row=int(bad[0]) + 1,
            column=column,
        )
    return values.astype(np.int64)


def _period_order(values: pd.Series) -> pd.Series:
    """Each period's position 0, 1, ... in time: numbers in numeric order, else text order (ISO dates)."""
    numeric = pd.to_numeric(values, errors="coerce")
    keys = numeric if numeric.notna().all() else values
    order = {value: i for i, value in enumerate(sorted(keys.unique()))}
    return keys.map(order).astype(np.int64)


@dataclass(frozen=True)
class _Panel:
    unit: np.ndarray  # unit index 0..n_units − 1
    period: np.ndarray  # period index 0..n_periods − 1
    treated: np.ndarray
    post: np.ndarray
    outcome: np.ndarray
    dose: np.ndarray | None
    unit_names: np.ndarray
    start: np.ndarray  # each unit's first post period, −1 if never supported
    warnings: tuple[str, ...]


def _check_panel(
    frame: pd.DataFrame,
    *,
    unit: str,
    time: str,
    treated: str,
    post: str,
    outcome: str,
    dose: str | None,
    allow_unbalanced: bool,
) -> _Panel:
    options = {
        "--unit": unit,
        "--time": time,
        "--treated": treated,
        "--post": post,
        "--outcome": outcome,
    }
    if dose is not None:
        options["--dose"] = dose
    for option, column in options.items():
        if column not in frame.columns:
            raise _fail(
                f'has no column "{column}" (given as {option}); its columns are '
                f"{', '.join(map(str, frame.columns))}.",
                frame,
                row=0,
                column=column,
            )
    if frame.empty:
        raise _fail("has no rows of data.", frame, row=0)
    for column in (unit, time):
        blank = np.flatnonzero(frame[column].astype(str).str.strip() == "")
        if blank.size:
            raise _fail(
                "is blank; every row needs a unit and a period.",
                frame,
                row=int(blank[0]) + 1,
                column=column,
            )
    y = _numbers(frame, outcome, f"the outcome ({outcome})")
    is_treated = _flags(frame, treated)
    is_post = _flags(frame, post)
    amount = None
    if dose is not None:
        amount = _numbers(frame, dose, f"the dose ({dose})")
        negative = np.flatnonzero(amount < 0)
        if negative.size:
            raise _fail(
                "is negative; a dose must be 0 or more.",
                frame,
                row=int(negative[0]) + 1,
                column=dose,
            )
    codes, names = pd.factorize(frame[unit], sort=True)
    period = _period_order(frame[time]).to_numpy()
    rows = np.arange(len(frame)) + 1

    duplicated = pd.DataFrame({"u": codes, "t": period}).duplicated().to_numpy()
    if duplicated.any():
        i = int(np.flatnonzero(duplicated)[0])
        raise _fail(
            f'unit "{names[codes[i]]}" has more than one row for period "{frame[time].iloc[i]}"; '
            "give one row per unit and period.",
            frame,
            row=int(rows[i]),
            column=time,
        )
    order = np.lexsort((period, codes))
    first_of_unit = np.r_[True, codes[order][1:] != codes[order][:-1]]
    by_unit = pd.DataFrame({"u": codes, "treated": is_treated, "post": is_post})
    spread = by_unit.groupby("u")["treated"].agg(["min", "max"])
    mixed = spread.index[spread["min"] != spread["max"]]
    if len(mixed):
        u = int(mixed[0])
        raise _fail(
            f'unit "{names[u]}" has both 0 and 1 in {treated}; it must be the same in every row of '
            "a unit (1 for a unit ever supported).",
            frame,
            row=int(
                rows[np.flatnonzero((codes == u) & (is_treated != is_treated[codes == u][0]))[0]]
            ),
            column=treated,
        )
    wrong = np.flatnonzero((is_treated == 0) & (is_post == 1))
    if wrong.size:
        i = int(wrong[0])
        raise _fail(
            f'unit "{names[codes[i]]}" is never supported ({treated} is 0) but has {post} = 1; '
            f"{post} can be 1 only for supported units.",
            frame,
            row=int(rows[i]),
            column=post,
        )
    sorted_post = is_post[order]
    starts_supported = np.flatnonzero(first_of_unit & (sorted_post == 1))
    if starts_supported.size:
        i = int(order[starts_supported[0]])
        raise _fail(
            f'unit "{names[codes[i]]}" has {post} = 1 in its first period, so it is never seen '
            "before its start; a supported unit needs at least one period before support.",
            frame,
            row=int(rows[i]),
            column=post,
        )
    stopped = np.flatnonzero(
        ~first_of_unit & (sorted_post == 0) & (np.r_[0, sorted_post[:-1]] == 1)
    )
    if stopped.size:
        i = int(order[stopped[0]])
        raise _fail(
            f'unit "{names[codes[i]]}" has {post} back at 0 after it was 1; once support starts '
            f"{post} must stay 1.",
            frame,
            row=int(rows[i]),
            column=post,
        )
    never_post = spread.index[
        (spread["max"] == 1) & ~by_unit.groupby("u")["post"].max().astype(bool)
    ]
    if len(never_post):
        u = int(never_post[0])
        raise _fail(
            f'unit "{names[u]}" is marked supported ({treated} = 1) but {post} is never 1; mark it '
            f"0 if its support started after the last period.",
            frame,
            row=int(rows[np.flatnonzero(codes == u)[0]]),
            column=post,
        )
    n_units, n_periods = len(names), int(period.max()) + 1
    if is_treated.max() == 0:
        raise _fail(
            f"no unit has {treated} = 1, so there is nothing to estimate.", frame, column=treated
        )
    if is_treated.min() == 1:
        raise _fail(
            f"every unit has {treated} = 1; add units never supported to compare with.",
            frame,
            column=treated,
        )
    warnings = []
    counts = np.bincount(codes, minlength=n_units)
    if (counts < n_periods).any():
        u = int(np.flatnonzero(counts < n_periods)[0])
        seen = set(period[codes == u])
        gap = next(p for p in range(n_periods) if p not in seen)
        label = sorted(frame[time].unique(), key=lambda v: _sort_key(frame[time], v))[gap]
        short = int((counts < n_periods).sum())
        said = (
            f'the panel is unbalanced: {short:,} of {n_units:,} units lack some periods (unit "{names[u]}" '
            f'has no row for period "{label}")'
        )
        if not allow_unbalanced:
            raise _fail(
                f"{said}. Add the missing rows, or use --allow-unbalanced to estimate anyway.",
                frame,
                column=unit,
            )
        warnings.append(f"{said[0].upper()}{said[1:]}; estimated anyway, as asked.")
    start = np.full(n_units, -1, dtype=np.int64)
    supported_rows = is_post == 1
    first = pd.Series(period[supported_rows]).groupby(codes[supported_rows]).min()
    start[first.index.to_numpy()] = first.to_numpy()
    return _Panel(
        unit=codes,
        period=period,
        treated=is_treated,
        post=is_post,
        outcome=y,
        dose=amount,
        unit_names=np.asarray(names, dtype=object),
        start=start,
        warnings=tuple(warnings),
    )


def _sort_key(values: pd.Series, value: Any) -> Any:
    numeric = pd.to_numeric(values, errors="coerce")
    return float(value) if numeric.notna().all() else value


def _demeaned(panel: _Panel, columns: np.ndarray) -> np.ndarray:
    """Each column minus its unit's mean: the unit constants taken out."""
    frame = pd.DataFrame(columns)
    return (frame - frame.groupby(panel.unit).transform("mean")).to_numpy(np.float64)


def _fit(panel: _Panel, regressors: np.ndarray) -> Any:
    """OLS of the outcome on ``regressors`` and period dummies, unit constants absorbed, clustered."""
    import statsmodels.api as sm

    periods = np.eye(int(panel.period.max()) + 1)[panel.period][:, 1:]
    design = _demeaned(panel, np.column_stack([regressors, periods]))
    y = _demeaned(panel, panel.outcome[:, None])[:, 0]
    return sm.OLS(y, design).fit(
        cov_type="cluster", cov_kwds={"groups": panel.unit, "use_correction": True}
    )


def _interval(estimate: float, se: float, clusters: int) -> tuple[float, float]:
    from scipy import stats

    half = float(stats.t.ppf(0.975, max(clusters - 1, 1))) * se
    return estimate - half, estimate + half


def _combine(weights: np.ndarray, params: np.ndarray, cov: np.ndarray) -> tuple[float, float]:
    """A weighted sum of coefficients and its standard error."""
    return float(weights @ params), float(np.sqrt(max(weights @ cov @ weights, 0.0)))


def _event_study(panel: _Panel) -> tuple[float, float, list[dict[str, Any]], float | None]:
    never = panel.start[panel.unit] < 0
    if not never.any():
        raise InputError(
            "the event study needs units never supported to compare with; the panel has none.",
            field="--event-study",
        )
    cohort = panel.start[panel.unit]
    relative = panel.period - cohort
    cells = sorted(
        {(int(g), int(e)) for g, e in zip(cohort[~never], relative[~never], strict=True) if e != -1}
    )
    if not cells:
        raise InputError(
            "the event study needs periods other than the one just before support started.",
            field="--event-study",
        )
    columns = np.column_stack([(cohort == g) & (relative == e) & ~never for g, e in cells]).astype(
        np.float64
    )
    fitted = _fit(panel, columns)
    params = np.asarray(fitted.params)
    cov = np.asarray(fitted.cov_params())
    width = len(params)
    counts = columns.sum(axis=0)
    clusters = int(panel.unit.max()) + 1
    periods = []
    for e in sorted({e for _, e in cells}):
        weights = np.zeros(width)
        chosen = [i for i, (_, cell_e) in enumerate(cells) if cell_e == e]
        weights[chosen] = counts[chosen] / counts[chosen].sum()
        estimate, se = _combine(weights, params, cov)
        low, high = _interval(estimate, se, clusters)
        periods.append(
            {
                "relative_period": e,
                "estimate": estimate,
                "se": se,
                "ci_low": low,
                "ci_high": high,
                "n_obs": int(counts[chosen].sum()),
            }
        )
    periods.append(
        {"relative_period": -1, "estimate": 0.0, "se": 0.0, "ci_low": 0.0, "ci_high": 0.0,
         "n_obs": int(((relative == -1) & ~never).sum()), "reference": True}
    )  # fmt: skip
    periods.sort(key=lambda row: row["relative_period"])
    after = [i for i, (_, e) in enumerate(cells) if e >= 0]
    weights = np.zeros(width)
    weights[after] = counts[after] / counts[after].sum()
    estimate, se = _combine(weights, params, cov)
    before = [i for i, (_, e) in enumerate(cells) if e < -1]
    p_value = None
    if before:
        restriction = np.zeros((len(before), width))
        restriction[np.arange(len(before)), before] = 1.0
        p_value = float(fitted.wald_test(restriction, scalar=True, use_f=True).pvalue)
    return estimate, se, periods, p_value


def estimate_did(
    frame: pd.DataFrame,
    *,
    unit: str,
    time: str,
    treated: str,
    post: str,
    outcome: str,
    dose: str | None = None,
    event_study: bool = False,
    allow_unbalanced: bool = False,
) -> DidResult:
    """Difference-in-differences of ``outcome``: supported units against the others.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per unit and period (text or numbers, as :func:`read_panel` gives).
    unit, time, treated, post, outcome : str
        Column names: the unit, the period (numbers or dates written YYYY-MM-DD), 1 for a unit
        ever supported, 1 in the periods after its support starts, and the outcome.
    dose : str, optional
        A column of the dose (0 or more); the estimate is then the change per unit of dose.
    event_study : bool
        Estimate per period relative to the start (Sun and Abraham), robust to staggered starts.
    allow_unbalanced : bool
        Estimate even when some units lack some periods (a warning says so); refused otherwise.

    Returns
    -------
    DidResult

    Raises
    ------
    InputError
        One sentence naming the column (and row) for: a missing column, a non-numeric outcome,
        treated or post not 0/1, treated varying within a unit, post = 1 for a unit never
        supported, a unit with post = 1 in its first period, post going back to 0, duplicate
        rows, an unbalanced panel (unless allowed), or no supported or no comparison units.

    Examples
    --------
    >>> panel = pd.DataFrame({
    ...     "ward": ["a", "a", "b", "b", "c", "c", "d", "d"],
    ...     "year": [2015, 2019] * 4,
    ...     "supported": [1, 1, 1, 1, 0, 0, 0, 0],
    ...     "after": [0, 1, 0, 1, 0, 0, 0, 0],
    ...     "score": [10.0, 14.0, 20.0, 25.0, 11.0, 12.0, 21.0, 21.0],
    ... })
    >>> result = estimate_did(panel, unit="ward", time="year", treated="supported",
    ...                       post="after", outcome="score")
    >>> round(result.estimate, 6), result.n_units, result.n_obs
    (4.0, 4, 8)
    """
    if dose is not None and event_study:
        raise InputError(
            "choose either --dose or --event-study; n4c does not combine them.", field="--dose"
        )
    panel = _check_panel(
        frame,
        unit=unit,
        time=time,
        treated=treated,
        post=post,
        outcome=outcome,
        dose=dose,
        allow_unbalanced=allow_unbalanced,
    )
    clusters = int(panel.unit.max()) + 1
    starts = {int(s) for s in panel.start if s >= 0}
    staggered = len(starts) > 1
    warnings = list(panel.warnings)
    assumptions = list(ASSUMPTIONS)
    event_rows: tuple[dict[str, Any], ...] | None = None
    p_value = None
    if event_study:
        estimate, se, periods, p_value = _event_study(panel)
        event_rows = tuple(periods)
        method = (
            "Event study (Sun and Abraham interaction-weighted), unit and period fixed effects; "
            "the estimate averages the periods from the start of support on."
        )
        assumptions.append(_EVENT)
        if p_value is not None and p_value < 0.05:
            warnings.append(
                f"The coefficients before support started differ from 0 (joint test p = "
                f"{p_value:.3f}): the trends may not have been parallel."
            )
        if p_value is None:
            warnings.append(
                "No period before the reference one, so there is no pre-trend check; parallel "
                "trends is assumed, not tested."
            )
    else:
        regressor = panel.post.astype(np.float64)
        if panel.dose is not None:
            regressor = regressor * panel.dose
            if not regressor.any():
                raise InputError(
                    f"the dose ({dose}) is 0 in every row where support has started, so there "
                    "is no dose to compare.",
                    field=dose,
                )
            assumptions.append(_DOSE)
        fitted = _fit(panel, regressor[:, None])
        estimate = float(np.asarray(fitted.params)[0])
        se = float(np.asarray(fitted.bse)[0])
        method = (
            "Two-way fixed effects (unit and period), "
            + (f"dose response per unit of {dose}" if dose else "supported after the start")
            + "; standard errors clustered by unit."
        )
        if staggered:
            assumptions.append(_STAGGERED)
            warnings.append(_STAGGERED)
    low, high = _interval(estimate, se, clusters)
    return DidResult(
        estimate=estimate,
        se=se,
        ci_low=low,
        ci_high=high,
        n_units=clusters,
        n_obs=len(panel.outcome),
        n_treated_units=int((panel.start >= 0).sum()),
        n_periods=int(panel.period.max()) + 1,
        method=method,
        assumptions=tuple(assumptions),
        warnings=tuple(warnings),
        event_study=event_rows,
        pre_trend_p_value=p_value,
    )
