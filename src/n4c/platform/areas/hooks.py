"""What other apps add to an area's page: links to their pages about it, actions, and panels.

The areas app knows nothing of the apps above it (Wagtail's hooks, Django's admin registry):
each app registers its own additions in its ``AppConfig.ready()``::

    from n4c.platform.areas.hooks import register_area_link, register_area_panel

    register_area_link("Area plan and Year Zero checklist", "plans:detail", order=20)
    register_area_panel(
        "people", "caseloads/area_panel.html", people_panel_context, order=20
    )

A ``check(user, area) -> bool`` hides the addition from those it does not let through, so no
one is offered a page that answers 403. A panel's ``context_function(request, area) -> dict``
gives its template what it shows (the template gets ``area`` and ``request`` besides); it may
hand over lazy querysets and a :class:`~n4c.platform.core.fragments.FragmentVersion` so the
template's ``{% cache %}`` runs the queries only when the fragment is stale. Registering the
same URL name or panel name again replaces the earlier entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from n4c.platform.areas.access import member_may_open, member_may_see_panel
from n4c.platform.areas.models import Area

__all__ = [
    "AreaLink",
    "AreaPanel",
    "area_actions_for",
    "area_links_for",
    "area_panels_for",
    "register_area_action",
    "register_area_link",
    "register_area_panel",
]

Check = Callable[[Any, Area], bool]
ContextFunction = Callable[[HttpRequest, Area], dict[str, Any]]


@dataclass(frozen=True)
class AreaLink:
    label: str
    url_name: str
    check: Check | None = None
    order: int = 100
    primary: bool = False

    def url(self, area: Area) -> str:
        return reverse(self.url_name, args=[area.pk])


@dataclass(frozen=True)
class AreaPanel:
    name: str
    template_name: str
    context_function: ContextFunction
    check: Check | None = None
    order: int = 100


@dataclass(frozen=True)
class RenderedLink:
    label: str
    url: str
    primary: bool


_links: dict[str, AreaLink] = {}
_actions: dict[str, AreaLink] = {}
_panels: dict[str, AreaPanel] = {}


def register_area_link(
    label: str, url_name: str, *, check: Check | None = None, order: int = 100
) -> None:
    """Link each area's page to ``url_name``, a page about that area taking its number."""
    _links[url_name] = AreaLink(label, url_name, check, order)


def register_area_action(
    label: str,
    url_name: str,
    *,
    check: Check | None = None,
    order: int = 100,
    primary: bool = False,
) -> None:
    """A button on each area's page for something done to the area (``url_name`` takes its
    number); ``primary`` for the page's main action."""
    _actions[url_name] = AreaLink(label, url_name, check, order, primary)


def register_area_panel(
    name: str,
    template_name: str,
    context_function: ContextFunction,
    *,
    check: Check | None = None,
    order: int = 100,
) -> None:
    """A part of each area's page, drawn from ``template_name`` with ``context_function``'s
    context; ``order`` places it (the area's own baseline comes first)."""
    _panels[name] = AreaPanel(name, template_name, context_function, check, order)


def _shown(entries: dict[str, Any], user, area: Area) -> list:
    """The entries whose check lets ``user`` through, by order then registration; a partnership
    member is offered only the pages and panels open to them (see ``areas.access``)."""
    ordered = sorted(entries.values(), key=lambda entry: entry.order)
    return [
        entry
        for entry in ordered
        if (
            member_may_see_panel(user, entry.name)
            if isinstance(entry, AreaPanel)
            else member_may_open(user, entry.url_name)
        )
        and (entry.check is None or entry.check(user, area))
    ]


def area_links_for(user, area: Area) -> list[RenderedLink]:
    """The other apps' pages about ``area`` that ``user`` may open, in order."""
    return [RenderedLink(link.label, link.url(area), False) for link in _shown(_links, user, area)]


def area_actions_for(user, area: Area) -> list[RenderedLink]:
    """The buttons for what ``user`` may do to ``area``, in order."""
    return [RenderedLink(a.label, a.url(area), a.primary) for a in _shown(_actions, user, area)]


def area_panels_for(request: HttpRequest, area: Area) -> list[SafeString]:
    """Each panel ``request.user`` may see, drawn, in order."""
    return [
        render_to_string(
            panel.template_name,
            {"area": area, **panel.context_function(request, area)},
            request=request,
        )
        for panel in _shown(_panels, request.user, area)
    ]
