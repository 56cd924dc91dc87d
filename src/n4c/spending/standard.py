"""What the 360Giving Data Standard requires of a grant, its spreadsheet titles and its codelist.

The rules here are read from the standard's grant schema (ThreeSixtyGiving/standard,
``schema/360-giving-schema.json``, version 1.4): a grant requires ``id``, ``title``,
``description``, ``currency``, ``amountAwarded``, ``awardDate``, ``fundingOrganization`` and
either ``recipientOrganization`` or ``recipientIndividual``; an organisation requires ``id`` and
``name``; dates are ``YYYY-MM-DD`` or a full date-time. Running the whole JSON Schema on every
grant costs about a millisecond, which is 15 minutes for a million grants, so these checks are
written out once here and run in microseconds.

The schema does not enforce ``geoCodeType``; the codelist ships in ``files/geoCodeType.csv``
(CC BY 4.0, see ``files/SOURCES.md``) and :func:`geo_code_types` reads it.

What n4c itself publishes is checked more strictly, once per file rather than per grant read:
:func:`package_problems` runs ``files/360giving-package.schema.json`` (n4c's transcription of
the standard's package and grant rules, with the geoCodeType codes added) with ``jsonschema``.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

__all__ = [
    "ANALYSIS_REQUIRED",
    "QUALITY_REQUIRED",
    "SPREADSHEET_TITLES",
    "geo_code_types",
    "key_for_title",
    "package_problems",
]

# Fields the standard requires and the fair-share analysis cannot do without: a grant missing
# one of these is rejected.
ANALYSIS_REQUIRED = ("id", "currency", "amountAwarded", "awardDate", "fundingOrganization")
# Fields the standard requires but the analysis never reads: many older publishers left them
# out, so a grant missing one is kept and the gap is reported as a warning.
QUALITY_REQUIRED = ("title", "description")

# Spreadsheet column titles (flatten-tool "titles" mode) for the fields n4c reads. A list field
# may carry an index ("Beneficiary Location:1:Geographic Code"); without one it means item 0.
SPREADSHEET_TITLES: dict[str, str] = {
    "Identifier": "id",
    "Title": "title",
    "Description": "description",
    "Currency": "currency",
    "Amount Awarded": "amountAwarded",
    "Award Date": "awardDate",
    "Last modified": "dateModified",
    "Recipient Org:Identifier": "recipientOrganization/0/id",
    "Recipient Org:Name": "recipientOrganization/0/name",
    "Recipient Org:Postal Code": "recipientOrganization/0/postalCode",
    "Recipient Org:Location:Name": "recipientOrganization/0/location/0/name",
    "Recipient Org:Location:Geographic Code": "recipientOrganization/0/location/0/geoCode",
    "Recipient Org:Location:Geographic Code Type": "recipientOrganization/0/location/0/geoCodeType",
    "Recipient Ind:Identifier": "recipientIndividual/id",
    "Recipient Ind:Name": "recipientIndividual/name",
    "Funding Org:Identifier": "fundingOrganization/0/id",
    "Funding Org:Name": "fundingOrganization/0/name",
    "Beneficiary Location:Name": "beneficiaryLocation/0/name",
    "Beneficiary Location:Geographic Code": "beneficiaryLocation/0/geoCode",
    "Beneficiary Location:Geographic Code Type": "beneficiaryLocation/0/geoCodeType",
}

_INDEXED = re.compile(r"^(Beneficiary Location|Recipient Org:Location):(\d+):(.+)$")


def key_for_title(title: str) -> str | None:
    """The JSON path (``beneficiaryLocation/1/geoCode``) of a spreadsheet title, or None.

    >>> key_for_title("Beneficiary Location:1:Geographic Code")
    'beneficiaryLocation/1/geoCode'
    >>> key_for_title("Amount Awarded ")
    'amountAwarded'
    >>> key_for_title("Grant type") is None
    True
    """
    title = title.strip()
    if title in SPREADSHEET_TITLES:
        return SPREADSHEET_TITLES[title]
    match = _INDEXED.match(title)
    if match is None:
        return None
    parent, index, child = match.groups()
    base = SPREADSHEET_TITLES.get(f"{parent}:{child}")
    if base is None:
        return None
    # Replace the list index of the location (the last "/0/" before the leaf).
    head, _, leaf = base.rpartition("/0/")
    return f"{head}/{index}/{leaf}"


@lru_cache(maxsize=1)
def geo_code_types() -> dict[str, frozenset[str]]:
    """The standard's geoCodeType codes, each with the ONS entity prefixes it covers.

    >>> sorted(geo_code_types()["WD"])
    ['E05', 'S13', 'W05']
    """
    path = resources.files("n4c.spending") / "files" / "geoCodeType.csv"
    types: dict[str, set[str]] = {}
    with path.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle.read().splitlines()):
            types.setdefault(row["Code"].strip(), set()).add(row["ONS Code"].strip())
    return {code: frozenset(prefixes) for code, prefixes in types.items()}


@lru_cache(maxsize=1)
def _package_validator() -> jsonschema.protocols.Validator:
    path = resources.files("n4c.spending") / "files" / "360giving-package.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    location = schema["$defs"]["location"]["properties"]
    location["geoCodeType"]["enum"] = sorted(geo_code_types())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def package_problems(package: Any) -> list[str]:
    """Every way ``package`` breaks the 360Giving package and grant rules, as sentences naming
    where (``grants/0/awardDate``); an empty list means it is valid.

    >>> package_problems({"grants": [{"id": "360G-x-1"}]})[0]
    "grants/0: 'title' is a required property"
    >>> package_problems({"grants": []})
    []
    """
    errors = sorted(
        _package_validator().iter_errors(package), key=lambda error: list(error.absolute_path)
    )
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or 'package'}: {error.message}"
        for error in errors
    ]
