"""The pages: register with map, CSV import and export, case timeline, calendars, .ics feed."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from n4c.platform.assets.models import Asset, AssetCase, CaseEvent

pytestmark = pytest.mark.django_db

CSV = (
    "asset_id,name,kind,owner,postcode,latitude,longitude,lsoa_code,condition,status,use\n"
    "A1,The Red Lion,physical,Brewery plc,M1 1AE,53.5095,-2.2263,E01005153,fair,for-sale,Pub\n"
    "A2,Friday Choir,social,,M9 4AA,,,,,,Choir\n"
    "A3,Old Library,physical,Council,NOT A CODE,,,,,,Library\n"
)


def _import(client, area, text: str = CSV):
    upload = SimpleUploadedFile("register.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("assets:import", args=[area.pk]), {"file": upload}, follow=True)


def test_import_counts_rows_and_names_each_rejection(client_for, national, area):
    page = _import(client_for(national), area).content.decode()
    assert "Read 3 rows: 2 stored, 1 rejected." in page
    assert "register.csv, row 3, field &quot;postcode&quot;" in page
    assert list(Asset.objects.filter(area=area).values_list("reference", flat=True)) == ["A2", "A1"]


def test_reimporting_the_same_ids_rejects_them_rather_than_duplicating(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    page = _import(client, area).content.decode()
    assert "Read 3 rows: 0 stored, 3 rejected." in page
    assert "already in this area&#x27;s register" in page
    assert Asset.objects.filter(area=area).count() == 2


def test_export_gives_back_what_was_imported(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    exported = client.get(reverse("assets:export", args=[area.pk])).content.decode()
    lines = exported.splitlines()
    assert (
        lines[0]
        == "asset_id,name,kind,owner,postcode,latitude,longitude,lsoa_code,condition,status,use"
    )
    assert (
        "A1,The Red Lion,physical,Brewery plc,M1 1AE,53.5095,-2.2263,E01005153,fair,for-sale,Pub"
        in lines
    )


def test_the_register_shows_an_offline_map_and_lists_unmapped_assets(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    page = client.get(reverse("assets:register", args=[area.pk])).content.decode()
    # The points link to their assets, so the map is a labelled group of links, not one image.
    assert '<svg class="asset-map" role="group" aria-labelledby="asset-map-title"' in page
    assert "<title>The Red Lion (physical)</title>" in page
    assert "Not on the map (no coordinates)" in page and "Friday Choir" in page
    assert "http://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_reader_sees_no_import_form_and_cannot_post(client_for, specialist, area):
    client = client_for(specialist)
    page = client.get(reverse("assets:register", args=[area.pk])).content.decode()
    assert "Import a register" not in page
    assert _import(client, area).status_code == 403


def _case(area, events):
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(asset=asset, title="Sale", opened_on=dt.date(2026, 3, 1))
    for event, date in events.items():
        CaseEvent.objects.create(case=case, event=event, date=date)
    return case


def test_the_case_timeline_shows_events_and_computed_dates_with_citations(
    client_for, national, area
):
    case = _case(area, {"notice-of-disposal": dt.date(2026, 3, 1)})
    page = client_for(national).get(case.get_absolute_url()).content.decode()
    assert "Sun 1 Mar 2026</strong>: notice-of-disposal (recorded)" in page
    assert "Sat 11 Apr 2026</strong>: Interim moratorium ends" in page
    assert "6 weeks beginning with 2026-03-01; Localism Act 2011 s.95(1), (2) and (6)" in page
    assert page.index("Interim moratorium") < page.index("Protected period")


def test_recording_an_event_through_the_page(client_for, national, area):
    case = _case(area, {})
    client = client_for(national)
    response = client.post(
        case.get_absolute_url(), {"event": "nomination", "date": "2026-01-05"}, follow=True
    )
    assert "Council decides whether to list the nominated land" in response.content.decode()
    assert case.events.get().event == "nomination"


def test_the_calendar_lists_deadlines_per_region(client_for, national, area, other_area):
    today = dt.date.today()
    _case(area, {"nomination": today})
    _case(other_area, {"listing-notice": today})
    client = client_for(national)
    everything = client.get(reverse("assets:calendar")).content.decode()
    assert (
        "Council decides whether to list" in everything
        and "Owner asks the council to review" in everything
    )
    north_east = client.get(reverse("assets:calendar"), {"region": "E12000001"}).content.decode()
    assert "Owner asks the council to review" in north_east
    assert "Council decides whether to list" not in north_east


def test_the_area_feed_is_icalendar_with_one_event_per_date(client_for, national, area, other_area):
    _case(area, {"notice-of-disposal": dt.date(2026, 3, 1)})
    _case(other_area, {"nomination": dt.date(2026, 3, 1)})
    response = client_for(national).get(reverse("assets:ics", args=[area.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == [
        dt.date(2026, 4, 11),
        dt.date(2026, 4, 11),
        dt.date(2026, 8, 31),
        dt.date(2027, 8, 31),
    ]
    assert all("The Red Lion" in str(e["summary"]) for e in events)


def test_another_areas_resident_gets_404_everywhere(client_for, resident_elsewhere, area):
    case = _case(area, {"nomination": dt.date(2026, 3, 1)})
    client = client_for(resident_elsewhere)
    for url in (
        reverse("assets:register", args=[area.pk]),
        reverse("assets:export", args=[area.pk]),
        reverse("assets:ics", args=[area.pk]),
        case.get_absolute_url(),
        case.asset.get_absolute_url(),
    ):
        assert client.get(url).status_code == 404, url


def test_the_area_page_links_to_its_assets(client_for, national, area):
    page = client_for(national).get(area.get_absolute_url()).content.decode()
    assert f'href="{reverse("assets:register", args=[area.pk])}"' in page
    assert "Community assets and rights" in page
