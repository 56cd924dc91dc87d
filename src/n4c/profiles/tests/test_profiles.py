"""Neighbourhood profiles of Bloomfield (Blackpool) and of Blackpool, from the real data."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from n4c.errors import InputError
from n4c.places import resolve_place
from n4c.plain import check_text, extract_text
from n4c.profiles import (
    PROFILE_CSS,
    area_for_wards,
    build_profile,
    render_body,
    render_html,
    write_pdf,
)
from n4c.rights.assets import read_assets_csv

BLOOMFIELD = "E05001645"
BLACKPOOL = "E06000009"
DOMAINS = (
    "income",
    "employment",
    "education",
    "health",
    "crime",
    "barriers",
    "living_environment",
)


@pytest.fixture(scope="module")
def bloomfield():
    place, _ = resolve_place(BLOOMFIELD, kind="ward", edition=2017)
    assert place is not None
    # One asset inside Bloomfield, one in Leeds, one with no map position.
    from n4c.profiles.build import area_for_place
    from n4c.profiles.charts import area_outline_of

    inside = area_outline_of(area_for_place(place).lsoa11_codes).representative_point()
    register = read_assets_csv(
        io.StringIO(
            "name,kind,latitude,longitude,postcode\n"
            f"Revoe Library,physical,{inside.y:.6f},{inside.x:.6f},\n"
            "Far away hall,physical,53.8,-1.55,\n"
            "Choir,social,,,FY1 6AA\n"
        )
    )
    return build_profile(place, assets=register.assets)


@pytest.fixture(scope="module")
def blackpool():
    place, _ = resolve_place(BLACKPOOL, kind="council", edition=2019)
    assert place is not None
    return build_profile(place)


def test_a_ward_profile_shows_the_ward_figures_n4c_needs_gives(bloomfield) -> None:
    from n4c.needs import ward17_domains, ward_table

    row = ward_table(2019).set_index("ward17_code").loc[BLOOMFIELD]
    assert bloomfield.imd_score == pytest.approx(row["imd_score"], abs=0.001)
    assert (bloomfield.imd_rank, bloomfield.imd_decile) == (row["imd_rank"], row["imd_decile"])
    assert bloomfield.population == row["population"] == 6_745
    domains = ward17_domains().loc[BLOOMFIELD]
    by_key = {c.key: c for c in bloomfield.comparisons}
    for key in DOMAINS:
        assert by_key[key].rank == domains[f"{key}_rank"]
        assert by_key[key].decile == domains[f"{key}_decile"]
    for key in ("civic_assets", "connectedness", "engaged_community"):
        assert by_key[key].rank == domains[f"{key}_rank"]
        assert by_key[key].area == pytest.approx(domains[f"{key}_score"])
    assert by_key["cni"].area == pytest.approx(row["cni_score"])


def test_a_ward_profile_compares_each_measure_with_council_region_and_england(bloomfield) -> None:
    keys = [c.key for c in bloomfield.comparisons]
    assert keys == ["imd", *DOMAINS, "cni", "civic_assets", "connectedness", "engaged_community"]
    imd = bloomfield.comparisons[0]
    # Every LSOA of Bloomfield is in England's most deprived tenth; England is about a tenth.
    assert imd.area == 1.0
    assert imd.council > imd.region > imd.england
    assert imd.england == pytest.approx(0.1, abs=0.01)
    assert bloomfield.area.region_name == "North West"
    assert bloomfield.area.council_name == "Blackpool"


def test_a_ward_profile_has_both_flags_and_its_editions(bloomfield) -> None:
    assert bloomfield.left_behind.n4c and bloomfield.left_behind.ocsi
    assert [e.year for e in bloomfield.editions] == [2015, 2019, 2025]
    assert all(e.rank == 1 and e.decile == 1 for e in bloomfield.editions)


def test_assets_inside_the_area_are_drawn_and_the_rest_counted(bloomfield) -> None:
    assert [a.name for a in bloomfield.assets] == ["Revoe Library"]
    assert bloomfield.assets_outside == 2
    assert "Community assets (1)" in bloomfield.map_svg


def test_a_council_profile_shows_the_council_summary_and_three_editions(blackpool) -> None:
    from n4c.needs import summarise_imd

    row = summarise_imd(2019, "lad").set_index("area_code").loc[BLACKPOOL]
    assert blackpool.imd_score == pytest.approx(row["average_score"], abs=0.001)
    assert blackpool.imd_rank == row["rank_average_score"] == 1
    assert blackpool.imd_rank_of == 317
    assert [e.year for e in blackpool.editions] == [2015, 2019, 2025]
    assert blackpool.left_behind.wards_n4c >= 1
    assert blackpool.comparisons[0].area == pytest.approx(blackpool.comparisons[0].council)


def test_a_group_of_wards_is_profiled_like_a_platform_area() -> None:
    from n4c.needs import summarise_ward_group

    area = area_for_wards("Two Blackpool wards", [BLOOMFIELD, "E05001656"], code="area:1")
    profile = build_profile(area)
    group = summarise_ward_group([BLOOMFIELD, "E05001656"])
    assert (profile.imd_rank, profile.population) == (group.imd_rank, group.population)
    assert profile.left_behind.n4c == group.left_behind
    assert len(profile.area.lsoa11_codes) > 5


def test_places_in_other_boundaries_get_a_plain_error() -> None:
    from n4c.places import Place

    place = Place("ward", "E05001645", "Bloomfield", "Blackpool", 2011, "code")
    with pytest.raises(InputError, match="IMD 2019 areas"):
        build_profile(place)


class _Parser(HTMLParser):
    VOID: ClassVar[set[str]] = {
        "meta",
        "link",
        "img",
        "br",
        "hr",
        "input",
        "path",
        "use",
        "rect",
        "stop",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if "id" in values:
            self.ids.append(str(values["id"]))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        values = dict(attrs)
        if "id" in values:
            self.ids.append(str(values["id"]))

    def handle_endtag(self, tag) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def test_the_html_file_is_well_formed_self_contained_and_plain(bloomfield) -> None:
    page = render_html(bloomfield)
    parser = _Parser()
    parser.feed(page)
    assert parser.problems == [] and parser.stack == []
    assert len(parser.ids) == len(set(parser.ids))
    # No scripts and nothing fetched: the only web addresses are the sources' links.
    before_sources = page.split("<h2>Sources</h2>")[0]
    assert "<script" not in page and "@import" not in page and not re.search(r"url\((?!#)", page)
    assert not re.search(r'(src|href)="https?:', before_sources)
    assert PROFILE_CSS in page and "<svg" in page
    for heading in ("Income", "Living environment", "Civic assets", "Change between editions"):
        assert f">{heading}<" in page
    assert 'role="region"' in page and 'tabindex="0"' in page
    # The page's own words, before the sources' titles, read within the plain-English target.
    words = render_body(bloomfield).split("<h2>Sources</h2>")[0]
    check = check_text(extract_text(words, kind="html"))
    assert check.within_target, check.reading_age
    sentences = check_text("\n\n".join(bloomfield.sentences()))
    assert sentences.within_target and not sentences.words_to_avoid
    assert not any("long" in s.flags for s in sentences.sentences)


def test_the_platform_body_has_no_inline_style_or_svg(blackpool) -> None:
    body = render_body(blackpool, map_src="/areas/1/profile/map.svg")
    assert "<style" not in body and "style=" not in body and "<svg" not in body
    assert '<img src="/areas/1/profile/map.svg"' in body


def test_the_platform_stylesheet_is_the_profile_css() -> None:
    from importlib import resources

    served = resources.files("n4c.platform") / "static" / "n4c" / "profile.css"
    assert served.read_text(encoding="utf-8") == PROFILE_CSS + "\n"


def test_the_pdf_is_a4_and_its_first_page_is_not_blank(blackpool, tmp_path: Path) -> None:
    import pypdfium2

    out = tmp_path / "profile.pdf"
    write_pdf(blackpool, out)
    document = pypdfium2.PdfDocument(out)
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    image = document[0].render(scale=1).to_pil().convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 2_000
    assert len(document) >= 2


BLOOMFIELD_2024 = "E05015188"


@pytest.fixture(scope="module")
def bloomfield_2024():
    place, _ = resolve_place(BLOOMFIELD_2024, kind="ward", edition=2024)
    assert place is not None
    return build_profile(place)


def test_a_2024_ward_profile_is_built_on_the_imd_2025(bloomfield_2024) -> None:
    from n4c.needs import ward24_table

    row = ward24_table().set_index("ward_code").loc[BLOOMFIELD_2024]
    profile = bloomfield_2024
    assert profile.edition == 2025 and profile.area.council_code == "E06000009"
    assert profile.imd_score == pytest.approx(row["imd_score"], abs=0.001)
    assert (profile.imd_rank, profile.imd_decile) == (row["imd_rank"], row["imd_decile"])
    assert profile.population == row["population"]
    by_key = {c.key: c for c in profile.comparisons}
    for key in DOMAINS:
        assert by_key[key].rank == row[f"{key}_rank"]
    assert by_key["cni"].area == pytest.approx(row["cni_score"], abs=0.01)
    assert profile.area.region_name == "North West"
    assert [e.year for e in profile.editions] == [2015, 2019, 2025]
    assert profile.left_behind.n4c == bool(row["left_behind"])
    # OCSI's published 2019 answer, on the December 2017 ward that best fits it.
    assert profile.left_behind.ocsi and "Bloomfield" in profile.left_behind.ocsi_label
    page = render_html(profile)
    assert "IMD 2025 decile" in page and "<svg" in page and "published October 2025" in page
    sentences = check_text("\n\n".join(profile.sentences()))
    assert sentences.within_target and not sentences.words_to_avoid


def test_a_2021_lsoa_and_a_2024_council_are_profiled_on_the_imd_2025() -> None:
    from n4c.data import load
    from n4c.needs import summarise_imd

    lsoa, _ = resolve_place("E01012673", kind="lsoa", edition=2021)
    assert lsoa is not None
    profile = build_profile(lsoa)
    published = load("imd2025_lsoa21").set_index("lsoa21_code").loc["E01012673"]
    assert (profile.imd_rank, profile.imd_decile) == (
        published["IMD_rank"],
        published["IMD_decile"],
    )
    assert profile.imd_rank_of == 33_755 and profile.comparisons[1].ranked_among == "LSOAs"
    council, _ = resolve_place(BLACKPOOL, kind="council", edition=2024)
    assert council is not None
    blackpool = build_profile(council)
    row = summarise_imd(2025, "lad").set_index("area_code").loc[BLACKPOOL]
    assert blackpool.imd_rank == row["rank_average_score"] and blackpool.imd_rank_of == 296
    assert blackpool.left_behind.wards == 21 and blackpool.left_behind.wards_n4c >= 1


def test_a_2017_ward_profile_shows_its_best_fit_2024_ward_in_2025(bloomfield) -> None:
    latest = bloomfield.editions[-1]
    assert (latest.year, latest.geography) == (2025, "wards (2024)")
    assert "Bloomfield" in latest.how and any(BLOOMFIELD_2024 in n for n in bloomfield.notes)


def test_a_stored_profile_reads_back_the_same(bloomfield_2024) -> None:
    place, _ = resolve_place(BLOOMFIELD_2024, kind="ward", edition=2024)
    assert place is not None
    again = build_profile(place)
    assert render_html(again) == render_html(bloomfield_2024)


def test_the_2025_pdf_first_page_is_not_blank(bloomfield_2024, tmp_path: Path) -> None:
    import pypdfium2

    out = tmp_path / "profile.pdf"
    write_pdf(bloomfield_2024, out)
    image = pypdfium2.PdfDocument(out)[0].render(scale=1).to_pil().convert("L")
    assert sum(image.histogram()[:128]) > 2_000
