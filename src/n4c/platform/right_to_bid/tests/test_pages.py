"""The case pages: a case's timeline of events and computed dates, and recording an event."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.assets.models import Asset
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent

pytestmark = pytest.mark.django_db


def case_with_events(area, events):
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(asset=asset, title="Sale", opened_on=dt.date(2026, 3, 1))
    for event, date in events.items():
        CaseEvent.objects.create(case=case, event=event, date=date)
    return case


def test_the_case_timeline_shows_events_and_computed_dates_with_citations(
    client_for, national, area
):
    case = case_with_events(area, {"notice-of-disposal": dt.date(2026, 3, 1)})
    page = client_for(national).get(case.get_absolute_url()).content.decode()
    assert "Sun 1 Mar 2026</strong>: Notice of disposal (recorded)" in page
    assert "Sat 11 Apr 2026</strong>: Interim moratorium ends" in page
    assert "6 weeks beginning with 2026-03-01; Localism Act 2011 s.95(1), (2) and (6)" in page
    assert page.index("Interim moratorium") < page.index("Protected period")


def test_events_and_why_a_date_does_not_apply_read_in_the_readers_language(
    client_for, national, area
):
    """Events are named in words, and the reason a date does not apply uses them and long dates."""
    case = case_with_events(
        area,
        {"request-to-bid": dt.date(2026, 2, 20), "notice-of-disposal": dt.date(2026, 3, 1)},
    )
    client = client_for(national)
    english = client.get(case.get_absolute_url()).content.decode()
    assert (
        "The request to bid on 20 February 2026 came before the notice of disposal on "
        "1 March 2026." in english
    )
    client.cookies["n4c_language"] = "pl"
    polish = client.get(case.get_absolute_url()).content.decode()
    assert (
        "Zdarzenie „wniosek o możliwość złożenia oferty” z dnia 20 lutego 2026 nastąpiło przed "
        "zdarzeniem „zawiadomienie o zamiarze zbycia” z dnia 1 marca 2026." in polish
    )
    assert '<option value="notice-of-disposal">Zawiadomienie o zamiarze zbycia</option>' in polish
    client.cookies["n4c_language"] = "ur"
    urdu = client.get(case.get_absolute_url()).content.decode()
    assert "فروخت کا نوٹس" in urdu and "notice of disposal" not in urdu.lower()


def test_recording_an_event_through_the_page(client_for, national, area):
    case = case_with_events(area, {})
    client = client_for(national)
    response = client.post(
        case.get_absolute_url(), {"event": "nomination", "date": "2026-01-05"}, follow=True
    )
    assert "Council decides whether to list the nominated land" in response.content.decode()
    assert case.events.get().event == "nomination"


def test_an_assets_page_lists_its_cases_and_offers_a_new_one_only_to_editors(
    client_for, national, specialist, area
):
    case = case_with_events(area, {"nomination": dt.date(2026, 3, 1)})
    url = case.asset.get_absolute_url()
    seen = client_for(specialist).get(url).content.decode()
    assert f'<a href="{case.get_absolute_url()}">Sale</a>, opened 1 Mar 2026' in seen
    assert "Open a case" not in seen
    edited = client_for(national).get(url).content.decode()
    assert f'action="/assets/{case.asset.pk}/cases/new/"' in edited
