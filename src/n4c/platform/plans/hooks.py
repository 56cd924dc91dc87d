"""What other apps add to an area's plan page, as :mod:`n4c.platform.areas.hooks` does for the
area page: each app registers a panel in its ``AppConfig.ready()``::

    from n4c.platform.plans.hooks import register_plan_panel

    register_plan_panel("covenant", "covenants/plan_panel.html", covenant_context, order=10)

A panel's ``context_function(request, area) -> dict`` gives its template what it shows (the
template gets ``area`` and ``request`` besides). Whoever may read the plan sees every panel, so a
panel shows only what every reader of the plan may read. Registering the same name again
replaces the earlier panel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from n4c.platform.areas.models import Area

__all__ = ["PlanPanel", "plan_panels_for", "register_plan_panel"]

ContextFunction = Callable[[HttpRequest, Area], dict[str, Any]]


@dataclass(frozen=True)
class PlanPanel:
    name: str
    template_name: str
    context_function: ContextFunction
    order: int = 100


_panels: dict[str, PlanPanel] = {}


def register_plan_panel(
    name: str, template_name: str, context_function: ContextFunction, *, order: int = 100
) -> None:
    """A part of each plan page, drawn from ``template_name`` after the plan's own parts."""
    _panels[name] = PlanPanel(name, template_name, context_function, order)


def plan_panels_for(request: HttpRequest, area: Area) -> list[SafeString]:
    """Each registered panel about ``area``'s plan, drawn, in order."""
    return [
        render_to_string(
            panel.template_name,
            {"area": area, **panel.context_function(request, area)},
            request=request,
        )
        for panel in sorted(_panels.values(), key=lambda panel: panel.order)
    ]
