"""The right-to-bid pages in Polish and Urdu; the letters to councils stay English, and the kinds
of nominating body are the ones ``n4c.rights`` knows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from n4c import rights
from n4c.platform.assets.models import Asset
from n4c.platform.right_to_bid.models import NOMINATING_BODY_LABELS, AssetCase, Nomination
from n4c.platform.right_to_bid.services import record_event

pytestmark = pytest.mark.django_db


def test_the_form_offers_every_kind_of_body_that_may_nominate_by_its_key_in_the_rules():
    assert list(NOMINATING_BODY_LABELS) == list(rights.BODIES_THAT_MAY_NOMINATE)
    field = Nomination._meta.get_field("nominator_body")
    assert [key for key, _label in field.choices] == list(rights.BODIES_THAT_MAY_NOMINATE)


@pytest.fixture
def nomination(area, national):
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(asset=asset, title="Sale", opened_on=dt.date(2026, 3, 1))
    return Nomination.objects.create(
        area=area,
        asset=asset,
        case=case,
        asset_name="The Red Lion",
        reasons="Our only pub.",
        nominator_name="Harpurhey Residents",
        nominator_body="parish-council",
        started_by=national,
    )


@pytest.mark.parametrize(
    ("language", "heading", "body", "note"),
    [
        ("pl", "Zgłoszenie obiektu: The Red Lion", "Rada parafialna", "rady w Anglii"),
        ("ur", "The Red Lion کی نامزدگی", "پیرش کونسل", "انگلینڈ کی کونسلیں"),
    ],
)
def test_a_nomination_page_reads_in_the_chosen_language_around_an_english_letter(
    client_for, national, nomination, language, heading, body, note
):
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("right_to_bid:nomination", args=[nomination.pk])).content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert body in page and note in page
    letter = page.split('<pre class="letter"', 1)[1]
    assert 'lang="en" dir="ltr"' in letter.split(">", 1)[0]
    assert "We nominate the land described below" in letter


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_case_journey_and_queue_pages_have_no_english_words_of_their_own(
    client_for, national, nomination, language
):
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    asset = nomination.asset
    pages = [
        reverse("right_to_bid:case", args=[nomination.case.pk]),
        reverse("right_to_bid:journey", args=[asset.pk]),
        reverse("right_to_bid:nominations"),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        for english in ("Record an event", "Template letters", "Nominations to check and send"):
            assert english not in page, (url, english)


@pytest.mark.parametrize(
    ("language", "steps", "deadline", "status"),
    [
        (
            "pl",
            ("Zgłoś obiekt", "Rada wpisuje obiekt na listę", "Tymczasowe moratorium"),
            "Rada decyduje, czy wpisać zgłoszony teren na listę",
            "Nie można jeszcze zacząć",
        ),
        (
            "ur",
            (
                "اثاثے کو نامزد کریں",
                "کونسل اثاثے کو فہرست میں شامل کرتی ہے",
                "فروخت پر عبوری پابندی",
            ),
            "کونسل فیصلہ کرتی ہے کہ آیا نامزد زمین کو فہرست میں شامل کیا جائے",
            "ابھی شروع نہیں ہو سکتا",
        ),
    ],
)
def test_the_steps_and_their_deadlines_read_in_the_chosen_language(
    client_for, national, nomination, language, steps, deadline, status
):
    """The steps come from n4c.rights and the deadline titles from its rules files."""
    record_event(national, nomination.case, event="nomination", date=dt.date.today())
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("right_to_bid:journey", args=[nomination.asset.pk])).content.decode()
    for title in steps:
        assert title in page
    assert deadline in page and status in page
    for english in ("Nominate the asset", "Council decides whether to list", "Cannot start yet"):
        assert english not in page
    case = client.get(reverse("right_to_bid:case", args=[nomination.case.pk])).content.decode()
    assert deadline in case
    if language == "pl":
        assert "8 tygodni licząc od" in case
