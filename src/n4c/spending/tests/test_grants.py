"""One grant checked against the standard and placed: beneficiary first, recipient as fallback."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.spending import Geography, check_grant

GRANT = {
    "id": "360G-test-001",
    "title": "Grant to a youth club",
    "description": "Running costs",
    "currency": "GBP",
    "amountAwarded": 1000,
    "awardDate": "2019-04-01",
    "fundingOrganization": [{"id": "GB-CHC-1000000", "name": "A Trust"}],
    "recipientOrganization": [
        {
            "id": "GB-CHC-2000000",
            "name": "Youth Club",
            "location": [{"geoCode": "E05000002", "geoCodeType": "WD"}],
        }
    ],
    "beneficiaryLocation": [{"geoCode": "E01000001", "geoCodeType": "LSOA"}],
}


def grant(**changes: object) -> dict:
    raw = copy.deepcopy(GRANT)
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        else:
            raw[key] = value
    return raw


def test_a_complete_grant_is_stored_at_its_beneficiary_location(tiny: Geography) -> None:
    checked, problems = check_grant(grant(), 1, tiny)
    assert problems == []
    assert checked is not None and checked.location_source == "beneficiary"
    assert [(loc.geo_code, loc.level, loc.amount_pence) for loc in checked.locations] == [
        ("E01000001", "lsoa", 100_000)
    ]


def test_without_a_coded_beneficiary_location_the_recipient_location_is_used(
    tiny: Geography,
) -> None:
    checked, _ = check_grant(grant(beneficiaryLocation=[{"name": "Anywhere"}]), 1, tiny)
    assert checked is not None and checked.location_source == "recipient"
    assert checked.locations[0].geo_code == "E05000002"


def test_a_grant_with_no_code_anywhere_is_kept_and_reported_unlocated(tiny: Geography) -> None:
    raw = grant(beneficiaryLocation=None)
    raw["recipientOrganization"][0].pop("location")
    raw["recipientOrganization"][0]["postalCode"] = "SW1A 1AA"
    checked, _ = check_grant(raw, 1, tiny)
    assert checked is not None and checked.locations == ()
    assert checked.unlocated_reason == (
        "no geographic code in its beneficiary or recipient locations; the recipient's postcode "
        "would need a postcode lookup, which n4c lacks."
    )


def test_several_locations_split_the_amount_to_the_penny(tiny: Geography) -> None:
    places = [{"geoCode": c} for c in ("E01000001", "E02000002", "S92000003")]
    checked, _ = check_grant(grant(amountAwarded=100.0, beneficiaryLocation=places), 1, tiny)
    assert checked is not None and checked.unlocated_reason is None
    assert [loc.amount_pence for loc in checked.locations] == [3334, 3333, 3333]
    assert [loc.level for loc in checked.locations] == ["lsoa", "msoa", None]
    assert (
        checked.locations[2].reason
        == '"S92000003" is outside England; n4c maps English areas only.'
    )


def test_missing_required_fields_reject_the_grant_naming_each_field(tiny: Geography) -> None:
    checked, problems = check_grant(
        grant(amountAwarded=None, awardDate="someday", currency="USD", description=None), 7, tiny
    )
    assert checked is None
    found = {(p.field, p.severity): p.message for p in problems}
    assert all(p.grant_index == 7 and p.grant_id == "360G-test-001" for p in problems)
    assert found[("amountAwarded", "error")] == (
        "amountAwarded is required by the 360Giving standard and is missing."
    )
    assert "write it as YYYY-MM-DD" in found[("awardDate", "error")]
    assert "is not GBP" in found[("currency", "error")]
    assert found[("description", "warning")].startswith("description is required")


def test_a_text_amount_in_json_is_a_type_error_but_fine_in_a_spreadsheet(tiny: Geography) -> None:
    checked, problems = check_grant(grant(amountAwarded="1,000"), 1, tiny)
    assert checked is None
    assert (
        problems[0].message
        == '"1,000" is text; the standard needs a number, written without quotes.'
    )
    checked, _ = check_grant(grant(amountAwarded="1,000"), 1, tiny, amounts_as_text=True)
    assert checked is not None and checked.amount_pence == 100_000


def test_spreadsheet_problems_name_the_users_column(tiny: Geography) -> None:
    _, problems = check_grant(grant(awardDate=None), 3, tiny, titles={"awardDate": "Award Date"})
    assert [p.field for p in problems] == ["Award Date"]


@settings(deadline=None)
@given(
    code_type=st.text(min_size=1, max_size=12).filter(lambda t: t.strip() != "LSOA"),
    padding=st.sampled_from(["", " ", "  \t"]),
)
def test_unknown_code_types_warn_but_the_code_still_places_the_grant(
    tiny: Geography, code_type: str, padding: str
) -> None:
    """The schema does not enforce geoCodeType; n4c checks the codelist and reads the code itself."""
    place = [{"geoCode": f"{padding}E01000003{padding}", "geoCodeType": code_type}]
    checked, problems = check_grant(grant(beneficiaryLocation=place), 1, tiny)
    assert checked is not None and checked.locations[0].level == "lsoa"
    warnings = [p for p in problems if p.field == "beneficiaryLocation/0/geoCodeType"]
    # Blank means "not given"; anything else is outside the codelist or contradicts the code.
    assert len(warnings) == (1 if code_type.strip() else 0)
    assert all(p.severity == "warning" for p in problems)


def test_a_code_type_that_contradicts_the_code_is_reported(tiny: Geography) -> None:
    place = [{"geoCode": "E05000001", "geoCodeType": "LSOA"}]
    checked, problems = check_grant(grant(beneficiaryLocation=place), 1, tiny)
    assert checked is not None and checked.locations[0].level == "ward"
    assert (
        problems[0].message
        == '"LSOA" does not match the code "E05000001" (a E05 code); the code was used.'
    )


def test_codes_outside_the_lookups_say_why(tiny: Geography) -> None:
    place = [{"geoCode": "K02000001"}, {"geoCode": "E10000002"}, {"geoCode": "E01999999"}]
    checked, _ = check_grant(grant(beneficiaryLocation=place), 1, tiny)
    assert checked is not None and checked.locations and checked.unlocated_reason is not None
    reasons = [loc.reason or "" for loc in checked.locations]
    assert "covers the UK or Great Britain" in reasons[0]
    assert "is a county" in reasons[1]
    assert (
        reasons[2]
        == '"E01999999" is not an LSOA 2011 in the IoD 2019 list, so n4c cannot place it.'
    )
