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
from n4c.words import gettext as _
from n4c.words import gettext_noop, ngettext, number

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
    return _("no figure") if math.isnan(share) else f"{share:.0%}"


def _score(value: float) -> str:
    return _("no figure") if math.isnan(value) else number(value, 1)


#: The four rows of each chart, as :attr:`Comparison.values` names them.
_ROWS = (
    gettext_noop("This area"),
    gettext_noop("Council"),
    gettext_noop("Region"),
    gettext_noop("England"),
)


def _row(label: str) -> str:
    """A chart row's label in the reader's language."""
    return _(label)


def _width(value: float, most: float) -> int:
    if math.isnan(value) or most <= 0:
        return 0
    return int(round(min(value / most, 1.0) * 100 / _BAR_STEP) * _BAR_STEP)


def _bars(item: Comparison) -> str:
    shown = _pct if item.group == "imd" else _score
    most = 1.0 if item.group == "imd" else max(v for _label, v in item.values if not math.isnan(v))
    rows = []
    for label, value in item.values:
        extra = " profile-bar-area" if label == _ROWS[0] else ""
        rows.append(
            f'<div class="profile-bar-row"><dt>{escape(_row(label))}</dt><dd>'
            f'<span class="profile-bar{extra} bar-w-{_width(value, most)}" aria-hidden="true">'
            f"</span><span>{escape(shown(value))}</span></dd></div>"
        )
    return f'<dl class="profile-bars">{"".join(rows)}</dl>'


def _ranked(item: Comparison) -> dict[str, str]:
    """The item's rank and how many it is among, written the reader's way."""
    assert item.rank is not None and item.rank_of is not None
    return {"rank": number(item.rank), "of": number(item.rank_of)}


def _rank(item: Comparison) -> str:
    if item.rank is None:
        return ""
    values = {**_ranked(item), "decile": item.decile}
    lsoa = item.ranked_among == "LSOAs"
    if item.group != "imd":
        sentence = (
            _("This LSOA ranks %(rank)s of %(of)s LSOAs in England (1 has the most need).")
            if lsoa
            else _("This ward ranks %(rank)s of %(of)s wards in England (1 has the most need).")
        )
    elif item.decile is None:
        sentence = (
            _("This LSOA ranks %(rank)s of %(of)s LSOAs in England (1 is the most deprived).")
            if lsoa
            else _("This ward ranks %(rank)s of %(of)s wards in England (1 is the most deprived).")
        )
    else:
        sentence = (
            _(
                "This LSOA ranks %(rank)s of %(of)s LSOAs in England "
                "(1 is the most deprived, decile %(decile)s)."
            )
            if lsoa
            else _(
                "This ward ranks %(rank)s of %(of)s wards in England "
                "(1 is the most deprived, decile %(decile)s)."
            )
        )
    return f"<p>{escape(sentence % values)}</p>"


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
            f'<section class="profile-measure"><h3>{escape(_(item.name))}</h3>'
            f"<p>{escape(_(item.meaning))}</p>{_bars(item)}{_rank(item)}</section>"
        )
    rows = [
        [_(item.name), *(shown(v) for _label, v in item.values)]
        + ([_("%(rank)s of %(of)s") % _ranked(item)] if item.rank is not None else ["-"])
        for item in items
    ]
    among = next((i.ranked_among for i in items if i.rank is not None), "wards")
    rank_heading = _("LSOA rank") if among == "LSOAs" else _("Ward rank")
    parts.append(
        _table(
            _("%(heading)s: %(unit)s") % {"heading": heading, "unit": unit},
            f"profile-table-{group}",
            [_("Measure"), *(_row(label) for label in _ROWS), rank_heading],
            rows,
        )
    )
    return "".join(parts)


def _map(profile: Profile, map_src: str | None) -> str:
    lsoas = len(profile.area.lsoa11_codes)
    if profile.edition == 2025:
        lsoas = len(profile.area.lsoa21_codes)
    values = {
        "name": profile.area.name,
        "lsoas": number(lsoas),
        "year": profile.edition,
        "assets": number(len(profile.assets)),
    }
    if not profile.assets:
        described = _(
            "Map of %(name)s: its boundary and its %(lsoas)s LSOAs, shaded by IMD %(year)s "
            "decile (darkest: most deprived)."
        )
    else:
        described = ngettext(
            "Map of %(name)s: its boundary and its %(lsoas)s LSOAs, shaded by IMD %(year)s "
            "decile (darkest: most deprived), with %(assets)s community asset.",
            "Map of %(name)s: its boundary and its %(lsoas)s LSOAs, shaded by IMD %(year)s "
            "decile (darkest: most deprived), with %(assets)s community assets.",
            len(profile.assets),
        )
    described = described % values
    picture = (
        f'<img src="{escape(map_src)}" alt="{escape(described)}">'
        if map_src
        else f'<div role="img" aria-label="{escape(described)}">{profile.map_svg}</div>'
    )
    notes = []
    if profile.assets_outside:
        notes.append(
            ngettext(
                "%(count)s asset in the register is not shown: it is outside the area or has "
                "no map position.",
                "%(count)s assets in the register are not shown: they are outside the area or "
                "have no map position.",
                profile.assets_outside,
            )
            % {"count": number(profile.assets_outside)}
        )
    rows = [[p.name, p.kind, f"{p.latitude:.5f}, {p.longitude:.5f}"] for p in profile.assets]
    assets = (
        _table(
            _("Community assets on the map"),
            "profile-table-assets",
            [_("Name"), _("Kind"), _("Where")],
            rows,
        )
        if rows
        else ""
    )
    return (
        _heading(_("Map")) + f'<figure class="profile-map">{picture}'
        f"<figcaption>{escape(described)}</figcaption></figure>"
        + "".join(f"<p>{escape(n)}</p>" for n in notes)
        + assets
    )


#: What each kind of place is, in each edition.
_KINDS = {
    2019: {
        "ward": gettext_noop("Ward (December 2017)"),
        "council": gettext_noop("Council (2019)"),
        "lsoa": gettext_noop("LSOA (2011)"),
        "area": gettext_noop("Group of wards (December 2017)"),
    },
    2025: {
        "ward": gettext_noop("Ward (2024)"),
        "council": gettext_noop("Council (2024)"),
        "lsoa": gettext_noop("LSOA (2021)"),
        "area": gettext_noop("Group of 2024 wards"),
    },
}


def _summary(profile: Profile) -> str:
    area = profile.area
    year = profile.edition
    kind = _(_KINDS[year][area.kind])
    if area.kind == "area" and area.geography == "lsoa21":
        kind = _("Group of LSOAs (2021)")
    codes = area.ward24_codes if area.geography == "ward24" else area.lsoa21_codes
    values: dict[str, object] = {
        "year": year,
        "population": number(profile.population),
        "source": _(profile.population_source),
        "score": number(profile.imd_score, 1),
        "rank": number(profile.imd_rank),
        "of": number(profile.imd_rank_of),
        "geography": _(profile.imd_geography),
        "decile": profile.imd_decile,
    }
    items: list[tuple[str, str]] = [
        (_("Kind of area"), kind),
        (_("Code"), area.code or ", ".join(area.ward17_codes if year == 2019 else codes)),
        (_("Council"), area.council_name),
        (_("Region"), area.region_name),
        (_("Edition"), _("English Indices of Deprivation %(year)s") % values),
        (_("Population"), _("%(population)s (%(source)s)") % values),
        (_("IMD %(year)s score") % values, number(profile.imd_score, 1)),
        (
            _("IMD %(year)s rank") % values,
            _("%(rank)s of %(of)s %(geography)s (1 is the most deprived)") % values,
        ),
        (
            _("IMD %(year)s decile") % values,
            _("%(decile)s (1 is the most deprived tenth)") % values,
        ),
    ]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in items)
    return _heading(_("Summary")) + f'<dl class="profile-summary">{body}</dl>'


def _left_behind(profile: Profile) -> str:
    status = profile.left_behind
    ocsi_of = status.wards if status.wards_ocsi_of is None else status.wards_ocsi_of
    rows = [
        [
            _(status.n4c_label),
            _("Yes") if status.n4c else _("No"),
            _("%(rank)s of %(of)s")
            % {"rank": number(status.wards_n4c), "of": number(status.wards)},
        ],
        [
            _(status.ocsi_label),
            _("Yes") if status.ocsi else _("No"),
            _("%(rank)s of %(of)s") % {"rank": number(status.wards_ocsi), "of": number(ocsi_of)},
        ],
    ]
    measure = _(
        "The 'left behind' measure picks wards among the most deprived tenth in England on "
        "both the IMD and the CNI. It is a measure, not a judgement of the people."
    )
    return (
        _heading(_("Left behind")) + f"<p>{escape(status.sentence)}</p>"
        f"<p>{escape(measure, quote=False)}</p>"
        + _table(
            _("Left behind by each test"),
            "profile-table-left-behind",
            [_("Test"), _("Left behind"), _("Wards left behind")],
            rows,
        )
    )


def _editions(profile: Profile) -> str:
    if not profile.editions:
        none = _("n4c holds no earlier edition for a group of wards; see each ward's own profile.")
        return _heading(_("Change between editions")) + f"<p>{escape(none, quote=False)}</p>"
    rows = [
        [
            str(e.year),
            _("%(rank)s of %(of)s %(geography)s")
            % {"rank": number(e.rank), "of": number(e.rank_of), "geography": _(e.geography)},
            str(e.decile),
            _(e.how) if e.how else _("published"),
        ]
        for e in profile.editions
    ]
    sentence = f"<p>{escape(profile.editions_sentence)}</p>" if profile.editions_sentence else ""
    intro = _(
        "This shows the area's IMD rank in each edition n4c holds. "
        "A lower rank means more deprived."
    )
    return (
        _heading(_("Change between editions"))
        + f"<p>{escape(intro, quote=False)}</p>"
        + sentence
        + _table(
            _("IMD rank and decile in each edition"),
            "profile-table-editions",
            [_("Edition"), _("Rank"), _("Decile"), _("How")],
            rows,
        )
    )


def _heading(text: str) -> str:
    # Headings are made here, not inside f-strings, where makemessages cannot find the words.
    return f"<h2>{escape(text)}</h2>"


def _sources(profile: Profile) -> str:
    items = "".join(
        f"<li>{escape(s.title)}. {escape(s.publisher)}"
        + (f", {escape(_(s.date))}" if s.date else "")
        + f". {escape(s.licence)}. "
        f'<a href="{escape(s.url)}">{escape(s.url)}</a></li>'
        for s in profile.sources
    )
    notes = "".join(f"<p>{escape(n)}</p>" for n in profile.notes)
    version = _("Data version %(version)s. Population: %(source)s.") % {
        "version": profile.data_version,
        "source": _(profile.population_source),
    }
    return _heading(_("Sources")) + f"{notes}<ul>{items}</ul><p>{escape(version)}</p>"


def render_body(profile: Profile, *, map_src: str | None = None) -> str:
    """The profile's sections (from the summary to the sources), without a page around them.

    ``map_src`` is the address of the map's SVG for a page that may not hold inline SVG;
    without it the map is written into the page.
    """
    if profile.edition == 2025:
        cni_year = 2023
        cni_intro = _("Each bar shows the average LSOA score. A higher score means more need.")
        cni_unit = _("average LSOA score, weighted by population")
    else:
        cni_year = 2019
        cni_intro = _("Each bar shows the average ward score. A higher score means more need.")
        cni_unit = _("average ward score, weighted by population")
    return (
        '<div class="profile">'
        + _summary(profile)
        + _left_behind(profile)
        + _map(profile, map_src)
        + _measures(
            profile,
            "imd",
            _("Deprivation: the IMD %(year)s and its seven domains") % {"year": profile.edition},
            _(
                "Each bar shows the share of people living in the most deprived tenth of areas "
                "in England on that measure."
            ),
            _("share of people in the most deprived 10%% of LSOAs") % {},
        )
        + _measures(
            profile,
            "cni",
            _("Community need: the CNI %(year)s and its domains") % {"year": cni_year},
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
