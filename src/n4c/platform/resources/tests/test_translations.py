"""A resource in the reader's language: a person's translation, else machine translation when
one is configured, else the English."""

from __future__ import annotations

from django.test import override_settings

from n4c.platform.people.models import Role
from n4c.platform.resources.models import Resource, ResourceTranslation
from n4c.platform.resources.translations import resource_in


def _shouting(text: str, language: str) -> str:
    return f"[{language}] {text.upper()}"


def _resource() -> Resource:
    return Resource.objects.create(
        title="Running a meeting", kind="guidance", summary="How to chair.", body="Start on time."
    )


def test_a_reader_who_chose_polish_sees_the_polish_translation(db, make_person, client_for):
    resource = _resource()
    ResourceTranslation.objects.create(
        resource=resource, language="pl", title="Prowadzenie spotkania", body="Zacznij punktualnie."
    )
    client = client_for(make_person(Role.ADVISER))
    client.post("/language/", {"language": "pl", "next": "/"})
    page = client.get(f"/resources/{resource.pk}/").content.decode()
    assert '<h1 lang="pl">Prowadzenie spotkania</h1>' in page
    assert "Zacznij punktualnie." in page
    assert '<p lang="pl">How to chair.</p>' in page  # no translated summary: the English


def test_without_a_translation_the_english_is_shown_marked_as_english(db):
    text = resource_in(_resource(), "ur")
    assert (text.title, text.language, text.machine_translated) == (
        "Running a meeting",
        "en-gb",
        False,
    )


@override_settings(MACHINE_TRANSLATION="n4c.platform.resources.tests.test_translations._shouting")
def test_machine_translation_is_used_only_when_configured_and_no_person_translated_it(db):
    resource = _resource()
    text = resource_in(resource, "ur")
    assert (text.title, text.body, text.machine_translated) == (
        "[ur] RUNNING A MEETING",
        "[ur] START ON TIME.",
        True,
    )
    ResourceTranslation.objects.create(resource=resource, language="ur", title="میٹنگ چلانا")
    assert resource_in(resource, "ur").title == "میٹنگ چلانا"
