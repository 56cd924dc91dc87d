"""Links and panels other apps add to an area's page, registered from their ``AppConfig.ready()``.

The areas app sits below the apps that describe an area (assets, plans, referrals...), so it
cannot import them; each of them registers here what it shows on the area page instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "AreaLink",
    "AreaPanel",
    "area_links",
    "area_panels",
    "register_area_link",
    "register_area_panel",
]


@dataclass(frozen=True)
class AreaLink:
    label: str
    url_name: str
    check: Callable | None
    order: int


@dataclass(frozen=True)
class AreaPanel:
    name: str
    template_name: str
    context_function: Callable
    check: Callable | None
    order: int


area_links: list[AreaLink] = []
area_panels: list[AreaPanel] = []


def register_area_link(
    label: str, url_name: str, *, check: Callable | None = None, order: int = 100
) -> None:
    """Link the area page to ``url_name`` (which takes the area's pk); ``check(user, area)`` hides it."""
    area_links[:] = [link for link in area_links if link.url_name != url_name]
    area_links.append(AreaLink(label, url_name, check, order))
    area_links.sort(key=lambda link: link.order)


def register_area_panel(
    name: str,
    template_name: str,
    context_function: Callable,
    *,
    check: Callable | None = None,
    order: int = 100,
) -> None:
    """Show ``template_name`` on the area page with ``context_function(request, area)``."""
    area_panels[:] = [panel for panel in area_panels if panel.name != name]
    area_panels.append(AreaPanel(name, template_name, context_function, check, order))
    area_panels.sort(key=lambda panel: panel.order)
