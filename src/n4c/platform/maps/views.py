"""Map pages (national or one council), their GeoJSON, and the place search."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition

from n4c.errors import N4CError

#: Map choices in the order the form offers them.
WHATS = (
    ("leftbehind", _("Left-behind wards")),
    ("imd", _("IMD deciles")),
    ("spending", _("Grant money per head")),
)
#: The IoD editions the form offers (its words are in the template); the first is the default,
#: as for `n4c map`.
YEARS = (2019, 2025)


def _choice(request) -> tuple[str, str, int]:
    """The map, the council text and the IoD edition the GET parameters ask for."""
    what = request.GET.get("what", "leftbehind")
    if what not in dict(WHATS):
        what = "leftbehind"
    year = request.GET.get("year", "")
    return (
        what,
        request.GET.get("lad", "").strip(),
        int(year) if year in {str(y) for y in YEARS} else YEARS[0],
    )


def _council(text: str, year: int):
    """The council a code or name gives, the choices it could be, and any error sentence."""
    from n4c.maps import council_edition
    from n4c.places import resolve_place

    if not text:
        return None, [], ""
    found, choices = resolve_place(text, kind="council", edition=council_edition(year))
    if found is None:
        return (
            None,
            choices,
            (
                gettext("Choose which council you mean by “%(text)s”.") % {"text": text}
                if choices
                else gettext(
                    "No council is called “%(text)s”. Enter a council name, like Blackpool,"
                    " or its code."
                )
                % {"text": text}
            ),
        )
    return found, [], ""


def _built_layer(what: str, lad: str | None, year: int, language: str):
    """The map layer, its words (title, key, figures, source) in ``language``.

    ``language`` is the page's, which n4c.maps answers in; it is an argument so that each
    language has its own entry in the caches below.
    """
    from n4c.maps import map_layer

    return map_layer(what, lad=lad, year=year)  # type: ignore[arg-type]


_published_layer = lru_cache(maxsize=64)(_built_layer)


def _layer(what: str, lad: str | None, year: int):
    # Grants change as files are imported; the published data only with a new release. A
    # layer's words are in the page's language, so the language is part of the cache's key.
    if what == "spending":
        return _built_layer(what, lad, year, get_language())
    return _published_layer(what, lad, year, get_language())


def _built_geojson(what: str, lad: str | None, year: int, language: str) -> tuple[str, str]:
    """The layer's GeoJSON and its ETag (a hash of the text, so it changes with the data and
    with the language of its figures, such as "Left behind")."""
    from n4c.maps import geojson_text

    text = geojson_text(_layer(what, lad, year))
    return text, hashlib.sha256(text.encode()).hexdigest()[:32]


#: Published data changes only with a new release of n4c's datasets (a new process).
_published_geojson = lru_cache(maxsize=64)(_built_geojson)


def _cached_geojson(what: str, lad: str | None, year: int) -> tuple[str, str]:
    # Grants change as files are imported, so grant maps are built afresh each time.
    if what == "spending":
        return _built_geojson(what, lad, year, get_language())
    return _published_geojson(what, lad, year, get_language())


@login_required
def map_page(request):
    what, lad_text, year = _choice(request)
    council, choices, problem = _council(lad_text, year)
    lad = council.code if council else None
    layer, unavailable = None, ""
    if not problem:
        try:
            layer = _layer(what, lad, year)
        except N4CError as error:
            unavailable = str(error)
    # The language is in the data's address too, so a browser that kept one language's figures
    # does not show them after the reader chooses another.
    query = {"what": what, **({"lad": lad} if lad else {}), "year": year, "lang": get_language()}
    return render(
        request,
        "maps/map_page.html",
        {
            "whats": WHATS,
            "what": what,
            "years": YEARS,
            "year": year,
            "lad_text": council.name if council else lad_text,
            "council": council,
            "choices": choices,
            "problem": problem,
            "unavailable": unavailable,
            "layer": layer,
            "legend": _legend(layer) if layer else [],
            "rows": layer.areas.to_dict("records") if layer else [],
            "data_url": f"{reverse('maps:data')}?{urlencode(query)}",
        },
    )


def _legend(layer):
    from n4c.maps import legend_rows

    return legend_rows(layer)


def _etag(request, *args, **kwargs):
    what, lad, year = _choice(request)
    try:
        return _cached_geojson(what, lad or None, year)[1]
    except N4CError:
        return None


@login_required
@gzip_page  # the national GeoJSON is 3.8 MB as text and 0.6 MB gzipped; it holds no secrets
@condition(etag_func=_etag)
def map_data(request):
    what, lad, year = _choice(request)
    try:
        text, _ = _cached_geojson(what, lad or None, year)
    except N4CError as error:
        return HttpResponse(str(error), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(text, content_type="application/geo+json")
    response["Cache-Control"] = "private, max-age=3600"  # untranslated: an HTTP header
    return response


@login_required
def place_search(request):
    from n4c.places import KINDS, find_places

    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    places, problem = [], ""
    if query:
        try:
            places = find_places(query, kind=kind if kind in KINDS else None, limit=20)
        except N4CError as error:
            problem = str(error)
    template = "maps/_place_results.html" if request.htmx else "maps/place_search.html"
    return render(
        request,
        template,
        {"q": query, "kind": kind, "kinds": KINDS, "places": places, "problem": problem},
    )
