"""An area's neighbourhood profile page: the real figures of its wards, cached, for who may see it."""

from __future__ import annotations

import pytest

from n4c.needs import summarise_ward_group
from n4c.platform.areas import profile_area
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db

BLOOMFIELD = "E05001645"


@pytest.fixture
def bloomfield(home):
    home.name = "Bloomfield"
    home.ward17_codes = [BLOOMFIELD]
    home.save()
    return home


def test_the_profile_page_shows_the_wards_figures_without_inline_styles(
    bloomfield, client_for, national
) -> None:
    response = client_for(national).get(f"/areas/{bloomfield.pk}/profile/")
    assert response.status_code == 200
    page = response.content.decode()
    group = summarise_ward_group([BLOOMFIELD])
    assert f"{group.imd_rank:,} of " in page and f"{group.population:,}" in page
    for heading in ("Income", "Living environment", "Civic assets", "Left behind"):
        assert f">{heading}<" in page
    # The site's CSP allows no inline styles: bars are classes, the map an image.
    assert "<style" not in page and " style=" not in page and "<svg" not in page
    assert f'<img src="/areas/{bloomfield.pk}/profile/map.svg"' in page
    assert "/static/n4c/profile.css" in page
    assert 'role="region"' in page and 'tabindex="0"' in page
    area_page = client_for(national).get(f"/areas/{bloomfield.pk}/").content.decode()
    assert f'href="/areas/{bloomfield.pk}/profile/"' in area_page


def test_the_map_is_an_svg_image(bloomfield, client_for, national) -> None:
    response = client_for(national).get(f"/areas/{bloomfield.pk}/profile/map.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("pl", "Bloomfield: decyl IMD 2019 każdego LSOA"),
        ("ur", "Bloomfield: ہر LSOA کا IMD 2019 ڈیسائل"),
    ],
)
def test_the_maps_words_are_text_in_the_readers_language(
    bloomfield, client_for, national, language, title
) -> None:
    """The SVG keeps its words as text, so the browser joins Urdu letters and orders them."""
    client = client_for(national)
    client.cookies["n4c_language"] = language
    svg = client.get(f"/areas/{bloomfield.pk}/profile/map.svg").content.decode()
    assert f">{title}</text>" in svg
    assert "decile of each LSOA" not in svg


def test_the_profile_is_built_once_per_data_version(
    bloomfield, client_for, national, monkeypatch
) -> None:
    client = client_for(national)
    assert client.get(f"/areas/{bloomfield.pk}/profile/").status_code == 200

    def fail(*args, **kwargs):
        raise AssertionError("the profile was built again")

    # The page imports n4c.profiles when it first needs it, so its names are patched there.
    monkeypatch.setattr("n4c.profiles.build_profile", fail)
    assert client.get(f"/areas/{bloomfield.pk}/profile/").status_code == 200
    assert client.get(f"/areas/{bloomfield.pk}/profile/map.svg").status_code == 200
    # A new data version is a new key, so the profile is built again.
    monkeypatch.setattr("n4c.profiles.data_version", lambda: "another-version")
    with pytest.raises(AssertionError, match="built again"):
        client.get(f"/areas/{bloomfield.pk}/profile/")


def test_members_see_their_own_areas_profile_only(bloomfield, far, make_person, client_for) -> None:
    member = make_person(Role.PARTNERSHIP_MEMBER)
    bloomfield.partnership_members.add(member)
    client = client_for(member)
    assert client.get(f"/areas/{bloomfield.pk}/profile/").status_code == 200
    assert client.get(f"/areas/{far.pk}/profile/").status_code == 404
    assert client.get(f"/areas/{far.pk}/profile/map.svg").status_code == 404


def test_wards_without_figures_get_a_sentence_not_an_error(home, client_for, national) -> None:
    home.ward17_codes = ["E05999999"]
    home.save()
    response = client_for(national).get(f"/areas/{home.pk}/profile/")
    assert response.status_code == 200
    assert "has an LSOA in the lookup" in response.content.decode()
    assert client_for(national).get(f"/areas/{home.pk}/profile/map.svg").status_code == 404


def test_the_cli_finds_an_area_by_its_id(bloomfield) -> None:
    from n4c.errors import InputError

    area = profile_area.profile_area_by_id(bloomfield.pk)
    assert (area.kind, area.code, area.ward17_codes) == (
        "area",
        f"area:{bloomfield.pk}",
        (BLOOMFIELD,),
    )
    with pytest.raises(InputError, match="there is no platform area"):
        profile_area.profile_area_by_id(bloomfield.pk + 1_000)


def test_an_area_drawn_on_2024_wards_is_profiled_on_the_imd_2025(
    home, client_for, national
) -> None:
    from n4c.needs import ward24_table
    from n4c.platform.areas.models import Geography

    home.name = "Bloomfield 2024"
    home.geography = Geography.WARD24
    home.codes = ["E05015188"]
    home.save()
    response = client_for(national).get(f"/areas/{home.pk}/profile/")
    assert response.status_code == 200
    page = response.content.decode()
    row = ward24_table().set_index("ward_code").loc["E05015188"]
    assert "Group of 2024 wards" in page and "IMD 2025 rank" in page
    assert f"{int(row['imd_rank']):,} of 6,784" in page
    assert f'<img src="/areas/{home.pk}/profile/map.svg"' in page and "<svg" not in page


def test_an_area_drawn_on_2021_lsoas_is_profiled_on_the_imd_2025(
    home, client_for, national
) -> None:
    from n4c.needs import summarise_area
    from n4c.platform.areas.models import Geography

    codes = ["E01012673", "E01012674"]
    home.name = "Two Blackpool LSOAs"
    home.geography = Geography.LSOA21
    home.codes = codes
    home.save()
    response = client_for(national).get(f"/areas/{home.pk}/profile/")
    assert response.status_code == 200
    page = response.content.decode()
    need = summarise_area("lsoa21", codes)
    assert "Group of LSOAs (2021)" in page and "IMD 2025 rank" in page
    assert need.imd2025 is not None
    assert f"{need.imd2025.imd_rank:,} of {need.imd2025.wards_ranked:,}" in page
    assert f'<img src="/areas/{home.pk}/profile/map.svg"' in page
    assert client_for(national).get(f"/areas/{home.pk}/profile/map.svg").status_code == 200


def _in(client, language: str):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_profile_page_speaks_the_readers_language(bloomfield, client_for, national) -> None:
    page = _in(client_for(national), "pl").get(f"/areas/{bloomfield.pk}/profile/")
    text = page.content.decode()
    assert page.status_code == 200
    assert ">Podsumowanie<" in text and ">Dochód<" in text
    assert "<h2>Zmiany między wydaniami</h2>" in text and "<h2>Źródła</h2>" in text
    assert "Liczy osoby, które żyją z niskiego dochodu." in text
    assert "To miara, a nie ocena mieszkańców." in text
    assert "It is a measure, not a judgement of the people." not in text
    urdu = _in(client_for(national), "ur").get(f"/areas/{bloomfield.pk}/profile/")
    assert "یہ ان لوگوں کو گنتا ہے جو کم آمدنی پر گزارا کرتے ہیں۔" in urdu.content.decode()


def test_a_profiles_sources_give_each_datasets_title_and_licence_in_the_readers_language(
    bloomfield, client_for, national
) -> None:
    polish = _in(client_for(national), "pl").get(f"/areas/{bloomfield.pk}/profile/")
    text = polish.content.decode()
    assert (
        "<li>Angielskie wskaźniki deprywacji (IoD) 2019: pozycje i decyle IMD i jego obszarów "
        "(plik 7), LSOA 2011. Ministry of Housing, Communities and Local Government, "
        "opublikowano we wrześniu 2019. Licencja Open Government Licence v3.0. "
    ) in text
    assert "Granice LSOA 2011 od ONS, bardzo uproszczone" in text
    assert "Opublikowane przez OCSI / Local Trust; bez podanej licencji" in text
    assert "English Indices of Deprivation" not in text and "no licence stated" not in text
    urdu = _in(client_for(national), "ur").get(f"/areas/{bloomfield.pk}/profile/")
    text = urdu.content.decode()
    assert (
        "انگلش اشاریہ جات برائے محرومی (IoD) 2019: IMD اور اس کے شعبوں کے درجے اور ڈیسائل "
        "(فائل 7)، LSOA 2011"
    ) in text
    assert ". اوپن گورنمنٹ لائسنس (Open Government Licence) v3.0. " in text
    assert "OCSI / Local Trust کی طرف سے شائع شدہ؛ کوئی لائسنس درج نہیں" in text
    assert "English Indices of Deprivation" not in text and "no licence stated" not in text


def test_an_english_reader_after_a_polish_one_gets_english(
    bloomfield, client_for, national
) -> None:
    polish = _in(client_for(national), "pl").get(f"/areas/{bloomfield.pk}/profile/")
    assert "Test n4c" in polish.content.decode()
    english = _in(client_for(national), "en-gb").get(f"/areas/{bloomfield.pk}/profile/")
    text = english.content.decode()
    assert ">Summary<" in text and "This counts people who live on a low income." in text
    assert "as having high need and few places or groups to help" in text
    assert "Podsumowanie" not in text and "Test n4c" not in text


def test_the_cli_profile_stays_english_after_a_polish_page(
    bloomfield, client_for, national
) -> None:
    from django.utils import translation

    from n4c.profiles import build_profile, render_html

    _in(client_for(national), "pl").get(f"/areas/{bloomfield.pk}/profile/")
    # The Polish profile is stored apart: the CLI (no page language) reads its own English one.
    with translation.override(None):
        page = render_html(build_profile(profile_area.profile_area(bloomfield)))
    assert "<h2>Summary</h2>" in page and "It is a measure, not a judgement" in page
    assert "as having high need and few places or groups to help" in page
    assert "Podsumowanie" not in page and "Test n4c" not in page and "okręg" not in page
    assert ". Open Government Licence v3.0. " in page and "Angielskie wskaźniki" not in page


def test_a_profile_on_the_imd_2025_speaks_polish(home, client_for, national) -> None:
    from n4c.platform.areas.models import Geography

    home.name = "Bloomfield 2024"
    home.geography = Geography.WARD24
    home.codes = ["E05015188"]
    home.save()
    page = _in(client_for(national), "pl").get(f"/areas/{home.pk}/profile/").content.decode()
    assert "Grupa okręgów z 2024 r." in page and "Pozycja w IMD 2025" in page
    assert "Własny szacunek n4c na 2025 r." in page and "Lista OCSI z 2019 r." in page
    assert "n4c's own estimate for 2025" not in page


def test_the_profile_s_figures_group_thousands_the_polish_way(
    bloomfield, client_for, national
) -> None:
    """The population, ranks and LSOA counts write 7 433 in Polish, 7,433 in English."""
    group = summarise_ward_group([BLOOMFIELD])
    assert group.population >= 1000
    polish = _in(client_for(national), "pl").get(f"/areas/{bloomfield.pk}/profile/")
    text = polish.content.decode()
    assert f"{group.population:,}".replace(",", "\xa0") in text
    assert "<dd>1 z 7\xa0421 okręgów (grudzień 2017 r.)" in text  # England's wards ranked
    assert f"{group.population:,}" not in text and "7,421" not in text
    english = _in(client_for(national), "en-gb").get(f"/areas/{bloomfield.pk}/profile/")
    assert f"{group.population:,}" in english.content.decode()
    assert "1 of 7,421 wards" in english.content.decode()
