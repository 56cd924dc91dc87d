"""Staff pages of areas, regions, assets, budget votes, caseloads and the audit log read in the
language a person chooses (Polish, or Urdu right to left), with nothing left in English."""

from __future__ import annotations

import pytest
from django.urls import reverse

from n4c.platform.budgets import services as budgets

pytestmark = pytest.mark.django_db

#: Each page, a sentence it shows in English, and the same sentence in Polish and Urdu.
PAGES = {
    "area": (
        "This area's baseline has not been frozen yet.",
        "Stan wyjściowy tego obszaru nie został jeszcze zamrożony.",
        "اس علاقے کی ابتدائی صورتِ حال ابھی منجمد نہیں کی گئی۔",
    ),
    "regions": ("Regional hubs", "Ośrodki regionalne", "علاقائی مراکز"),
    "region": ("Monthly report", None, None),
    "assets": (
        "No assets recorded yet.",
        "Nie zapisano jeszcze żadnych zasobów.",
        "ابھی کوئی اثاثہ درج نہیں کیا گیا۔",
    ),
    "vote": ("Paper ballots entered", "Wpisane karty papierowe", "درج کیے گئے کاغذی بیلٹ"),
    "caseloads": (
        "Staff and the areas they hold",
        "Pracownicy i prowadzone przez nich obszary",
        "عملہ اور ان کے سنبھالے ہوئے علاقے",
    ),
    "audit": ("Latest changes", "Ostatnie zmiany", "تازہ ترین تبدیلیاں"),
}


@pytest.fixture
def addresses(home, national, adviser):
    vote = budgets.open_vote(national, home, title="Spend £1,000", budget_gbp=1000)
    return {
        "area": reverse("areas:detail", args=[home.pk]),
        "regions": reverse("regions:list"),
        "region": reverse("regions:detail", args=[home.region.code]),
        "assets": reverse("assets:register", args=[home.pk]),
        "vote": reverse("budgets:detail", args=[vote.pk]),
        "caseloads": reverse("caseloads:region", args=[home.region.code]),
        "audit": reverse("audit:list"),
    }


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("language", "column"), [("pl", 1), ("ur", 2)])
def test_a_staff_page_reads_in_the_chosen_language(
    page, language, column, addresses, national, client_for
):
    client = client_for(national)
    client.cookies["n4c_language"] = language
    response = client.get(addresses[page])
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<html lang="{language}"' in text
    english, *translated = PAGES[page]
    assert english not in text
    if translated[column - 1]:
        assert translated[column - 1] in text


def test_the_people_panel_on_the_area_page_follows_the_language(home, national, client_for):
    """The panel is cached: each language keeps its own copy."""
    client = client_for(national)
    assert (
        "No adviser or community worker assigned yet."
        in client.get(reverse("areas:detail", args=[home.pk])).content.decode()
    )
    client.cookies["n4c_language"] = "pl"
    text = client.get(reverse("areas:detail", args=[home.pk])).content.decode()
    assert "Nie przydzielono jeszcze doradcy ani pracownika środowiskowego." in text
