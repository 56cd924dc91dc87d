"""Every page is sent with a Content-Security-Policy that allows only the platform's own scripts
and styles, and no page or template has an inline script, event handler or style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

import n4c.platform
from n4c.platform.assets.mapping import MapPoint, asset_map_svg

pytestmark = pytest.mark.django_db

REQUIRED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
}
_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
# Attributes and elements a Content-Security-Policy without 'unsafe-inline' refuses.
_INLINE = [
    # (data in a script element of type application/json is not run, so the policy allows it)
    re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>\s*\S", re.IGNORECASE),
    re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE),
    re.compile(r"<style[\s>]", re.IGNORECASE),
    re.compile(r"javascript:", re.IGNORECASE),
]


def _routes(patterns, prefix: str = ""):
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern):
            continue  # the admin's regular expressions: its pages are reached by their routes
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("api/"):
                yield "api/docs"
                continue
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def _address(route: str, area_id: int, person_id: int) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match.groups()
        if converter == "int":
            return str(person_id if ("person" in name or "user" in name) else area_id)
        return "x"

    return "/" + _PARAMETER.sub(value, route)


def _policy(header: str) -> dict[str, str]:
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {name: rest for name, rest in directives}


def _inline_code(html: str) -> list[str]:
    return [match.group(0) for pattern in _INLINE for match in pattern.finditer(html)]


def test_every_page_has_the_policy_and_no_inline_code(national, client_for, home):
    client = client_for(national)
    client.raise_request_exception = False
    routes = [r for r in _routes(get_resolver().url_patterns) if "logout" not in r]
    rendered, problems = 0, []
    for route in routes:
        address = _address(route, home.pk, national.pk)
        response = client.get(address)
        if response.status_code >= 500:
            problems.append((address, response.status_code))
            continue
        policy = _policy(response.get("Content-Security-Policy", ""))
        if {k: policy.get(k) for k in REQUIRED} != REQUIRED:
            problems.append((address, policy))
        if response.status_code == 200 and "html" in response["Content-Type"]:
            rendered += 1
            if inline := _inline_code(response.content.decode()):
                problems.append((address, inline))
    assert problems == []
    assert rendered >= 25, f"only {rendered} pages rendered; the walk has lost its way"


def test_the_policy_refuses_inline_code_and_other_sites():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for values in directives.values():
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values
        assert not [v for v in values if "//" in v or v == "*"]


def test_no_template_has_an_inline_script_handler_or_style():
    root = Path(n4c.platform.__file__).parent
    found = {
        str(path.relative_to(root)): inline
        for path in sorted(root.rglob("templates/**/*.html"))
        if (inline := _inline_code(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_inline_code_scan_finds_each_kind():
    """The scan itself: each refused form is found, and a script from a file is not."""
    for html in (
        "<script>alert(1)</script>",
        '<button onclick="go()">',
        '<p style="color:red">',
        "<style>p{}</style>",
        '<a href="javascript:go()">',
    ):
        assert _inline_code(html), html
    assert _inline_code('<script src="/static/n4c/x.js"></script><p class="a">') == []
    assert _inline_code('<script type="application/json" id="s">{"a": 1}</script>') == []


def test_the_asset_map_is_drawn_without_a_style_attribute():
    """The map is markup made in Python, so the template scan does not see it."""
    points = [
        MapPoint("Hall", "building", 53.8, -3.05, "/assets/1/"),
        MapPoint("Park", "land", 53.9, -3.0),
    ]
    assert _inline_code(str(asset_map_svg(points))) == []
