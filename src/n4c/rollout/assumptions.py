"""The editable assumptions of the rollout and cost model: posts, caseloads, pay and costs.

The defaults live in ``assumptions.toml`` beside this module and cite the estimate of the
Network for Communities report. A user's TOML file is laid over the defaults: tables merge key
by key and ``[[roles]]`` entries merge by their ``key``, so a file holding only
``[costs] on_costs_percent = 30`` is enough.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from n4c import specfiles
from n4c.errors import InputError
from n4c.rollout import bounds
from n4c.specfiles import check_depth, check_keys, keys_of, read_toml
from n4c.words import gettext as _

__all__ = [
    "COST_TABLES",
    "PROFILES",
    "Assumptions",
    "Role",
    "assumptions_from_dict",
    "cost_line_label",
    "default_assumptions",
    "default_assumptions_dict",
    "load_assumptions",
    "merge_assumptions",
]

RoleGroup = Literal["caseload", "cross_cutting"]
Profile = Literal["even", "ramp"]

#: Phasing profiles by name: "even" adds the same number of areas each year, "ramp" 1 : 2 : 3 ….
PROFILES: tuple[Profile, ...] = ("even", "ramp")
#: The cost tables of the file: yearly per post, per supported area, and fixed per year.
COST_TABLES = ("per_post", "per_area", "fixed")
_GROUPS = ("caseload", "cross_cutting")


@dataclass(frozen=True)
class Role:
    """A kind of post: how many areas one post covers and what it is paid."""

    key: str
    title: str
    group: RoleGroup
    areas_per_post: float
    salary_gbp: float


@dataclass(frozen=True)
class Assumptions:
    """Everything the model assumes, validated; build with :func:`load_assumptions`."""

    roles: tuple[Role, ...]
    on_costs_percent: float
    per_post_gbp: dict[str, float]
    per_area_gbp: dict[str, float]
    fixed_gbp: dict[str, float]
    profile: Profile = "even"
    cohort_shares: tuple[float, ...] | None = None
    source: str = ""
    estimate: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def role(self, key: str) -> Role:
        """The role called ``key``."""
        for role in self.roles:
            if role.key == key:
                return role
        raise InputError(
            _('there is no role "%(role)s"; the roles are %(roles)s.')
            % {"role": key, "roles": ", ".join(r.key for r in self.roles)},
            field="roles",
            value=key,
        )


#: The keys each table may hold; cost lines are named freely (ending in _gbp).
_TABLES = ("source", "phasing", "roles", "costs")
_KEYS = {
    "source": ("name", "estimate"),
    "phasing": ("profile", "cohort_shares"),
    "costs": ("on_costs_percent", *COST_TABLES),
}
_ROLE_KEYS = keys_of(Role)


def _check_keys(raw: dict[str, Any], path: Path | None) -> None:
    """Refuse misspelt keys, which merging over the defaults would otherwise keep and ignore."""
    check_keys(raw, _TABLES, where="", path=path)
    for name, allowed in _KEYS.items():
        if isinstance(raw.get(name), dict):
            check_keys(raw[name], allowed, where=name, path=path)
    roles = raw.get("roles")
    for number, entry in enumerate(roles if isinstance(roles, list) else [], start=1):
        if isinstance(entry, dict):
            check_keys(entry, _ROLE_KEYS, where=f"roles[{number}]", path=path)


def default_assumptions_dict() -> dict[str, Any]:
    """The built-in assumptions as the nested dictionary read from ``assumptions.toml``."""
    with resources.as_file(resources.files("n4c.rollout") / "assumptions.toml") as path:
        return read_toml(path)


def merge_assumptions(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Lay ``override`` over ``base``: tables merge by key, ``roles`` merge by their ``key``.

    Examples
    --------
    >>> base = {"costs": {"on_costs_percent": 28, "fixed": {"governance_gbp": 1}}}
    >>> merge_assumptions(base, {"costs": {"on_costs_percent": 30}})["costs"]
    {'on_costs_percent': 30, 'fixed': {'governance_gbp': 1}}
    """
    check_depth(override)
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if key == "roles" and isinstance(value, list) and isinstance(merged.get("roles"), list):
            merged["roles"] = _merge_roles(merged["roles"], value)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_assumptions(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _merge_roles(base: list[Any], override: list[Any]) -> list[Any]:
    roles = [dict(r) for r in base if isinstance(r, dict)]
    by_key = {r.get("key"): r for r in roles}
    for entry in override:
        if isinstance(entry, dict) and entry.get("key") in by_key:
            by_key[entry["key"]].update(copy.deepcopy(entry))
        else:
            roles.append(copy.deepcopy(entry))
    return roles


def _number(
    value: object, *, path: Path | None, where: str, bound: bounds.Bound | None = None
) -> float:
    if bound is not None:
        return bound.check(value, field=where, path=path)
    return specfiles.number(value, field=where, path=path)


def _table(raw: dict[str, Any], key: str, *, path: Path | None, where: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise InputError(
            _("[%(table)s] must be a table.") % {"table": where}, path=path, field=where
        )
    return value


def _role(entry: object, number: int, *, path: Path | None) -> Role:
    where = f"roles[{number}]"
    if not isinstance(entry, dict):
        raise InputError(_("each [[roles]] entry must be a table."), path=path, field=where)
    key = entry.get("key")
    if not isinstance(key, str) or not key.isidentifier():
        raise InputError(
            _('"%(key)s" is not a role key; use lower-case words joined by _, like "adviser".')
            % {"key": key},
            path=path,
            field=f"{where}.key",
            value=key,
        )
    group = entry.get("group", "cross_cutting")
    if group not in _GROUPS:
        raise InputError(
            _('"%(group)s" is not a role group; choose caseload or cross_cutting.')
            % {"group": group},
            path=path,
            field=f"{where}.group",
            value=group,
        )
    for required in ("areas_per_post", "salary_gbp"):
        if required not in entry:
            raise InputError(
                _('role "%(role)s" needs %(key)s.') % {"role": key, "key": required},
                path=path,
                field=f"{where}.{required}",
            )
    return Role(
        key=key,
        title=str(entry.get("title", key.replace("_", " ").capitalize())),
        group=group,
        areas_per_post=_number(
            entry["areas_per_post"],
            path=path,
            where=f"{where}.areas_per_post",
            bound=bounds.AREAS_PER_POST,
        ),
        salary_gbp=_number(
            entry["salary_gbp"], path=path, where=f"{where}.salary_gbp", bound=bounds.SALARY_GBP
        ),
    )


def _cost_lines(costs: dict[str, Any], table: str, *, path: Path | None) -> dict[str, float]:
    where = f"costs.{table}"
    lines = _table(costs, table, path=path, where=where)
    result = {}
    for name, value in lines.items():
        if not name.endswith("_gbp"):
            raise InputError(
                _('cost line "%(line)s" must name its unit: end it with _gbp, like "travel_gbp".')
                % {"line": name},
                path=path,
                field=f"{where}.{name}",
            )
        result[name] = _number(
            value, path=path, where=f"{where}.{name}", bound=bounds.COST_LINE_GBP
        )
    return result


def assumptions_from_dict(raw: dict[str, Any], *, path: Path | None = None) -> Assumptions:
    """Validate a nested dictionary (as read from TOML) into :class:`Assumptions`.

    Raises
    ------
    InputError
        Naming the file, the field and the rule when a value is missing or wrong.
    """
    _check_keys(raw, path)
    entries = raw.get("roles")
    if not isinstance(entries, list) or not entries:
        raise InputError(_("at least one [[roles]] entry is needed."), path=path, field="roles")
    roles = tuple(_role(entry, number, path=path) for number, entry in enumerate(entries, 1))
    keys = [r.key for r in roles]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise InputError(
            _("role keys must be unique; %(keys)s appears more than once.")
            % {"keys": ", ".join(repeated)},
            path=path,
            field="roles",
        )
    costs = _table(raw, "costs", path=path, where="costs")
    lines = {table: _cost_lines(costs, table, path=path) for table in COST_TABLES}
    names = [name for table in lines.values() for name in table]
    clashes = sorted(
        {n for n in names if n in ("salaries_gbp", "on_costs_gbp") or names.count(n) > 1}
    )
    if clashes:
        raise InputError(
            _("cost line names must be unique and not salaries_gbp or on_costs_gbp: %(lines)s.")
            % {"lines": ", ".join(clashes)},
            path=path,
            field="costs",
        )
    phasing = _table(raw, "phasing", path=path, where="phasing")
    profile = phasing.get("profile", "even")
    if profile not in PROFILES:
        raise InputError(
            # PROFILES are "even" and "ramp": keys a person types, kept in every language.
            _('"%(profile)s" is not a phasing profile; choose even or ramp.')
            % {"profile": profile},
            path=path,
            field="phasing.profile",
            value=profile,
        )
    shares = phasing.get("cohort_shares")
    cohort_shares = None
    if shares is not None:
        if not isinstance(shares, list) or not shares:
            raise InputError(
                _("phasing.cohort_shares must be a list of numbers, one per year."),
                path=path,
                field="phasing.cohort_shares",
            )
        cohort_shares = tuple(
            _number(s, path=path, where=f"phasing.cohort_shares[{i}]")
            for i, s in enumerate(shares, 1)
        )
        if sum(cohort_shares) == 0:
            raise InputError(
                _("phasing.cohort_shares must not all be 0."),
                path=path,
                field="phasing.cohort_shares",
            )
    source = _table(raw, "source", path=path, where="source")
    return Assumptions(
        roles=roles,
        on_costs_percent=_number(
            costs.get("on_costs_percent", 0),
            path=path,
            where="costs.on_costs_percent",
            bound=bounds.ON_COSTS_PERCENT,
        ),
        per_post_gbp=lines["per_post"],
        per_area_gbp=lines["per_area"],
        fixed_gbp=lines["fixed"],
        profile=profile,
        cohort_shares=cohort_shares,
        source=str(source.get("name", path.name if path else "")),
        estimate=str(source.get("estimate", "")),
        raw=raw,
    )


def default_assumptions() -> Assumptions:
    """The built-in assumptions (``n4c/rollout/assumptions.toml``)."""
    return assumptions_from_dict(default_assumptions_dict())


def load_assumptions(path: str | Path | None = None) -> Assumptions:
    """The defaults, with the TOML file at ``path`` (if any) laid over them.

    Raises
    ------
    InputError
        When the file is missing, is not TOML, or holds a value the model cannot use.
    """
    raw = default_assumptions_dict()
    if path is None:
        return assumptions_from_dict(raw)
    path = Path(path)
    if not path.is_file():
        raise InputError(
            _("cannot read the assumptions file (no such file)."),
            path=path,
            hint=_("Check the path; `n4c rollout --help` shows where the defaults are."),
        )
    override = read_toml(path)
    # Checked before merging, so a role's number is its place in this file.
    _check_keys(override, path)
    merged = merge_assumptions(raw, override)
    merged.setdefault("source", {})["name"] = f"n4c defaults with {path.name}"
    return assumptions_from_dict(merged, path=path)


def cost_line_label(line: str) -> str:
    """A cost line's key in words, as pages and tables show it: "staff_training_gbp" is
    "Staff training"."""
    return line.removesuffix("_gbp").replace("_", " ").capitalize()
