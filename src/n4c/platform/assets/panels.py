"""Sections the apps above this one add to the register page and to an asset's page.

The register page of an area also shows its upcoming deadlines, neighbourhood plans and calendar
address, and an asset's page its right-to-bid cases; those belong to apps that import this one,
so each registers its section here from its ``AppConfig.ready()`` (as they do on the area page
through :mod:`n4c.platform.areas.hooks`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.template.loader import render_to_string

__all__ = ["Page", "add_panel", "render_panels"]

Page = Literal["register", "asset"]


@dataclass(frozen=True)
class _Panel:
    template_name: str
    context_function: Callable
    order: int


_panels: dict[str, list[_Panel]] = {"register": [], "asset": []}


def add_panel(
    page: Page, template_name: str, context_function: Callable, *, order: int = 100
) -> None:
    """Show ``template_name`` on ``page`` with ``context_function(request, subject)``.

    The subject is the area on the register page and the asset on an asset's page; the context
    function decides what the user may see, as every view does.
    """
    panels = [p for p in _panels[page] if p.template_name != template_name]
    panels.append(_Panel(template_name, context_function, order))
    _panels[page] = sorted(panels, key=lambda p: p.order)


def render_panels(
    page: Page, request, subject, *, bound: Mapping[str, Any] | None = None
) -> list[str]:
    """Each section of ``page``; ``bound`` holds a form a section's view refused, which
    replaces the section's blank form of the same name (so what was typed is shown again)."""
    rendered = []
    for panel in _panels[page]:
        context = panel.context_function(request, subject)
        context |= {name: form for name, form in (bound or {}).items() if name in context}
        rendered.append(render_to_string(panel.template_name, context, request))
    return rendered
