"""The referral list downloads as CSV and XLSX: its filters, the user's access, audited."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.referrals.models import Partner, Referral, Specialism

pytestmark = pytest.mark.django_db


@pytest.fixture
def referrals(home, far):
    partner = Partner.objects.create(name="=HYPERLINK(1)", specialism=Specialism.values[0])
    for area, status, day in ((home, "requested", 1), (home, "closed", 2), (far, "requested", 3)):
        Referral.objects.create(
            area=area,
            partner=partner,
            need="A hall",
            status=status,
            outcome="Done" if status == "closed" else "",
            referred_on=dt.date(2026, 4, day),
        )


def test_the_xlsx_keeps_the_filter_with_dates_a_frozen_header_and_a_filter(
    national, referrals, client_for
):
    response = client_for(national).get(
        reverse("referrals:export", args=["xlsx"]), {"status": "requested"}
    )
    assert response.status_code == 200
    assert 'filename="referrals.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["referrals"]
    rows = list(sheet.values)
    assert rows[0][:3] == ("referred_on", "area", "partner")
    assert [(row[0].date(), row[1]) for row in rows[1:]] == [
        (dt.date(2026, 4, 3), "Far ward"),
        (dt.date(2026, 4, 1), "Home ward"),
    ]
    assert sheet["A2"].number_format == "d mmm yyyy"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    assert sheet.column_dimensions["D"].width == len("A hall") + 2
    assert sheet["C2"].value == "'=HYPERLINK(1)" and sheet["C2"].data_type == "s"
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORTED)
    assert event.object_repr == "Referrals (status: requested), 2 rows, XLSX"
    assert event.actor == national


def test_the_csv_holds_only_the_areas_the_user_sees(make_person, home, referrals, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    assert client_for(member).get(reverse("referrals:export", args=["csv"])).status_code == 403
    lead = make_person(Role.SPECIALIST)
    response = client_for(lead).get(reverse("referrals:export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 4 and rows[1][0] == "2026-04-03"
    assert rows[1][2] == "'=HYPERLINK(1)"


def test_an_unknown_format_is_not_found(national, client_for):
    assert client_for(national).get(reverse("referrals:export", args=["pdf"])).status_code == 404


def test_the_list_pages_and_its_sort_links_keep_the_filter(national, referrals, client_for):
    response = client_for(national).get(reverse("referrals:list"), {"status": "requested"})
    page = response.content.decode()
    assert "status=requested&amp;sort=area&amp;order=asc" in page
    assert f"{reverse('referrals:export', args=['csv'])}?status=requested" in page
    assert "Done" not in page
