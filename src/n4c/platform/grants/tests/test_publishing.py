"""A panel's awards published as 360Giving JSON: each award a grant located in the area's
wards, no personal data for individuals, and ``n4c spending import`` accepts every grant."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from n4c.platform.grants import services
from n4c.platform.grants.models import Phase
from n4c.platform.grants.publishing import grants_package
from n4c.platform.grants.tests.conftest import move_to

pytestmark = pytest.mark.django_db

# A real ward (December 2017) in the ONS lookup, so the grants are located when read back.
WARD = "E05009288"


@pytest.fixture
def announced(panel, home, adviser, make_application):
    home.ward17_codes = [WARD]
    home.save()
    group = make_application()
    person = make_application(
        applicant_kind="individual",
        organisation_name="",
        funding_type="revenue",
        amount_gbp=800,
        purpose="Driving lessons so that I can get to my new job in Preston.",
    )
    declined = make_application(amount_gbp=500)
    move_to(panel, Phase.DECIDING)
    services.decide(adviser, group, outcome="awarded", reasons="Strong.")
    services.decide(adviser, person, outcome="reduced", awarded_gbp=600, reasons="Part.")
    services.decide(adviser, declined, outcome="declined", reasons="Out of scope.")
    return move_to(panel, Phase.ANNOUNCED)


def test_awards_are_published_with_the_areas_wards_and_no_personal_data(announced, adviser):
    package = grants_package(adviser, announced)
    group, person = package["grants"]
    assert [g["amountAwarded"] for g in package["grants"]] == [2000, 600]
    assert group["beneficiaryLocation"] == [
        {"name": "Home ward", "geoCode": WARD, "geoCodeType": "WD"}
    ]
    assert group["recipientOrganization"][0]["name"] == "Home ward youth club"
    assert person["recipientIndividual"] == {
        "id": f"360G-n4c-IND-{announced.pk}-{person['id'].rsplit('-', 1)[1]}",
        "name": "Individual Recipient",
    }
    assert person["description"] == "A grant to an individual for revenue costs."
    text = json.dumps(package)
    assert "Alex Applicant" not in text and "alex@example.com" not in text
    assert "Preston" not in text


def test_awards_are_published_only_once_announced(panel, adviser):
    move_to(panel, Phase.DECIDING)
    with pytest.raises(ValidationError, match="only be sent or published once they are announced"):
        grants_package(adviser, panel)


def test_n4c_spending_import_reads_the_published_file_back_with_no_problem(
    announced, adviser, client_for, tmp_path
):
    answer = client_for(adviser).get(reverse("grants:published", args=[announced.pk]))
    assert answer.status_code == 200
    path = tmp_path / "grants.json"
    path.write_bytes(answer.content)
    env = {**os.environ, "N4C_DATA_DIR": str(tmp_path / "n4c-data"), "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "n4c", "spending", "import", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "grants.json: read 2, stored 2, rejected 0, located 2, unlocated 0, warnings 0"
        in " ".join(result.stdout.split())
    )


def test_the_published_package_keeps_the_360giving_rules(announced, adviser):
    from n4c.spending.standard import package_problems

    assert package_problems(grants_package(adviser, announced)) == []


def test_the_publisher_prefix_and_funder_come_from_settings(announced, adviser, monkeypatch):
    monkeypatch.setenv("N4C_360GIVING_PREFIX", "360G-blackpoolfund")
    monkeypatch.setenv("N4C_FUNDER_ID", "GB-CHC-1234567")
    monkeypatch.setenv("N4C_FUNDER_NAME", "Blackpool Community Fund")
    grant = grants_package(adviser, announced)["grants"][0]
    assert grant["id"].startswith("360G-blackpoolfund-")
    assert grant["fundingOrganization"] == [
        {"id": "GB-CHC-1234567", "name": "Blackpool Community Fund"}
    ]


def test_a_package_that_breaks_the_rules_is_refused_and_not_audited(
    announced, adviser, monkeypatch
):
    from n4c.platform.audit.models import AuditEvent

    monkeypatch.setenv("N4C_FUNDER_NAME", " ")
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match=r"break the 360Giving rules: grants/0/fundingOrg"):
        grants_package(adviser, announced)
    assert AuditEvent.objects.count() == before


def test_an_area_on_lsoas_publishes_them_as_lsoa_locations(announced, adviser, home):
    home.geography, home.codes = "lsoa21", ["E01012670", "E01012671"]
    home.save()
    group, _ = grants_package(adviser, announced)["grants"]
    assert group["beneficiaryLocation"] == [
        {"name": "Home ward", "geoCode": code, "geoCodeType": "LSOA"}
        for code in ["E01012670", "E01012671"]
    ]
