"""Staff pages of the covenant, deadlines, events, grants, home and partnership apps read in
Polish and in Urdu (right to left) when their reader chose the language."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db

#: (page, its heading in Polish, in Urdu)
PAGES = [
    ("home", "<h1>Twoje obszary</h1>", "<h1>آپ کے علاقے</h1>"),
    ("covenants:detail", "Umowa społeczna: Home ward", "Home ward کا کمیونٹی معاہدہ"),
    (
        "deadlines:calendar",
        "Prawa społeczności: najbliższe terminy",
        "کمیونٹی حقوق: آنے والی آخری تاریخیں",
    ),
    ("events:list", "<h2>Minione wydarzenia</h2>", "<h2>گزشتہ تقریبات</h2>"),
    ("events:peers", "Obszary partnerskie: Home ward", "Home ward کے ہم منصب علاقے"),
]


def _url(name: str, area) -> str:
    return (
        reverse(name, args=[area.pk])
        if name in ("covenants:detail", "events:peers")
        else reverse(name)
    )


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize(("name", "polish", "urdu"), PAGES)
def test_an_adviser_s_pages_are_in_their_language(
    language, name, polish, urdu, adviser, home, client_for
) -> None:
    client = client_for(adviser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(_url(name, home)).content.decode()
    direction = "rtl" if language == "ur" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert (polish if language == "pl" else urdu) in page


@pytest.mark.parametrize(
    ("role", "polish", "urdu"),
    [
        (Role.HUB_LEAD, "<h1>Twój region</h1>", "<h1>آپ کا خطہ</h1>"),
        (Role.NATIONAL_TEAM, "<h1>Program</h1>", "<h1>پروگرام</h1>"),
    ],
)
def test_the_hub_lead_s_and_national_team_s_homes_with_their_charts(
    role, polish, urdu, make_person, region, client_for
) -> None:
    person = make_person(role, region if role == Role.HUB_LEAD else None)
    for language, heading, charts in (("pl", polish, "W czasie"), ("ur", urdu, "وقت کے ساتھ")):
        client = client_for(person)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get(reverse("home")).content.decode()
        assert heading in page and charts in page
