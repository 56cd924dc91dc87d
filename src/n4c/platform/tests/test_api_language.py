"""The API answers its errors in the language the request asks for (Accept-Language), as the
pages do: LocaleMiddleware chooses it, and the refusals are translated when raised."""

from __future__ import annotations

import pytest
from django.test import Client

from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def test_a_request_without_a_session_is_refused_in_polish():
    response = Client(headers={"accept-language": "pl"}).get("/api/areas/")
    assert response.status_code == 401
    assert response.json()["detail"][0]["msg"] == (
        "Najpierw się zaloguj: API odpowiada tylko zalogowanym sesjom."
    )


def test_a_change_the_person_may_not_make_is_refused_in_urdu(home, make_person, client_for):
    client = client_for(make_person(Role.SPECIALIST))
    response = client.patch(
        f"/api/areas/{home.pk}",
        data={"stage": "active"},
        content_type="application/json",
        headers={"accept-language": "ur"},
    )
    assert response.status_code == 403
    assert response.json()["detail"][0]["msg"] == (
        "آپ صرف وہی علاقے تبدیل کر سکتے ہیں جن کے آپ ذمہ دار ہیں۔"
    )


def test_a_request_without_a_language_is_answered_in_english():
    client = Client()
    assert client.get("/api/areas/").json()["detail"][0]["msg"] == (
        "Sign in first: the API answers signed-in sessions only."
    )


def test_a_nul_character_is_refused_in_the_request_s_language():
    """The NUL check runs before LocaleMiddleware, and chooses the language itself."""
    response = Client(headers={"accept-language": "pl"}).get("/api/areas/?name=a%00b")
    assert response.status_code == 400
    assert response.json()["detail"][0]["msg"] == (
        "Usuń znak NUL (bajt zerowy) z pola „name” i spróbuj ponownie: "
        "platforma nie może go zapisać."
    )
