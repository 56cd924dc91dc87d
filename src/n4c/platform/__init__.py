"""The Network's web platform: a Django project with one app per concept.

Owns the people, areas, caseloads, support log and audit trail the Network runs on, and the
pages and JSON API over them. It may import every analytics package (``n4c.needs`` for an
area's baseline); nothing outside ``n4c.platform`` and ``n4c.cli`` may import it or Django.

Adding an app: create ``n4c/platform/<app>/`` (``apps.py``, ``models.py``, ``urls.py`` with
``app_name``, ``api.py`` with ``router``) and add its dotted path to ``PLATFORM_APPS`` in
``settings.py``; its pages mount at ``/<app>/`` and its API at ``/api/<app>/`` by themselves.
A link on every area's page is one line in ``AREA_PAGE_LINKS``; demo data is an idempotent
``seed(areas, actor, today) -> str`` in ``<app>/demo.py``, which ``n4c platform seed-demo`` runs.
Shared rules to call, never copy: ``areas.access.areas_visible_to`` / ``areas_editable_by``,
``people.access.role_of``, ``caseloads.capacity.check_capacity``, ``audit.services.record_change``.
"""

__all__: list[str] = []
