"""Logging support and the monthly report of delivered against committed days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Role
from n4c.platform.support_log.models import SupportEntry
from n4c.platform.support_log.report import monthly_report, support_by_month

pytestmark = pytest.mark.django_db

MARCH = dt.date(2026, 3, 1)


@pytest.fixture
def staffed(region, make_area, make_person):
    """One area with its adviser and community worker, both assigned since January."""
    area = make_area(region, "Bloomfield")
    adviser = make_person(Role.ADVISER, region)
    worker = make_person(Role.COMMUNITY_WORKER, region)
    for person, role in ((adviser, Role.ADVISER), (worker, Role.COMMUNITY_WORKER)):
        Assignment.objects.create(
            area=area, person=person, role=role, started_on=dt.date(2026, 1, 1)
        )
    return area, adviser, worker


def _entry(area, person, role, date, days):
    return SupportEntry.objects.create(
        area=area, person=person, role=role, date=date, kind="visit", days=Decimal(days)
    )


def test_the_area_s_own_staff_log_support_through_the_api(staffed, client_for):
    area, adviser, _ = staffed
    response = client_for(adviser).post(
        "/api/support-log/entries",
        data={
            "area_id": area.pk,
            "date": "2026-03-04",
            "kind": "meeting",
            "days": "1.5",
            "notes": "Partnership meeting.",
            "follow_ups": "Send the minutes.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    entry = SupportEntry.objects.get()
    assert (entry.person, entry.role, entry.days) == (adviser, "adviser", Decimal("1.5"))


def test_time_must_be_in_half_days(staffed, client_for):
    area, adviser, _ = staffed
    response = client_for(adviser).post(
        "/api/support-log/entries",
        data={"area_id": area.pk, "date": "2026-03-04", "kind": "call", "days": "0.3"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "days"],
            "msg": "Enter the time in days or half days, like 0.5, 1 or 1.5.",
            "type": "half_days",
        }
    ]
    assert not SupportEntry.objects.exists()


def test_someone_not_assigned_to_the_area_cannot_log_support_for_it(
    staffed, region, make_person, client_for
):
    area, _, _ = staffed
    for person in (make_person(Role.ADVISER, region), make_person(Role.HUB_LEAD, region)):
        response = client_for(person).post(
            "/api/support-log/entries",
            data={"area_id": area.pk, "date": "2026-03-04", "kind": "call", "days": "1"},
            content_type="application/json",
        )
        assert response.status_code == 403
        assert "Only the area's adviser or community worker" in response.json()["detail"][0]["msg"]
        assert client_for(person).get(f"/support-log/areas/{area.pk}/new/").status_code == 403


def test_the_log_page_saves_an_entry_and_refuses_a_future_date(staffed, client_for):
    area, _, worker = staffed
    client = client_for(worker)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    page = client.post(
        f"/support-log/areas/{area.pk}/new/",
        data={"date": tomorrow.isoformat(), "kind": "visit", "days": "1"},
    )
    assert "The date of the support must be today or in the past." in page.text
    response = client.post(
        f"/support-log/areas/{area.pk}/new/",
        data={"date": dt.date.today().isoformat(), "kind": "visit", "days": "0.5"},
    )
    assert response.status_code == 302
    assert SupportEntry.objects.get().role == "community_worker"


def test_the_report_compares_delivered_with_two_committed_days_per_role(staffed):
    area, adviser, worker = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "1.5")
    _entry(area, adviser, "adviser", dt.date(2026, 3, 20), "1")
    _entry(area, worker, "community_worker", dt.date(2026, 3, 31), "0.5")
    _entry(area, worker, "community_worker", dt.date(2026, 4, 1), "2")  # next month: not counted
    report = monthly_report(MARCH)
    [line] = report.by_area
    assert line.detail == {
        "adviser_committed": Decimal(2),
        "adviser_expected": Decimal(2),
        "adviser_delivered": Decimal("2.5"),
        "community_worker_committed": Decimal(2),
        "community_worker_expected": Decimal(2),
        "community_worker_delivered": Decimal("0.5"),
    }
    # The adviser's extra half day does not hide the community worker's missing day and a half.
    assert line.gap_days == Decimal("1.5")
    people = {p.label: (p.committed_days, p.delivered_days, p.has_gap) for p in report.by_person}
    assert people[adviser.get_full_name()] == (Decimal(2), Decimal("2.5"), False)
    assert people[worker.get_full_name()] == (Decimal(2), Decimal("0.5"), True)
    [region_line] = report.by_region
    assert (region_line.committed_days, region_line.delivered_days) == (Decimal(4), Decimal(3))


def test_an_assignment_that_started_after_the_month_commits_nothing(staffed):
    area, _, _ = staffed
    Assignment.objects.filter(area=area).update(started_on=dt.date(2026, 4, 2))
    [line] = monthly_report(MARCH).by_area
    assert (line.committed_days, line.gap_days) == (0, 0)


def test_on_the_first_of_the_month_no_one_shows_a_gap(staffed):
    """The month under way expects only the days already gone: none on the 1st."""
    report = monthly_report(MARCH, today=MARCH)
    [line] = report.by_area
    assert report.in_progress
    assert (line.committed_days, line.expected_days, line.gap_days) == (4, 0, 0)
    assert report.gaps == [] and not any(p.has_gap for p in report.by_person)


def test_the_month_under_way_expects_the_days_gone_by(staffed):
    """On 17 March 16 of 31 days are gone: 2 x 16/31 = 1.03 days a role, 1 to the half day."""
    area, adviser, _ = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "1")
    report = monthly_report(MARCH, today=dt.date(2026, 3, 17))
    [line] = report.by_area
    assert (line.detail["adviser_expected"], line.detail["community_worker_expected"]) == (1, 1)
    assert line.gap_days == 1  # the community worker's day; the adviser is up to date
    assert [gap.label for gap in report.gaps] == ["Bloomfield"]
    # A month that is over expects all of it; one not begun expects nothing yet.
    assert not monthly_report(MARCH, today=dt.date(2026, 4, 1)).in_progress
    assert monthly_report(MARCH, today=dt.date(2026, 4, 1)).by_area[0].gap_days == 3
    assert monthly_report(MARCH, today=dt.date(2026, 2, 10)).by_area[0].expected_days == 0


def test_support_by_month_sums_each_month_as_the_report_does(staffed, make_person, region):
    """January to March, worked by hand: two roles at 2 days a month from 1 January; the
    adviser leaves on 15 February (15 of 28 days: 1.07, so 1 day) and no one replaces them."""
    area, adviser, worker = staffed
    Assignment.objects.filter(person=adviser).update(ended_on=dt.date(2026, 2, 15))
    _entry(area, adviser, "adviser", dt.date(2026, 1, 5), "1.5")
    _entry(area, worker, "community_worker", dt.date(2026, 1, 31), "0.5")
    _entry(area, worker, "community_worker", dt.date(2026, 3, 2), "2")
    months = support_by_month(dt.date(2026, 1, 1), MARCH)
    assert [(m.month_start.month, m.committed_days, m.delivered_days) for m in months] == [
        (1, 4, 2),
        (2, 3, 0),
        (3, 2, 2),
    ]
    mine = support_by_month(dt.date(2026, 1, 1), MARCH, person=adviser)
    assert [(m.committed_days, m.delivered_days) for m in mine] == [
        (2, Decimal("1.5")),
        (1, 0),
        (0, 0),
    ]
    elsewhere = area.__class__.objects.exclude(pk=area.pk)
    assert all(
        m.committed_days == m.delivered_days == 0
        for m in support_by_month(MARCH, MARCH, areas=elsewhere)
    )


def test_part_of_a_month_commits_its_share_to_the_half_day(staffed, make_person, region):
    """June has 30 days: from the 16th is half the month, 1 day; a hand-over owes 2 in all."""
    area, adviser, worker = staffed
    Assignment.objects.filter(person=adviser).update(ended_on=dt.date(2026, 6, 15))
    successor = make_person(Role.ADVISER, region)
    Assignment.objects.create(
        area=area, person=successor, role=Role.ADVISER, started_on=dt.date(2026, 6, 16)
    )
    # The worker starts on the 23rd: 8 of 30 days is 0.53 days, rounded to the half day.
    Assignment.objects.filter(person=worker).update(started_on=dt.date(2026, 6, 23))
    report = monthly_report(dt.date(2026, 6, 1))
    [line] = report.by_area
    assert line.detail["adviser_committed"] == Decimal(2)
    assert line.detail["community_worker_committed"] == Decimal("0.5")
    people = {p.key: p.committed_days for p in report.by_person}
    assert people == {adviser.pk: 1, successor.pk: 1, worker.pk: Decimal("0.5")}


def test_the_report_page_highlights_gaps_and_the_api_returns_it(staffed, national, client_for):
    area, adviser, _ = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "2")
    client = client_for(national)
    page = client.get("/support-log/report/?month=2026-03")
    assert page.status_code == 200
    assert "2 of 4 committed days delivered" in page.text
    assert 'class="tag tag-gap"' in page.text
    data = client.get("/api/support-log/report?month=2026-03").json()
    assert (data["committed_days"], data["delivered_days"]) == (4, 2)
    assert [(a["label"], a["gap_days"]) for a in data["by_area"]] == [("Bloomfield", 2)]
    assert client.get("/api/support-log/report?month=March").status_code == 422


def test_partnership_members_read_their_area_s_log_but_not_the_report(
    staffed, make_person, client_for
):
    area, adviser, _ = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "1")
    member = make_person(Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(member)
    client = client_for(member)
    assert len(client.get(f"/api/support-log/entries?area_id={area.pk}").json()) == 1
    assert client.get("/support-log/report/").status_code == 403
    assert client.get("/api/support-log/report").status_code == 403


def test_cached_pages_show_new_support_at_once(staffed, national, client_for):
    """The area page and report are cached, but a new entry makes them fresh immediately."""
    area, adviser, _ = staffed
    reader = client_for(national)
    today = dt.date.today()
    assert "No support logged yet." in reader.get(f"/areas/{area.pk}/").text
    before = reader.get(f"/support-log/report/?month={today:%Y-%m}").text
    assert "0 of 4 committed days delivered" in before
    client_for(adviser).post(
        "/api/support-log/entries",
        data={
            "area_id": area.pk,
            "date": today.isoformat(),
            "kind": "call",
            "days": "0.5",
            "notes": "A fresh call.",
        },
        content_type="application/json",
    )
    assert "A fresh call." in reader.get(f"/areas/{area.pk}/").text
    after = reader.get(f"/support-log/report/?month={today:%Y-%m}").text
    assert "0.5 of 4 committed days delivered" in after


def test_only_the_area_s_own_staff_are_offered_the_log_support_button(
    staffed, national, client_for
):
    """The button goes where the page would answer 403 to anyone else, so only they see it."""
    area, adviser, worker = staffed
    button = f'<a class="button" href="/support-log/areas/{area.pk}/new/">Log support</a>'
    for person in (adviser, worker):
        assert button in client_for(person).get(f"/areas/{area.pk}/").text
    assert "Log support" not in client_for(national).get(f"/areas/{area.pk}/").text


def _workbook(response):
    import io

    import openpyxl

    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_the_monthly_report_downloads_for_its_month_and_region(
    staffed, national, client_for, other_region, make_area
):
    from django.urls import reverse

    from n4c.platform.audit.models import AuditEvent

    area, adviser, _worker = staffed
    make_area(other_region, "Elsewhere")
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "1.5")
    client = client_for(national)
    query = {"month": "2026-03", "region": area.region.code}
    book = _workbook(client.get(reverse("support_log:report_export", args=["xlsx"]), query))
    assert book.sheetnames == ["by area", "by person", "by region"]
    sheet = book["by area"]
    assert list(sheet.values) == [
        ("name", "region", "committed_days", "delivered_days", "gap_days"),
        ("Bloomfield", area.region.name, 4, 1.5, 2.5),
    ]
    assert sheet["D2"].number_format == "0.0" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E2"
    text = client.get(reverse("support_log:report_export", args=["csv"]), query).content.decode()
    assert text.splitlines()[1] == f"Bloomfield,{area.region.name},4.0,1.5,2.5"
    assert (
        AuditEvent.objects.filter(action="exported", model="support_log.supportentry").count() == 2
    )
    page = client.get(reverse("support_log:report"), query).content.decode()
    assert f"export.xlsx?month=2026-03&amp;region={area.region.code}" in page


def test_an_area_s_and_a_person_s_support_history_download(staffed, client_for, make_person):
    from django.urls import reverse

    area, adviser, worker = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "1.5")
    _entry(area, worker, "community_worker", dt.date(2026, 3, 4), "1")
    client = client_for(adviser)
    url = reverse("support_log:area_history", args=[area.pk, "xlsx"])
    sheet = _workbook(client.get(url))["support"]
    rows = list(sheet.values)
    assert [row[0].date() for row in rows[1:]] == [dt.date(2026, 3, 4), dt.date(2026, 3, 3)]
    assert sheet["A2"].number_format == "d mmm yyyy"
    assert client.get(reverse("areas:detail", args=[area.pk])).content.decode().count(url) == 1
    url = reverse("support_log:person_history", args=[worker.pk, "csv"])
    lines = client.get(url).content.decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith("2026-03-04,Bloomfield,")
    member = make_person(Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(member)
    assert client_for(member).get(url).status_code == 403


def test_the_support_history_sorts_pages_and_keeps_its_filter(staffed, client_for):
    from n4c.platform.core.sorting import PER_PAGE

    area, adviser, worker = staffed
    for day in range(1, PER_PAGE + 2):
        _entry(area, adviser, Role.ADVISER, MARCH + dt.timedelta(days=day % 28), "0.5")
    SupportEntry.objects.create(
        area=area, person=worker, role=Role.COMMUNITY_WORKER, date=MARCH, kind="call", days=1
    )
    client = client_for(adviser)
    url = reverse("support_log:area_history_page", args=[area.pk])
    assert f'href="{url}"' in client.get(area.get_absolute_url()).content.decode()
    page = client.get(url, {"kind": "visit", "sort": "days", "order": "desc"}).content.decode()
    assert f"{PER_PAGE + 1} entries" in page and 'aria-sort="descending"' in page
    assert "kind=visit&amp;sort=date&amp;order=asc" in page
    assert "kind=visit&amp;sort=days&amp;order=desc&amp;page=2" in page
    second = client.get(url, {"kind": "visit", "page": "2"}).content.decode()
    assert second.count('<td class="number">0.5</td>') == 1 and "1.0</td>" not in second
    calls = client.get(url, {"kind": "call"}).content.decode()
    assert "1 entry" in calls and "1.0</td>" in calls


@pytest.mark.parametrize(
    ("language", "delivered"),
    [
        ("pl", "zrealizowano 2 z 4 zaplanowanych dni"),
        ("ur", "4 طے شدہ دنوں میں سے 2 دن پورے کیے گئے"),
    ],
)
def test_the_report_reads_in_polish_and_urdu_each_from_its_own_cached_copy(
    staffed, national, client_for, language, delivered
):
    area, adviser, _ = staffed
    _entry(area, adviser, "adviser", dt.date(2026, 3, 3), "2")
    client = client_for(national)
    assert (
        "2 of 4 committed days delivered" in client.get("/support-log/report/?month=2026-03").text
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/support-log/report/?month=2026-03").text
    assert delivered in page and "committed days delivered" not in page
