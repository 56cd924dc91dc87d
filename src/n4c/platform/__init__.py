"""The Network's web platform: a Django project with one app per concept.

Owns the people, areas, caseloads, support log and audit trail the Network runs on, and the
pages and JSON API over them. It may import every analytics package (``n4c.needs`` for an
area's baseline); nothing outside ``n4c.platform`` and ``n4c.cli`` may import it or Django.

The apps form layers, held by import-linter (``pyproject.toml``): ``core`` → ``audit`` →
``regions`` → ``people`` → ``areas`` → the work apps → the pages (``api``, ``urls``, ``demo``,
``rollout``). An app imports only from its own layer's work apps or below, never in a circle.

Adding an app: create ``n4c/platform/<app>/`` (``apps.py``, ``models.py``, ``urls.py`` with
``app_name``, ``api.py`` with ``router``), add its dotted path to ``PLATFORM_APPS`` in
``settings.py`` after the apps it imports, and place it in a layer in ``pyproject.toml``; its
pages mount at ``/<app>/`` and its API at ``/api/<app>/`` by themselves. Its links, buttons and
panels on every area's page are registered in its ``AppConfig.ready`` (``areas.hooks``), and
its panels on every plan page likewise (``plans.hooks``); demo
data is an idempotent ``seed(areas, actor, today) -> str`` in ``<app>/demo.py``, which
``n4c platform seed-demo`` runs. Shared rules to call, never copy:
``areas.access.areas_visible_to`` / ``areas_editable_by``, ``people.access.role_of``,
``caseloads.capacity.check_capacity``, ``audit.services.record_change``, and ``core`` for cached
fragments, service errors on forms and the ``actor`` convention.
"""

__all__: list[str] = []
