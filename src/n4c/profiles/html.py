"""A profile as HTML: the body the CLI file and the platform page share, and the whole file.

Built with :func:`html.escape` and plain strings, no template engine. Charts are HTML bars: a
row per figure (this area, council, region, England) whose length is a class (``bar-w-40``), so
the platform's strict Content Security Policy (no inline styles) allows them; every figure is
also written as a number beside its bar and in a table.
"""

from __future__ import annotations

import math
from html import escape

from n4c.profiles.model import Comparison, Profile

__all__ = ["PROFILE_CSS", "render_body", "render_html"]

_BAR_STEP = 2

#: The profile's own styles: bar lengths and layout. The platform serves the same text as
#: ``areas/profile.css`` (a test keeps the two equal).
PROFILE_CSS = "\n".join(
    [
        ".profile-bars { margin: 0 0 1em; padding: 0; }",
        ".profile a { overflow-wrap: anywhere; }",
        ".profile-bar-row { display: flex; align-items: center; gap: 0.5em; margin: 0.2em 0; }",
        ".profile-bar-row dt { flex: 0 0 6em; font-weight: normal; }",
        ".profile-bar-row dd { flex: 1 1 auto; margin: 0; display: flex; align-items: center;"
        " gap: 0.5em; }",
        ".profile-bar { display: inline-block; height: 1em; background: #1d70b8; }",
        ".profile-bar-area { background: #0b0c0c; }",
        ".profile-table-scroll { overflow-x: auto; max-width: 100%; }",
        ".profile-table-scroll:focus { outline: 3px solid #fd0; }",
        ".profile-table-scroll table { border-collapse: collapse; }",
        ".profile-table-scroll th, .profile-table-scroll td { text-align: left;"
        " padding: 0.25em 0.5em; border-bottom: 1px solid #b1b4b6; }",
        ".profile-map svg, .profile-map img { max-width: 100%; max-height: 32em; height: auto; }",
        ".profile-measure { break-inside: avoid; }",
        *(f".bar-w-{width} {{ width: {width}%; }}" for width in range(0, 101, _BAR_STEP)),
    ]
)

_PAGE_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #0b0c0c; line-height: 1.4;
  max-width: 60em; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.8em; } h2 { margin-top: 1.5em; } h3 { margin-bottom: 0.2em; }
a { color: #1d70b8; }
dl.profile-summary dt { font-weight: bold; }
dl.profile-summary dd { margin: 0 0 0.5em; }
:focus { outline: 3px solid #ffdd00; }
"""


def _pct(share: float) -> str:
    return "no figure" if math.isnan(share) else f"{share:.0%}"


def _score(value: float) -> str:
    return "no figure" if math.isnan(value) else f"{value:,.1f}"


def _width(value: float, most: float) -> int:
    if math.isnan(value) or most <= 0:
        return 0
    return int(round(min(value / most, 1.0) * 100 / _BAR_STEP) * _BAR_STEP)


def _bars(item: Comparison) -> str:
    shown = _pct if item.group == "imd" else _score
    most = 1.0 if item.group == "imd" else max(v for _, v in item.values if not math.isnan(v))
    rows = []
    for label, value in item.values:
        extra = " profile-bar-area" if label == "This area" else ""
        rows.append(
            f'<div class="profile-bar-row"><dt>{escape(label)}</dt><dd>'
            f'<span class="profile-bar{extra} bar-w-{_width(value, most)}" aria-hidden="true">'
            f"</span><span>{escape(shown(value))}</span></dd></div>"
        )
    return f'<dl class="profile-bars">{"".join(rows)}</dl>'


def _rank(item: Comparison) -> str:
    if item.rank is None:
        return ""
    noun = "LSOA" if item.ranked_among == "LSOAs" else "ward"
    decile = f", decile {item.decile}" if item.decile is not None else ""
    return (
        f"<p>This {noun} ranks {item.rank:,} of {item.rank_of:,} {item.ranked_among} in England "
        f"(1 is the most deprived{decile}).</p>"
        if item.group == "imd"
        else f"<p>This {noun} ranks {item.rank:,} of {item.rank_of:,} {item.ranked_among} in "
        "England (1 has the most need).</p>"
    )


def _table(caption: str, table_id: str, headings: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="profile-table-scroll table-scroll" role="region" aria-labelledby="{table_id}" '
        f'tabindex="0"><table><caption id="{table_id}">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _measures(profile: Profile, group: str, heading: str, intro: str, unit: str) -> str:
    items = [c for c in profile.comparisons if c.group == group]
    shown = _pct if group == "imd" else _score
    parts = [f"<h2>{escape(heading)}</h2>", f"<p>{escape(intro)}</p>"]
    for item in items:
        parts.append(
            f'<section class="profile-measure"><h3>{escape(item.name)}</h3>'
            f"<p>{escape(item.meaning)}</p>{_bars(item)}{_rank(item)}</section>"
        )
    rows = [
        [item.name, *(shown(v) for _, v in item.values)]
        + ([f"{item.rank:,} of {item.rank_of:,}"] if item.rank is not None else ["-"])
        for item in items
    ]
    among = next((i.ranked_among for i in items if i.rank is not None), "wards")
    rank_heading = "LSOA rank" if among == "LSOAs" else "Ward rank"
    parts.append(
        _table(
            f"{heading}: {unit}",
            f"profile-table-{group}",
            ["Measure", "This area", "Council", "Region", "England", rank_heading],
            rows,
        )
    )
    return "".join(parts)


def _with_assets(count: int) -> str:
    return f", with {count:,} community asset{'' if count == 1 else 's'}."


def _map(profile: Profile, map_src: str | None) -> str:
    lsoas = len(profile.area.lsoa11_codes)
    if profile.edition == 2025:
        lsoas = len(profile.area.lsoa21_codes)
    described = (
        f"Map of {profile.area.name}: its boundary and its {lsoas:,} LSOAs, shaded by "
        f"IMD {profile.edition} decile (darkest: most deprived)"
        + (_with_assets(len(profile.assets)) if profile.assets else ".")
    )
    picture = (
        f'<img src="{escape(map_src)}" alt="{escape(described)}">'
        if map_src
        else f'<div role="img" aria-label="{escape(described)}">{profile.map_svg}</div>'
    )
    notes = []
    if profile.assets_outside:
        notes.append(
            f"{profile.assets_outside:,} assets in the register are not shown: they are "
            "outside the area or have no map position."
        )
    rows = [[p.name, p.kind, f"{p.latitude:.5f}, {p.longitude:.5f}"] for p in profile.assets]
    assets = (
        _table(
            "Community assets on the map", "profile-table-assets", ["Name", "Kind", "Where"], rows
        )
        if rows
        else ""
    )
    return (
        f'<h2>Map</h2><figure class="profile-map">{picture}'
        f"<figcaption>{escape(described)}</figcaption></figure>"
        + "".join(f"<p>{escape(n)}</p>" for n in notes)
        + assets
    )


#: What each kind of place is, in each edition.
_KINDS = {
    2019: {
        "ward": "Ward (December 2017)",
        "council": "Council (2019)",
        "lsoa": "LSOA (2011)",
        "area": "Group of wards (December 2017)",
    },
    2025: {
        "ward": "Ward (2024)",
        "council": "Council (2024)",
        "lsoa": "LSOA (2021)",
        "area": "Group of 2024 wards",
    },
}


def _summary(profile: Profile) -> str:
    area = profile.area
    year = profile.edition
    kind = _KINDS[year][area.kind]
    if area.kind == "area" and area.geography == "lsoa21":
        kind = "Group of LSOAs (2021)"
    codes = area.ward24_codes if area.geography == "ward24" else area.lsoa21_codes
    items = [
        ("Kind of area", kind),
        ("Code", area.code or ", ".join(area.ward17_codes if year == 2019 else codes)),
        ("Council", area.council_name),
        ("Region", area.region_name),
        ("Edition", f"English Indices of Deprivation {year}"),
        ("Population", f"{profile.population:,} ({profile.population_source})"),
        (f"IMD {year} score", f"{profile.imd_score:.1f}"),
        (
            f"IMD {year} rank",
            f"{profile.imd_rank:,} of {profile.imd_rank_of:,} {profile.imd_geography} "
            "(1 is the most deprived)",
        ),
        (f"IMD {year} decile", f"{profile.imd_decile} (1 is the most deprived tenth)"),
    ]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in items)
    return f'<h2>Summary</h2><dl class="profile-summary">{body}</dl>'


def _left_behind(profile: Profile) -> str:
    status = profile.left_behind
    ocsi_of = status.wards if status.wards_ocsi_of is None else status.wards_ocsi_of
    rows = [
        [
            status.n4c_label,
            "Yes" if status.n4c else "No",
            f"{status.wards_n4c:,} of {status.wards:,}",
        ],
        [
            status.ocsi_label,
            "Yes" if status.ocsi else "No",
            f"{status.wards_ocsi:,} of {ocsi_of:,}",
        ],
    ]
    return (
        "<h2>Left behind</h2>"
        f"<p>{escape(status.sentence)}</p>"
        "<p>The 'left behind' measure picks wards among the most deprived tenth in England on "
        "both the IMD and the CNI. It is a measure, not a judgement of the people.</p>"
        + _table(
            "Left behind by each test",
            "profile-table-left-behind",
            ["Test", "Left behind", "Wards left behind"],
            rows,
        )
    )


def _editions(profile: Profile) -> str:
    if not profile.editions:
        return (
            "<h2>Change between editions</h2><p>n4c holds no earlier edition for a group of "
            "wards; see each ward's own profile.</p>"
        )
    rows = [
        [
            str(e.year),
            f"{e.rank:,} of {e.rank_of:,} {e.geography}",
            str(e.decile),
            e.how or "published",
        ]
        for e in profile.editions
    ]
    sentence = f"<p>{escape(profile.editions_sentence)}</p>" if profile.editions_sentence else ""
    return (
        "<h2>Change between editions</h2>"
        "<p>This shows the area's IMD rank in each edition n4c holds. "
        "A lower rank means more deprived.</p>"
        + sentence
        + _table(
            "IMD rank and decile in each edition",
            "profile-table-editions",
            ["Edition", "Rank", "Decile", "How"],
            rows,
        )
    )


def _sources(profile: Profile) -> str:
    items = "".join(
        f"<li>{escape(s.title)}. {escape(s.publisher)}"
        + (f", {escape(s.date)}" if s.date else "")
        + f". {escape(s.licence)}. "
        f'<a href="{escape(s.url)}">{escape(s.url)}</a></li>'
        for s in profile.sources
    )
    notes = "".join(f"<p>{escape(n)}</p>" for n in profile.notes)
    return (
        f"<h2>Sources</h2>{notes}<ul>{items}</ul>"
        f"<p>Data version {escape(profile.data_version)}. Population: "
        f"{escape(profile.population_source)}.</p>"
    )


def render_body(profile: Profile, *, map_src: str | None = None) -> str:
    """The profile's sections (from the summary to the sources), without a page around them.

    ``map_src`` is the address of the map's SVG for a page that may not hold inline SVG;
    without it the map is written into the page.
    """
    if profile.edition == 2025:
        cni_year = 2023
        cni_intro = "Each bar shows the average LSOA score. A higher score means more need."
        cni_unit = "average LSOA score, weighted by population"
    else:
        cni_year = 2019
        cni_intro = "Each bar shows the average ward score. A higher score means more need."
        cni_unit = "average ward score, weighted by population"
    return (
        '<div class="profile">'
        + _summary(profile)
        + _left_behind(profile)
        + _map(profile, map_src)
        + _measures(
            profile,
            "imd",
            f"Deprivation: the IMD {profile.edition} and its seven domains",
            "Each bar shows the share of people living in the most deprived tenth of areas "
            "in England on that measure.",
            "share of people in the most deprived 10% of LSOAs",
        )
        + _measures(
            profile,
            "cni",
            f"Community need: the CNI {cni_year} and its domains",
            cni_intro,
            cni_unit,
        )
        + _editions(profile)
        + _sources(profile)
        + "</div>"
    )


def render_html(profile: Profile) -> str:
    """The profile as one self-contained HTML file: styles inline, no scripts, no fetches."""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(profile.title)}: neighbourhood profile</title>"
        f"<style>{_PAGE_CSS}{PROFILE_CSS}</style></head><body><main>"
        f"<h1>{escape(profile.title)}</h1><p>Neighbourhood profile</p>"
        f"{render_body(profile)}</main></body></html>\n"
    )
