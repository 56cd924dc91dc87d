"""The nomination letter template is a real letter, in the demo and in databases made before."""

from __future__ import annotations

import importlib

import pytest

from n4c.platform.resources.demo import seed_resources
from n4c.platform.resources.models import Resource

pytestmark = pytest.mark.django_db

TITLE = "Asset of community value: nomination letter"


def test_the_demo_nomination_letter_has_what_regulation_6_requires(national):
    seed_resources(national)
    body = Resource.objects.get(title=TITLE).body
    for part in ("1. Description of the land", "2. Its proposed boundaries", "at least 21"):
        assert part in body
    assert "[TO ADD: the owner's name and address" in body


def test_the_migration_fills_an_empty_nomination_letter_and_leaves_others_alone():
    from django.apps import apps

    empty = Resource.objects.create(title=TITLE, kind="template", summary="A letter.")
    other = Resource.objects.create(title="Budget", kind="template", summary="A sheet.")
    migration = importlib.import_module(
        "n4c.platform.resources.migrations.0003_nomination_letter_text"
    )
    migration.fill(apps, None)
    empty.refresh_from_db()
    other.refresh_from_db()
    assert "Community nomination:" in empty.body
    assert other.body == ""
