"""Refused, missing and failed pages are the site's own, in plain English, with a way back."""

from __future__ import annotations

import pytest
from django.template import loader
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_a_refused_page_says_why_and_offers_a_way_back(adviser, client_for) -> None:
    response = client_for(adviser).get(reverse("areas:create"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>You cannot do this</h1>" in html
    assert "Only the national team and hub leads can create areas." in html
    assert 'href="/">Go to the start page</a>' in html and 'class="site-header"' in html


@pytest.mark.django_db
def test_a_missing_page_is_the_sites_own(national, client_for) -> None:
    response = client_for(national).get(reverse("areas:detail", args=[987654]))
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html and "Go to the start page" in html
    assert "No Area matches" not in html


@pytest.mark.django_db
def test_a_form_sent_without_its_security_token_says_what_to_do() -> None:
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Your form was not sent</h1>" in html and "reload the page" in html


@pytest.mark.django_db
@pytest.mark.urls("n4c.platform.tests.error_urls")
def test_a_server_error_shows_the_sites_page(client) -> None:
    client.raise_request_exception = False
    response = client.get("/fails/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html and "Try again later." in html
    assert "RuntimeError" not in html


def test_the_server_error_page_needs_neither_a_request_nor_the_database() -> None:
    """Django renders 500.html with no request; this test may not touch the database."""
    html = loader.get_template("500.html").render({})
    assert "Sorry, there is a problem with the service" in html and 'href="/"' in html
