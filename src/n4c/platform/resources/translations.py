"""Staff-written resources in the reader's language: a person's translation where there is one
(:class:`~n4c.platform.resources.models.ResourceTranslation`), else the machine translation
named by ``N4C_MACHINE_TRANSLATION`` (off by default), else the English as written."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from n4c.platform.resources.models import Resource

__all__ = ["ResourceText", "resource_in"]


@dataclass(frozen=True)
class ResourceText:
    title: str
    summary: str
    body: str
    #: the language the text is in ("en-gb" when it fell back to the English)
    language: str
    machine_translated: bool = False


def resource_in(resource: Resource, language: str) -> ResourceText:
    """``resource``'s title, summary and body in ``language``, as well as the platform can."""
    english = ResourceText(resource.title, resource.summary, resource.body, settings.LANGUAGE_CODE)
    if language == settings.LANGUAGE_CODE:
        return english
    human = resource.translations.filter(language=language).first()
    if human is not None:
        return ResourceText(
            human.title, human.summary or resource.summary, human.body or resource.body, language
        )
    if not settings.MACHINE_TRANSLATION:
        return english
    translate = import_string(settings.MACHINE_TRANSLATION)
    title, summary, body = (
        translate(text, language) if text else ""
        for text in (english.title, english.summary, english.body)
    )
    return ResourceText(title, summary, body, language, machine_translated=True)
