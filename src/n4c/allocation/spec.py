"""Fund specifications: the declarative TOML a fund is described in, read and checked once.

A specification says how big the pot is, over how many years and in what yearly profile, how it
splits between capital and revenue, which areas are eligible, by which formula the pot is shared
(with floors, caps and a minimum viable amount) and how much of it is ring-fenced for community
capacity building, shared by its own rule. Every mistake is reported with the TOML path of the
field, e.g. ``formula.floor_gbp``, so a person can find and fix it.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

from n4c import specfiles
from n4c.errors import InputError
from n4c.specfiles import check_keys, choice, flag, keys_of, read_toml

__all__ = [
    "LEVELS",
    "METHODS",
    "NEED_WEIGHTS",
    "Capacity",
    "Eligibility",
    "Formula",
    "FundSpec",
    "load_preset",
    "load_spec",
    "parse_spec",
    "preset_names",
]

Level = Literal["ward", "lsoa", "custom"]
Method = Literal["equal", "per_capita", "need", "blend"]
NeedWeight = Literal["score", "exponential_rank"]

LEVELS = ("ward", "lsoa", "custom")
#: equal per place; per head; per head × need weight; a blend of the per-head and need shares.
METHODS = ("equal", "per_capita", "need", "blend")
#: the need column's value itself, or the IoD exponential transform of its rank (0 to 100).
NEED_WEIGHTS = ("score", "exponential_rank")


@dataclass(frozen=True)
class Eligibility:
    """Which areas may receive money: every rule must hold (an empty rule admits every area)."""

    left_behind: bool | None = None
    imd_decile_max: int | None = None
    imd_decile_min: int | None = None
    population_min: int | None = None
    population_max: int | None = None
    exclude_codes: tuple[str, ...] = ()
    funded_elsewhere: tuple[str, ...] = ()
    funded_elsewhere_source: str = ""
    include_only_codes: tuple[str, ...] = ()
    select_top: int | None = None
    rank_by: tuple[str, ...] = ("imd_rank",)


@dataclass(frozen=True)
class Formula:
    """How a pot is shared among eligible areas, before and after floors and caps."""

    method: Method = "equal"
    need_column: str = "imd_score"
    need_weight: NeedWeight = "score"
    per_capita_percent: float = 0.0
    need_percent: float = 100.0
    floor_gbp: int = 0
    cap_gbp: int | None = None
    minimum_viable_gbp: int = 0


@dataclass(frozen=True)
class Capacity:
    """The ring-fenced capacity-building share: its size, its own eligibility and formula."""

    amount_gbp: int
    eligibility: Eligibility
    formula: Formula
    percent: float | None = None


@dataclass(frozen=True)
class FundSpec:
    """A whole fund: pot, years, capital/revenue split, eligibility, formula, ring-fence."""

    name: str
    level: Level
    eligibility: Eligibility
    formula: Formula
    year_labels: tuple[str, ...]
    profile_percent: tuple[float, ...]
    capital_percent: tuple[float, ...]
    pot_gbp: int | None = None
    amount_per_area_gbp: int | None = None
    pooled: tuple[tuple[str, int], ...] = ()
    capacity: Capacity | None = None
    source: str = ""
    custom_areas: Path | None = None
    path: Path | None = field(default=None, compare=False)


def _number(
    table: dict[str, object],
    key: str,
    where: str,
    path: Path | None,
    *,
    minimum: float | None = 0.0,
    maximum: float | None = None,
    whole: bool = False,
) -> float | None:
    """A number from the table, or None when absent; a clear error when it breaks a rule."""
    if key not in table:
        return None
    value = table[key]
    hint = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if minimum == 0 and value < 0:
            hint = "Weights, percentages and amounts cannot be negative."
        elif whole and math.isfinite(value) and value != int(value):
            hint = "Give whole pounds, e.g. 1000000."
    return specfiles.number(
        value,
        field=f"{where}.{key}",
        path=path,
        minimum=minimum,
        maximum=maximum,
        whole=whole,
        hint=hint,
    )


#: The largest amount in pounds a specification may name: £100 billion, above any fund n4c
#: could share, and far inside the whole numbers the allocation arithmetic holds exactly.
MAX_AMOUNT_GBP = 100_000_000_000


def _whole(table: dict[str, object], key: str, where: str, path: Path | None) -> int | None:
    value = _number(table, key, where, path, whole=True, maximum=MAX_AMOUNT_GBP)
    return None if value is None else int(value)


def _codes(table: dict[str, object], key: str, where: str, path: Path | None) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(
            "must be a list of area codes in quotes.", path=path, field=f"{where}.{key}"
        )
    return tuple(value)


_FUND_KEYS = (
    "name", "source", "level", "custom_areas", "pot_gbp", "amount_per_area_gbp", "pooled",
    "years", "year_labels", "profile_percent", "capital_percent", "revenue_percent",
)  # fmt: skip
_FORMULA_KEYS = keys_of(Formula)
_CAPACITY_KEYS = keys_of(Capacity)
_ELIGIBILITY_KEYS = keys_of(
    Eligibility,
    without=["funded_elsewhere", "funded_elsewhere_source"],
    extra=["exclude_funded_in"],
)
_SECTIONS = ("fund", "eligibility", "formula", "capacity")


def _table(raw: dict[str, object], key: str, path: Path | None) -> dict[str, object]:
    return specfiles.table(raw, key, where=key, path=path)


def _parse_eligibility(table: dict[str, object], where: str, path: Path | None) -> Eligibility:
    check_keys(table, _ELIGIBILITY_KEYS, where=where, path=path)
    left_behind = (
        flag(table, "left_behind", where=where, path=path) if "left_behind" in table else None
    )
    deciles = {}
    for key in ("imd_decile_max", "imd_decile_min"):
        value = _number(table, key, where, path, minimum=1, maximum=10, whole=True)
        deciles[key] = None if value is None else int(value)
    population_min = _whole(table, "population_min", where, path)
    population_max = _whole(table, "population_max", where, path)
    if (
        population_min is not None
        and population_max is not None
        and population_max < population_min
    ):
        raise InputError(
            f"population_max {population_max:,} is below population_min {population_min:,}.",
            path=path,
            field=f"{where}.population_max",
            value=population_max,
        )
    select_top = _number(table, "select_top", where, path, minimum=1, whole=True)
    rank_by = table.get("rank_by", "imd_rank")
    if isinstance(rank_by, str):
        rank_by = [rank_by]
    if not isinstance(rank_by, list) or not rank_by or not all(isinstance(c, str) for c in rank_by):
        raise InputError(
            "must name a rank column (1 = most in need), or a list of them to add up.",
            path=path,
            field=f"{where}.rank_by",
        )
    funded_elsewhere: tuple[str, ...] = ()
    funded_source = ""
    if "exclude_funded_in" in table:
        funded_elsewhere, funded_source = _funded_elsewhere(
            table["exclude_funded_in"], f"{where}.exclude_funded_in", path
        )
    return Eligibility(
        left_behind=left_behind,
        imd_decile_max=deciles["imd_decile_max"],
        imd_decile_min=deciles["imd_decile_min"],
        population_min=population_min,
        population_max=population_max,
        exclude_codes=_codes(table, "exclude_codes", where, path),
        funded_elsewhere=funded_elsewhere,
        funded_elsewhere_source=funded_source,
        include_only_codes=_codes(table, "include_only_codes", where, path),
        select_top=None if select_top is None else int(select_top),
        rank_by=tuple(rank_by),
    )


def _funded_elsewhere(value: object, field: str, path: Path | None) -> tuple[tuple[str, ...], str]:
    """Area codes funded by another fund: an allocation CSV (rows with total > 0) or a code list."""
    if not isinstance(value, str) or not value:
        raise InputError("must name a CSV file with an area_code column.", path=path, field=field)
    source = Path(value)
    if not source.is_absolute() and path is not None:
        source = path.parent / source
    try:
        with source.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise InputError(
            f'"{value}" could not be read ({error.strerror}).', path=path, field=field, value=value
        ) from None
    if not rows or "area_code" not in rows[0]:
        raise InputError(
            f'"{value}" has no area_code column (or no rows).', path=path, field=field, value=value
        )
    # An allocation written by `n4c allocate --out` lists every area: only those paid count.
    funded = [r for r in rows if "total" not in r or float(r["total"] or 0) > 0]
    return tuple(r["area_code"] for r in funded), source.name


def _parse_formula(table: dict[str, object], where: str, path: Path | None) -> Formula:
    check_keys(table, _FORMULA_KEYS, where=where, path=path)
    method = choice(table, "method", METHODS, "equal", where=where, path=path)
    per_capita = _number(table, "per_capita_percent", where, path, maximum=100)
    need = _number(table, "need_percent", where, path, maximum=100)
    if method == "blend":
        if per_capita is None or need is None:
            raise InputError(
                "a blend needs both per_capita_percent and need_percent (e.g. 30 and 70).",
                path=path,
                field=f"{where}.{'per_capita_percent' if per_capita is None else 'need_percent'}",
            )
        if not math.isclose(per_capita + need, 100.0, abs_tol=1e-9):
            raise InputError(
                f"per_capita_percent {per_capita:g} and need_percent {need:g} add up to {per_capita + need:g}, not 100.",
                path=path,
                field=f"{where}.need_percent",
                value=need,
            )
    floor = _whole(table, "floor_gbp", where, path) or 0
    cap = _whole(table, "cap_gbp", where, path)
    if cap is not None and cap < floor:
        raise InputError(
            f"the cap £{cap:,} is below the floor £{floor:,}; raise the cap or lower the floor.",
            path=path,
            field=f"{where}.cap_gbp",
            value=cap,
        )
    need_column = table.get("need_column", "imd_score")
    if not isinstance(need_column, str) or not need_column:
        raise InputError("must name a column.", path=path, field=f"{where}.need_column")
    return Formula(
        method=cast(Method, method),
        need_column=need_column,
        need_weight=cast(
            NeedWeight, choice(table, "need_weight", NEED_WEIGHTS, "score", where=where, path=path)
        ),
        per_capita_percent=per_capita or 0.0,
        need_percent=100.0 if need is None else need,
        floor_gbp=floor,
        cap_gbp=cap,
        minimum_viable_gbp=_whole(table, "minimum_viable_gbp", where, path) or 0,
    )


def _parse_pot(
    fund: dict[str, object], path: Path | None
) -> tuple[int | None, int | None, tuple[tuple[str, int], ...]]:
    pot = _whole(fund, "pot_gbp", "fund", path)
    per_area = _whole(fund, "amount_per_area_gbp", "fund", path)
    pooled_raw = fund.get("pooled", [])
    if not isinstance(pooled_raw, list):
        raise InputError(
            "must be a list of {name, amount_gbp} tables.", path=path, field="fund.pooled"
        )
    pooled = []
    for number, entry in enumerate(pooled_raw, start=1):
        where = f"fund.pooled[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError("each pooled fund needs a name.", path=path, field=f"{where}.name")
        amount = _whole(entry, "amount_gbp", where, path)
        if amount is None:
            raise InputError(
                "each pooled fund needs amount_gbp.", path=path, field=f"{where}.amount_gbp"
            )
        pooled.append((entry["name"], amount))
    given = [
        k
        for k, v in (
            ("pot_gbp", pot),
            ("amount_per_area_gbp", per_area),
            ("pooled", pooled or None),
        )
        if v is not None
    ]
    if len(given) != 1:
        raise InputError(
            "give exactly one of pot_gbp, amount_per_area_gbp or pooled"
            + (f" (found {', '.join(given)})." if given else "."),
            path=path,
            field="fund.pot_gbp",
        )
    if pooled:
        pot = sum(amount for _, amount in pooled)
    return pot, per_area, tuple(pooled)


def _parse_years(
    fund: dict[str, object], path: Path | None
) -> tuple[tuple[str, ...], tuple[float, ...], tuple[float, ...]]:
    labels = fund.get("year_labels")
    if labels is not None:
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(v, str) for v in labels)
        ):
            raise InputError("must be a list of year names.", path=path, field="fund.year_labels")
        if len(set(labels)) != len(labels):
            raise InputError("year names must differ.", path=path, field="fund.year_labels")
        year_labels = tuple(labels)
    else:
        years = _number(fund, "years", "fund", path, minimum=1, maximum=100, whole=True) or 1
        year_labels = tuple(f"year_{y}" for y in range(1, int(years) + 1))
    count = len(year_labels)

    def per_year(key: str, default: float, must_sum: bool) -> tuple[float, ...]:
        value = fund.get(key, default if not must_sum else None)
        if value is None:
            return tuple(100.0 / count for _ in range(count))
        values = value if isinstance(value, list) else [value] * count
        if len(values) != count:
            raise InputError(
                f"has {len(values)} values for {count} years.", path=path, field=f"fund.{key}"
            )
        checked = []
        for number, item in enumerate(values, start=1):
            where = f"{key}[{number}]" if isinstance(value, list) else key
            number_value = _number({where: item}, where, "fund", path, maximum=100)
            assert number_value is not None
            checked.append(number_value)
        if must_sum and not math.isclose(sum(checked), 100.0, abs_tol=1e-6):
            raise InputError(
                f"the yearly shares add up to {sum(checked):g}%, not 100%.",
                path=path,
                field=f"fund.{key}",
                value=value,
            )
        return tuple(checked)

    profile = per_year("profile_percent", 0.0, must_sum=True)
    capital = per_year("capital_percent", 0.0, must_sum=False)
    if "revenue_percent" in fund:
        revenue = per_year("revenue_percent", 0.0, must_sum=False)
        if "capital_percent" not in fund:
            capital = tuple(100.0 - r for r in revenue)
        for c, r in zip(capital, revenue, strict=True):
            if not math.isclose(c + r, 100.0, abs_tol=1e-6):
                raise InputError(
                    f"capital {c:g}% and revenue {r:g}% add up to {c + r:g}%, not 100%.",
                    path=path,
                    field="fund.revenue_percent",
                )
    return year_labels, profile, capital


def _parse_capacity(
    raw: dict[str, object], pot: int | None, eligibility: Eligibility, path: Path | None
) -> Capacity | None:
    if "capacity" not in raw:
        return None
    table = _table(raw, "capacity", path)
    check_keys(table, _CAPACITY_KEYS, where="capacity", path=path)
    percent = _number(table, "percent", "capacity", path, maximum=100)
    amount = _whole(table, "amount_gbp", "capacity", path)
    if (percent is None) == (amount is None):
        raise InputError(
            "give exactly one of percent or amount_gbp for the capacity-building share.",
            path=path,
            field="capacity.percent",
        )
    if percent is not None:
        if pot is None:
            raise InputError(
                "a percentage ring-fence needs a fixed pot (pot_gbp or pooled); give amount_gbp instead.",
                path=path,
                field="capacity.percent",
            )
        # Half-up to whole pounds; the main share takes the rest, so the two still add up to the pot.
        amount = math.floor(pot * percent / 100.0 + 0.5)
    assert amount is not None
    if pot is not None and amount > pot:
        raise InputError(
            f"the ring-fenced £{amount:,} is more than the pot £{pot:,}.",
            path=path,
            field="capacity.amount_gbp",
            value=amount,
        )
    sub_eligibility = (
        _parse_eligibility(_table(table, "eligibility", path), "capacity.eligibility", path)
        if "eligibility" in table
        else eligibility
    )
    formula = _parse_formula(_table(table, "formula", path), "capacity.formula", path)
    _check_floor_against_pot(formula, amount, sub_eligibility, "capacity.formula", path)
    return Capacity(
        amount_gbp=amount, eligibility=sub_eligibility, formula=formula, percent=percent
    )


def _check_floor_against_pot(
    formula: Formula, pot: int, eligibility: Eligibility, where: str, path: Path | None
) -> None:
    """Floors that exceed the pot on their own can be caught before any data is read."""
    if formula.floor_gbp > pot:
        raise InputError(
            f"the floor £{formula.floor_gbp:,} is more than the whole pot £{pot:,}.",
            path=path,
            field=f"{where}.floor_gbp",
            value=formula.floor_gbp,
        )
    if eligibility.select_top and formula.floor_gbp * eligibility.select_top > pot:
        raise InputError(
            f"floors of £{formula.floor_gbp:,} for {eligibility.select_top:,} areas need "
            f"£{formula.floor_gbp * eligibility.select_top:,}, more than the pot £{pot:,}.",
            path=path,
            field=f"{where}.floor_gbp",
            value=formula.floor_gbp,
        )


def parse_spec(spec: Mapping[str, Any], path: Path | None = None) -> FundSpec:
    """Check a fund specification already read from TOML; ``path`` is named in errors."""
    raw: dict[str, object] = dict(spec)
    check_keys(raw, _SECTIONS, where="", path=path)
    if "fund" not in raw:
        raise InputError("the [fund] table is missing.", path=path, field="fund")
    fund = _table(raw, "fund", path)
    check_keys(fund, _FUND_KEYS, where="fund", path=path)
    name = fund.get("name")
    if not isinstance(name, str) or not name:
        raise InputError("fund.name must be a non-empty text value.", path=path, field="fund.name")
    level = choice(fund, "level", LEVELS, "ward", where="fund", path=path)
    custom = fund.get("custom_areas")
    custom_path: Path | None = None
    if level == "custom":
        if not isinstance(custom, str):
            raise InputError(
                "a custom level needs custom_areas, a CSV of neighbourhood_code, neighbourhood_name, lsoa11_code.",
                path=path,
                field="fund.custom_areas",
            )
        custom_path = Path(custom)
        if not custom_path.is_absolute() and path is not None:
            custom_path = path.parent / custom_path
    pot, per_area, pooled = _parse_pot(fund, path)
    year_labels, profile, capital = _parse_years(fund, path)
    eligibility = _parse_eligibility(_table(raw, "eligibility", path), "eligibility", path)
    formula = _parse_formula(_table(raw, "formula", path), "formula", path)
    if per_area is not None and formula.method != "equal":
        raise InputError(
            "amount_per_area_gbp gives every area the same amount; use the equal method, or give pot_gbp for a formula.",
            path=path,
            field="formula.method",
            value=formula.method,
        )
    capacity = _parse_capacity(raw, pot, eligibility, path)
    if pot is not None:
        main_pot = pot - (capacity.amount_gbp if capacity else 0)
        _check_floor_against_pot(formula, main_pot, eligibility, "formula", path)
    return FundSpec(
        name=name,
        level=cast(Level, level),
        eligibility=eligibility,
        formula=formula,
        year_labels=year_labels,
        profile_percent=profile,
        capital_percent=capital,
        pot_gbp=pot,
        amount_per_area_gbp=per_area,
        pooled=pooled,
        capacity=capacity,
        source=str(fund.get("source", "")),
        custom_areas=custom_path,
        path=path,
    )


def load_spec(path: str | Path) -> FundSpec:
    """Read and check a fund specification from a TOML file."""
    path = Path(path)
    return parse_spec(read_toml(path), path)


def preset_names() -> list[str]:
    """Names of the fund presets shipped with n4c (``allocation/presets/*.toml``)."""
    folder = resources.files("n4c.allocation") / "presets"
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_preset(name: str) -> FundSpec:
    """One of the presets shipped with n4c, by name (see :func:`preset_names`)."""
    names = preset_names()
    if name not in names:
        raise InputError(
            f'"{name}" is not a preset; choose one of {", ".join(names)}.',
            field="--preset",
            value=name,
        )
    with resources.as_file(resources.files("n4c.allocation") / "presets" / f"{name}.toml") as path:
        return load_spec(path)
