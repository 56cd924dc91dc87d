"""Staff pages read in the language a person chooses (Polish, or Urdu right to left), with the
English sentence gone: areas, regions, assets, budget votes, caseloads, the audit log, covenants,
deadlines, events, peers and each role's home page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from n4c.platform.budgets import services as budgets
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db

#: Each page: who reads it, a sentence it shows in English (None: not checked), and the same
#: sentence in Polish and in Urdu (None: only the English is checked to be gone).
PAGES = {
    "area": (
        "national",
        "This area's baseline has not been frozen yet.",
        "Stan wyjściowy tego obszaru nie został jeszcze zamrożony.",
        "اس علاقے کی ابتدائی صورتِ حال ابھی منجمد نہیں کی گئی۔",
    ),
    "regions": ("national", "Regional hubs", "Ośrodki regionalne", "علاقائی مراکز"),
    "region": ("national", "Monthly report", None, None),
    "assets": (
        "national",
        "No assets recorded yet.",
        "Nie zapisano jeszcze żadnych zasobów.",
        "ابھی کوئی اثاثہ درج نہیں کیا گیا۔",
    ),
    "vote": (
        "national",
        "Paper ballots entered",
        "Wpisane karty papierowe",
        "درج کیے گئے کاغذی بیلٹ",
    ),
    "caseloads": (
        "national",
        "Staff and the areas they hold",
        "Pracownicy i prowadzone przez nich obszary",
        "عملہ اور ان کے سنبھالے ہوئے علاقے",
    ),
    "audit": ("national", "Latest changes", "Ostatnie zmiany", "تازہ ترین تبدیلیاں"),
    "adviser home": (
        "adviser",
        "<h1>Your areas</h1>",
        "<h1>Twoje obszary</h1>",
        "<h1>آپ کے علاقے</h1>",
    ),
    "covenant": (
        "adviser",
        None,
        "Umowa społeczna: Home ward",
        "Home ward کا کمیونٹی معاہدہ",
    ),
    "deadlines": (
        "adviser",
        None,
        "Prawa społeczności: najbliższe terminy",
        "کمیونٹی حقوق: آنے والی آخری تاریخیں",
    ),
    "events": ("adviser", None, "<h2>Minione wydarzenia</h2>", "<h2>گزشتہ تقریبات</h2>"),
    "peers": ("adviser", None, "Obszary partnerskie: Home ward", "Home ward کے ہم منصب علاقے"),
    "hub lead home": ("hub_lead", None, "<h1>Twój region</h1>", "<h1>آپ کا خطہ</h1>"),
    "national home": ("national", None, "<h1>Program</h1>", "<h1>پروگرام</h1>"),
}


@pytest.fixture
def addresses(home, national):
    vote = budgets.open_vote(national, home, title="Spend £1,000", budget_gbp=1000)
    return {
        "area": reverse("areas:detail", args=[home.pk]),
        "regions": reverse("regions:list"),
        "region": reverse("regions:detail", args=[home.region.code]),
        "assets": reverse("assets:register", args=[home.pk]),
        "vote": reverse("budgets:detail", args=[vote.pk]),
        "caseloads": reverse("caseloads:region", args=[home.region.code]),
        "audit": reverse("audit:list"),
        "adviser home": reverse("home"),
        "covenant": reverse("covenants:detail", args=[home.pk]),
        "deadlines": reverse("deadlines:calendar"),
        "events": reverse("events:list"),
        "peers": reverse("events:peers", args=[home.pk]),
        "hub lead home": reverse("home"),
        "national home": reverse("home"),
    }


@pytest.fixture
def readers(national, adviser, make_person, region):
    return {
        "national": national,
        "adviser": adviser,
        "hub_lead": make_person(Role.HUB_LEAD, region),
    }


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("language", "column"), [("pl", 0), ("ur", 1)])
def test_a_staff_page_reads_in_the_chosen_language(
    page, language, column, addresses, readers, client_for
) -> None:
    reader, english, *translated = PAGES[page]
    client = client_for(readers[reader])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(addresses[page])
    assert response.status_code == 200
    text = response.content.decode()
    direction = "rtl" if language == "ur" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in text
    if english:
        assert english not in text
    if translated[column]:
        assert translated[column] in text


@pytest.mark.parametrize("role", [Role.HUB_LEAD, Role.NATIONAL_TEAM])
def test_the_charts_on_the_hub_lead_s_and_national_team_s_homes_are_translated(
    role, make_person, region, client_for
) -> None:
    person = make_person(role, region if role == Role.HUB_LEAD else None)
    for language, over_time in (("pl", "W czasie"), ("ur", "وقت کے ساتھ")):
        client = client_for(person)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert over_time in client.get(reverse("home")).content.decode()


def test_the_people_panel_on_the_area_page_follows_the_language(home, national, client_for):
    """The panel is cached: each language keeps its own copy."""
    client = client_for(national)
    assert (
        "No adviser or community worker assigned yet."
        in client.get(reverse("areas:detail", args=[home.pk])).content.decode()
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    text = client.get(reverse("areas:detail", args=[home.pk])).content.decode()
    assert "Nie przydzielono jeszcze doradcy ani pracownika środowiskowego." in text
