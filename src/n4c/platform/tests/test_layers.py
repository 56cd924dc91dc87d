"""The platform's apps depend downwards only: settings lists each after every app it imports.

import-linter (``make test``'s ``lint-imports``) holds the layers; this test holds the order
that ``settings.PLATFORM_APPS`` claims, counting imports inside functions too.
"""

from __future__ import annotations

import grimp
from django.conf import settings


def _imported_apps(graph: grimp.ImportGraph, app: str, apps: set[str]) -> set[str]:
    imported = set()
    for module in graph.find_descendants(app) | {app}:
        for other in graph.find_modules_directly_imported_by(module):
            owner = ".".join(other.split(".")[:3])
            if owner in apps and owner != app:
                imported.add(owner)
    return imported


def test_each_platform_app_imports_only_apps_listed_before_it() -> None:
    graph = grimp.build_graph("n4c")
    apps = list(settings.PLATFORM_APPS)
    problems = [
        f"{app} imports {other}, listed after it"
        for position, app in enumerate(apps)
        for other in sorted(_imported_apps(graph, app, set(apps)))
        if apps.index(other) > position
    ]
    assert problems == []
