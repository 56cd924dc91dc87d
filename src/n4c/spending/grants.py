"""Checking one grant against the 360Giving standard and finding where it was spent.

:func:`check_grant` takes a grant as read from a file (nested as in the JSON standard) and
returns what to store, or nothing, and every problem found, each naming the grant and the
field. Errors reject the grant; warnings keep it and say what is wrong.

Location follows the convention GrantNav adopted: the beneficiary location when it has a
geographic code, else the recipient organisation's location; which was used is recorded. A
grant with several coded locations is split equally among them (to the penny); a location
outside England keeps its share, which then counts as not placed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from n4c.spending.apportion import split_equally
from n4c.spending.geography import Geography
from n4c.spending.parsing import normalise_code, parse_amount_pence, parse_date
from n4c.spending.standard import ANALYSIS_REQUIRED, QUALITY_REQUIRED, geo_code_types

__all__ = ["CheckedGrant", "GrantLocation", "Problem", "check_grant"]

Severity = Literal["error", "warning"]
# org-id.guide identifiers: a country or 360G, a list (GB-CHC), then the organisation's own id.
_ORG_ID = re.compile(r"^([A-Z]{2}|360G)-[A-Za-z0-9]+-\S+")


@dataclass(slots=True)
class Problem:
    """One thing wrong with one grant: where (grant number in the file, id, field) and what."""

    grant_index: int
    grant_id: str | None
    field: str
    value: object
    message: str
    severity: Severity


@dataclass(slots=True)
class GrantLocation:
    """One coded location of a grant and the pence of the grant it carries."""

    position: int
    source: Literal["beneficiary", "recipient"]
    geo_code: str
    level: str | None
    amount_pence: int
    grant_share: float
    reason: str | None


@dataclass(slots=True)
class CheckedGrant:
    """A grant fit to store: the fields the analysis reads and where it was spent."""

    grant_id: str
    title: str | None
    funder_id: str
    funder_name: str
    recipient_id: str | None
    recipient_name: str | None
    amount_pence: int
    award_date: dt.date
    location_source: str | None
    locations: tuple[GrantLocation, ...]
    unlocated_reason: str | None


class _Checker:
    """Collects the problems of one grant, naming fields as the user's file names them."""

    __slots__ = ("failed", "grant_id", "index", "problems", "titles")

    def __init__(self, index: int, grant_id: str | None, titles: dict[str, str] | None) -> None:
        self.index = index
        self.grant_id = grant_id
        self.titles = titles
        self.problems: list[Problem] = []
        self.failed = False

    def add(self, field: str, value: object, message: str, severity: Severity = "error") -> None:
        name = self.titles.get(field, field) if self.titles else field
        self.problems.append(Problem(self.index, self.grant_id, name, value, message, severity))
        self.failed = self.failed or severity == "error"


def _text(value: object) -> str | None:
    if type(value) is str:
        value = value.strip()
        return value or None
    return None


def _organisations(raw: dict, key: str, check: _Checker, *, required: bool) -> list[dict]:
    value = raw.get(key)
    if value is None:
        if required:
            check.add(key, None, f"{key} is required by the 360Giving standard and is missing.")
        return []
    if type(value) is not list or any(type(item) is not dict for item in value):
        check.add(key, value, f"{key} must be a list of organisations, each with an id and a name.")
        return []
    if not value and required:
        check.add(key, value, f"{key} is required by the 360Giving standard and is empty.")
    for position, organisation in enumerate(value):
        org_id = _text(organisation.get("id"))
        if org_id is None:
            check.add(
                f"{key}/{position}/id",
                organisation.get("id"),
                "an organisation's id is required by the 360Giving standard and is missing.",
            )
        elif not _ORG_ID.match(org_id):
            check.add(
                f"{key}/{position}/id",
                org_id,
                f'"{org_id}" does not look like an org-id.guide identifier (such as GB-CHC-1126147).',
                "warning",
            )
        if _text(organisation.get("name")) is None:
            check.add(
                f"{key}/{position}/name",
                organisation.get("name"),
                "an organisation's name is required by the 360Giving standard and is missing.",
            )
    return value


def _check_code_type(path: str, code: str, code_type: object, check: _Checker) -> None:
    types = geo_code_types()
    name = str(code_type).strip()
    if not name:
        return
    if name not in types:
        check.add(
            f"{path}/geoCodeType",
            code_type,
            f'"{code_type}" is not in the 360Giving geoCodeType codelist; the code "{code}" was '
            "read by its own prefix.",
            "warning",
        )
    elif code[:3] not in types[name]:
        check.add(
            f"{path}/geoCodeType",
            code_type,
            f'"{name}" does not match the code "{code}" (a {code[:3]} code); the code was used.',
            "warning",
        )


def _coded(locations: object, path: str, check: _Checker) -> list[tuple[int, str]]:
    if locations is None:
        return []
    if type(locations) is not list:
        check.add(path, locations, f"{path} must be a list of locations.", "warning")
        return []
    types = geo_code_types()
    coded = []
    for position, location in enumerate(locations):
        if type(location) is not dict:
            check.add(f"{path}/{position}", location, "a location must be an object.", "warning")
            continue
        raw_code = location.get("geoCode")
        if raw_code is None:
            continue
        if type(raw_code) is not str:
            check.add(f"{path}/{position}/geoCode", raw_code, "geoCode must be text.", "warning")
            continue
        code = normalise_code(raw_code)
        if code is None:
            continue
        code_type = location.get("geoCodeType")
        # The usual case, a listed type that fits the code, needs no message and no path.
        if code_type is not None and (
            type(code_type) is not str or code[:3] not in types.get(code_type, ())
        ):
            _check_code_type(f"{path}/{position}", code, code_type, check)
        coded.append((position, code))
    return coded


def _locate(
    raw: dict, recipients: list[dict], amount_pence: int, geography: Geography, check: _Checker
) -> tuple[str | None, tuple[GrantLocation, ...], str | None]:
    source: Literal["beneficiary", "recipient"] = "beneficiary"
    coded = _coded(raw.get("beneficiaryLocation"), "beneficiaryLocation", check)
    if not coded:
        source = "recipient"
        for number, organisation in enumerate(recipients):
            if "location" in organisation:
                path = f"recipientOrganization/{number}/location"
                coded.extend(_coded(organisation["location"], path, check))
    if not coded:
        reason = "no geographic code in its beneficiary or recipient locations"
        if any(_text(o.get("postalCode")) for o in recipients):
            reason += "; the recipient's postcode would need a postcode lookup, which n4c lacks"
        return None, (), reason + "."
    count = len(coded)
    shares = split_equally(amount_pence, count) if count > 1 else (amount_pence,)
    locations = []
    placed = False
    for (position, code), pence in zip(coded, shares, strict=True):
        level, unplaced = geography.place(code)
        placed = placed or level is not None
        locations.append(GrantLocation(position, source, code, level, pence, 1 / count, unplaced))
    if not placed:
        return (
            source,
            tuple(locations),
            " ".join(dict.fromkeys(loc.reason or "" for loc in locations)),
        )
    return source, tuple(locations), None


def check_grant(
    raw: object,
    index: int,
    geography: Geography,
    *,
    amounts_as_text: bool = False,
    titles: dict[str, str] | None = None,
) -> tuple[CheckedGrant | None, list[Problem]]:
    """Check one grant and place it; return the grant to store (or None) and its problems.

    ``index`` is the grant's 1-based number in its file. ``amounts_as_text`` accepts amounts
    written as text (spreadsheets); in JSON the standard requires a number. ``titles`` maps
    JSON paths to the column titles of a spreadsheet, so problems name the user's column.
    """
    if not isinstance(raw, dict):
        check = _Checker(index, None, titles)
        check.add("grants", raw, "each grant must be a JSON object.")
        return None, check.problems
    grant_id = _text(raw.get("id"))
    check = _Checker(index, grant_id, titles)
    for field in ANALYSIS_REQUIRED:
        value = raw.get(field)
        if value is None or (type(value) is str and not value.strip()):
            check.add(
                field,
                raw.get(field),
                f"{field} is required by the 360Giving standard and is missing.",
            )
    if raw.get("id") is not None and grant_id is None:
        check.add("id", raw.get("id"), "id must be text, such as 360G-example-001.")
    for field in QUALITY_REQUIRED:
        if _text(raw.get(field)) is None:
            check.add(
                field,
                raw.get(field),
                f"{field} is required by the 360Giving standard and is missing; the grant is kept "
                "because the analysis does not use it.",
                "warning",
            )

    currency = raw.get("currency")
    if currency != "GBP" and (currency := _text(currency)) is not None and currency != "GBP":
        check.add(
            "currency",
            currency,
            f'"{currency}" is not GBP; n4c maps amounts in pounds sterling, so convert them first.',
        )

    amount_pence = 0
    amount = raw.get("amountAwarded")
    if amount is not None:
        if isinstance(amount, str) and not amounts_as_text:
            check.add(
                "amountAwarded",
                amount,
                f'"{amount}" is text; the standard needs a number, written without quotes.',
            )
        else:
            try:
                amount_pence = parse_amount_pence(amount)
            except ValueError as error:
                check.add("amountAwarded", amount, str(error))
            else:
                if amount_pence < 0:
                    check.add(
                        "amountAwarded",
                        amount,
                        "a negative amount (a returned or cancelled grant) is not mapped.",
                    )
                elif amount_pence == 0:
                    check.add("amountAwarded", amount, "the amount awarded is zero.", "warning")

    award_date = None
    if raw.get("awardDate") is not None:
        try:
            award_date, day_first = parse_date(raw["awardDate"])
        except ValueError as error:
            check.add("awardDate", raw["awardDate"], str(error))
        else:
            if day_first:
                check.add(
                    "awardDate",
                    raw["awardDate"],
                    f'"{raw["awardDate"]}" is not YYYY-MM-DD; it was read day first as '
                    f"{award_date.isoformat()}.",
                    "warning",
                )
    modified = raw.get("dateModified")
    if modified is not None:
        try:
            parse_date(modified)
        except ValueError as error:
            check.add("dateModified", modified, str(error), "warning")

    funders = _organisations(raw, "fundingOrganization", check, required=False)
    has_individual = isinstance(raw.get("recipientIndividual"), dict)
    recipients = _organisations(raw, "recipientOrganization", check, required=not has_individual)
    if check.failed or award_date is None or not funders:
        return None, check.problems

    location_source, locations, unlocated_reason = _locate(
        raw, recipients, amount_pence, geography, check
    )
    recipient = recipients[0] if recipients else raw.get("recipientIndividual", {})
    grant = CheckedGrant(
        grant_id=grant_id or "",
        title=_text(raw.get("title")),
        funder_id=_text(funders[0].get("id")) or "",
        funder_name=_text(funders[0].get("name")) or "",
        recipient_id=_text(recipient.get("id")),
        recipient_name=_text(recipient.get("name")),
        amount_pence=amount_pence,
        award_date=award_date,
        location_source=location_source,
        locations=locations,
        unlocated_reason=unlocated_reason,
    )
    return grant, check.problems
