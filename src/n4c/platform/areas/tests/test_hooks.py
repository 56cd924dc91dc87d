"""Apps add links, buttons and panels to the area page, each shown only to those it lets in."""

from __future__ import annotations

import copy

import pytest
from django.conf import settings as django_settings

from n4c.platform.areas import hooks
from n4c.platform.areas.access import can_edit_area
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db

_PANEL = "<h2>{{ heading }} of {{ area.name }}</h2><p>Read by {{ request.user.username }}.</p>"


@pytest.fixture(autouse=True)
def _own_registry(monkeypatch):
    """Each test registers into a copy, so the apps' own registrations come back after it."""
    for name in ("_links", "_actions", "_panels"):
        monkeypatch.setattr(hooks, name, dict(getattr(hooks, name)))


@pytest.fixture
def panel_template(settings):
    templates = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        ("django.template.loaders.locmem.Loader", {"tests/panel.html": _PANEL}),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates
    return "tests/panel.html"


def test_a_link_with_a_check_shows_only_to_those_it_lets_through(
    home, national, make_person, client_for
):
    hooks.register_area_link("Grants won", "areas:edit", check=can_edit_area)
    link = f'<a href="/areas/{home.pk}/edit/">Grants won</a>'
    assert link in client_for(national).get(f"/areas/{home.pk}/").text
    specialist = make_person(Role.SPECIALIST)
    assert "Grants won" not in client_for(specialist).get(f"/areas/{home.pk}/").text


def test_links_come_in_their_order_and_registering_again_replaces(home, national, client_for):
    hooks.register_area_link("Second", "areas:edit", order=2)
    hooks.register_area_link("First", "areas:detail", order=1)
    hooks.register_area_link("Renamed second", "areas:edit", order=3)
    labels = [link.label for link in hooks.area_links_for(national, home)]
    assert labels.index("First") < labels.index("Renamed second")
    assert "Second" not in labels


def test_an_action_is_a_button_for_those_its_check_lets_through(
    home, national, make_person, client_for
):
    hooks.register_area_action("Close the area", "areas:edit", check=can_edit_area, primary=True)
    page = client_for(national).get(f"/areas/{home.pk}/").text
    assert f'<a class="button" href="/areas/{home.pk}/edit/">Close the area</a>' in page
    specialist = make_person(Role.SPECIALIST)
    assert "Close the area" not in client_for(specialist).get(f"/areas/{home.pk}/").text


def test_a_panel_is_drawn_with_its_context_after_the_baseline(
    home, national, make_person, client_for, panel_template
):
    hooks.register_area_panel(
        "test-grants",
        panel_template,
        lambda request, area: {"heading": "Grants"},
        check=lambda user, area: user == national,
    )
    page = client_for(national).get(f"/areas/{home.pk}/").text
    panel = f"<h2>Grants of {home.name}</h2><p>Read by {national.username}.</p>"
    assert panel in page
    assert page.index("Baseline need") < page.index(panel)
    specialist = make_person(Role.SPECIALIST)
    assert "Grants of" not in client_for(specialist).get(f"/areas/{home.pk}/").text
