"""Maps by keyboard alone: Tab reaches the map, Enter goes from area to area with the arrow
keys, Enter names the area, Escape hides the name and then gives the arrow keys back to
Leaflet; the same on the platform's page (in English and Polish) and in `n4c map --out x.html`."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.people.models import Profile, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-58"
BLACKPOOL_IMD = "/maps/?what=imd&lad=E06000009"


@pytest.fixture
def national_user():
    user = get_user_model().objects.create_user("keyboard", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    return user


def _signed_in(new_page, live_server, width: int, language: str = ""):
    page = new_page(width)
    page.goto(f"{live_server.url}/accounts/login/")
    if language:
        page.get_by_label("Language").select_option(language)
        page.get_by_role("button", name="Change language").click()
    page.locator("#id_username").fill("keyboard")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def _tab_to_the_map(page) -> None:
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "map":
            return
    raise AssertionError("Tab never reached the map")


def _status(page) -> str:
    return page.locator("#map-status").inner_text()


def _map_offset(page) -> str:
    return page.locator(".leaflet-map-pane").evaluate("pane => pane.style.transform")


def _changes(page, read, before) -> bool:
    """Whether what `read` gives changes from `before` within two seconds (Leaflet animates)."""
    for _ in range(40):
        if read(page) != before:
            return True
        page.wait_for_timeout(50)
    return False


def _drawn(page) -> str:
    return page.locator(".leaflet-overlay-pane").inner_html()


def _serious_axe_problems(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        (v["id"], [n["html"][:200] for n in v["nodes"][:3]])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def _walk_the_areas_by_keyboard(page) -> None:
    """The keys from Tab to Escape, as a keyboard user presses them, on any n4c map."""
    _tab_to_the_map(page)
    the_map = page.locator("#map")
    assert the_map.get_attribute("role") == "application"
    assert the_map.get_attribute("aria-label").startswith("Map: ")
    help_id = the_map.get_attribute("aria-describedby")
    assert page.locator(f"#{help_id}").is_visible()
    # The focus shows on the map itself: a thick outline there is.
    outline = the_map.evaluate("m => getComputedStyle(m).outlineWidth")
    assert float(outline.removesuffix("px")) >= 3

    # Before Enter, the arrow keys are Leaflet's: they move the map.
    before = _map_offset(page)
    page.keyboard.press("ArrowLeft")
    assert _changes(page, _map_offset, before)

    page.keyboard.press("Enter")
    assert _status(page).startswith("Going from area to area")
    first = _status(page).split("the map. ", 1)[1]
    # The area has a thick yellow and black outline of its own, drawn over the others.
    ring = page.locator(".leaflet-overlay-pane path:not(.leaflet-interactive)")
    assert ring.count() == 2
    assert sorted(ring.evaluate_all("rs => rs.map(r => r.getAttribute('stroke-width'))")) == [
        "10",
        "4",
    ]

    page.keyboard.press("ArrowRight")
    second = _status(page)
    assert second and second != first
    page.keyboard.press("ArrowDown")
    third = _status(page)
    assert third != second

    page.keyboard.press("Enter")
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text() == third
    assert page.evaluate("document.activeElement.id") == "map"

    page.keyboard.press("Escape")
    page.locator(".leaflet-tooltip").wait_for(state="detached", timeout=2000)  # after fading
    page.keyboard.press("Escape")
    assert _status(page) == "Moving the map."
    assert ring.count() == 0
    # + still zooms the map once the areas are left.
    drawn = _drawn(page)
    page.keyboard.press("=")
    assert _changes(page, _drawn, drawn)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_platform_map_works_by_keyboard_alone_and_passes_axe(
    live_server, new_page, national_user, width
):
    page = _signed_in(new_page, live_server, width)
    page.goto(f"{live_server.url}{BLACKPOOL_IMD}")
    page.locator(".n4c-map--ready").wait_for()
    _walk_the_areas_by_keyboard(page)

    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an area named, its outline and tooltip showing
    page.locator(".leaflet-tooltip").wait_for()
    assert _serious_axe_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_tables_button_shows_the_area_and_escape_goes_back_to_it(
    live_server, new_page, national_user
):
    page = _signed_in(new_page, live_server, 390)
    page.goto(f"{live_server.url}{BLACKPOOL_IMD}")
    page.locator(".n4c-map--ready").wait_for()
    table = page.get_by_role("region", name="IMD 2019 decile of each LSOA, Blackpool: 94 areas")
    assert table.get_attribute("tabindex") == "0"
    button = page.get_by_role("button", name="Show Blackpool 006A on the map")
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map"
    assert page.locator(".leaflet-tooltip").inner_text().startswith("Blackpool 006A (Blackpool)")
    page.keyboard.press("ArrowUp")  # carry on from there to a neighbour
    assert not _status(page).startswith("Blackpool 006A")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Show Blackpool 006A on the map"
    )


@pytest.mark.parametrize(
    ("language", "button", "label", "help", "zoom_in", "areas", "area"),
    [
        (
            "pl",
            "Pokaż Blackpool 006A na mapie",
            "Mapa: ",
            "Z klawiatury",
            "Przybliż",
            "Przechodzenie między obszarami",
            " (Blackpool): Decyl IMD 2019 (LSOA) – ",
        ),
        (
            "ur",
            "Blackpool 006A نقشے پر دکھائیں",
            "نقشہ: ",
            "کی بورڈ سے",
            "زوم اِن کریں",
            "ایک علاقے سے دوسرے علاقے پر جانا",
            " (Blackpool) — IMD 2019 ڈیسائل (LSOAs): ",
        ),
    ],
)
def test_the_maps_words_for_the_keyboard_are_in_the_readers_language(
    live_server, new_page, national_user, language, button, label, help, zoom_in, areas, area
):
    page = _signed_in(new_page, live_server, 390, language=language)
    page.goto(f"{live_server.url}{BLACKPOOL_IMD}")
    page.locator(".n4c-map--ready").wait_for()
    assert page.get_by_role("button", name=button).count() == 1
    assert page.locator("#map").get_attribute("aria-label").startswith(label)
    assert page.locator("#map-help").inner_text().startswith(help)
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == zoom_in
    _tab_to_the_map(page)
    page.keyboard.press("Enter")
    assert _status(page).startswith(areas)
    # The area is named in the language's own order, from the page's whole sentence.
    assert area in _status(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert _serious_axe_problems(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_html_map_from_the_command_line_works_by_keyboard(new_page, tmp_path, width):
    from n4c.maps import map_layer
    from n4c.maps.page import html_page

    path = tmp_path / "map.html"
    path.write_text(html_page(map_layer("imd", lad="E06000009")), encoding="utf-8")
    page = new_page(width)
    page.goto(path.as_uri())
    page.locator(".n4c-map--ready").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    _walk_the_areas_by_keyboard(page)
    assert page.get_by_role("button", name="Show Blackpool 006A on the map").count() == 1
    assert _serious_axe_problems(page) == []
