"""What n4c publishes is checked against the 360Giving package and grant rules."""

from __future__ import annotations

import copy

import pytest

from n4c.spending.standard import package_problems

GRANT = {
    "id": "360G-n4c-1-1",
    "title": "Home ward panel: grant 1",
    "description": "Football kit for the under-12s.",
    "currency": "GBP",
    "amountAwarded": 2000,
    "awardDate": "2026-11-30",
    "fundingOrganization": [{"id": "360G-n4c-network", "name": "Network for Communities"}],
    "recipientOrganization": [{"id": "360G-n4c-ORG-1-1", "name": "Home ward youth club"}],
    "beneficiaryLocation": [{"name": "Home", "geoCode": "E05009288", "geoCodeType": "WD"}],
}


def _broken(path: str, value: object) -> dict[str, object]:
    grant = copy.deepcopy(GRANT)
    *parents, leaf = path.split("/")
    target: object = grant
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]  # type: ignore[index]
    if value is KeyError:
        del target[leaf]  # type: ignore[attr-defined]
    else:
        target[int(leaf) if leaf.isdigit() else leaf] = value  # type: ignore[index]
    return {"grants": [grant]}


def test_a_complete_grant_keeps_the_rules() -> None:
    assert package_problems({"grants": [GRANT]}) == []


def test_a_grant_to_an_individual_keeps_the_rules() -> None:
    grant = {k: v for k, v in GRANT.items() if k != "recipientOrganization"}
    grant["recipientIndividual"] = {"id": "360G-n4c-IND-1-2", "name": "Individual Recipient"}
    assert package_problems({"grants": [grant]}) == []


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("awardDate", "24/07/2014", "grants/0/awardDate: '24/07/2014' does not match"),
        ("awardDate", KeyError, "grants/0: 'awardDate' is a required property"),
        ("currency", "pounds", "grants/0/currency: 'pounds' does not match"),
        ("amountAwarded", -5, "grants/0/amountAwarded: -5 is less than the minimum of 0"),
        ("amountAwarded", "2000", "grants/0/amountAwarded: '2000' is not of type 'number'"),
        ("id", "n4c-1", "grants/0/id: 'n4c-1' does not match"),
        ("fundingOrganization", [], "grants/0/fundingOrganization: [] should be non-empty"),
        ("fundingOrganization/0/name", "", "grants/0/fundingOrganization/0/name"),
        ("recipientOrganization", KeyError, "grants/0: {"),
        ("beneficiaryLocation/0/geoCodeType", "WARD", "geoCodeType: 'WARD' is not one of"),
    ],
)
def test_each_broken_rule_is_named_with_where_it_is(path: str, value: object, problem: str) -> None:
    problems = package_problems(_broken(path, value))
    assert any(p.startswith(problem) or problem in p for p in problems), problems


def test_an_individual_recipient_carries_only_an_id_and_a_name() -> None:
    grant = {k: v for k, v in GRANT.items() if k != "recipientOrganization"}
    grant["recipientIndividual"] = {"id": "360G-n4c-IND-1-2", "name": "Jane Roe", "email": "j@x"}
    assert any("Additional properties" in p for p in package_problems({"grants": [grant]}))


def test_a_package_without_grants_is_refused() -> None:
    assert package_problems({}) == ["package: 'grants' is a required property"]
