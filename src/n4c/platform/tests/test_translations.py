"""Every resident-facing string has a Polish and an Urdu translation (README "Languages")."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PLATFORM = Path(settings.BASE_DIR)
LOCALE = PLATFORM / "locale"
TRANSLATED = ["pl", "ur"]
#: The pages residents (partnership members) read, every string in them marked for translation.
RESIDENT_TEMPLATES = [
    "templates/base.html",
    "templates/form_fields.html",
    "templates/error_summary.html",
    "templates/403.html",
    "templates/403_csrf.html",
    "templates/404.html",
    "templates/500.html",
    "templates/registration/login.html",
    "areas/templates/areas/area_list.html",
    "areas/templates/areas/_area_results.html",
    "areas/templates/areas/area_detail.html",
    "support_log/templates/support_log/area_panel.html",
    "plans/templates/plans/plan_detail.html",
    "plans/templates/plans/_action_status.html",
    "partnership/templates/partnership/workspace.html",
    "partnership/templates/partnership/propose.html",
    "partnership/templates/partnership/proposal.html",
    "partnership/templates/partnership/decision.html",
    "partnership/templates/partnership/open_decision.html",
    "partnership/templates/partnership/roles.html",
    "budgets/templates/budgets/area_votes.html",
    "budgets/templates/budgets/ballot.html",
    "budgets/templates/budgets/ballot_fields.html",
    "budgets/templates/budgets/results.html",
    "grants/templates/grants/area_panels.html",
    "grants/templates/grants/apply.html",
    "grants/templates/grants/panel_detail.html",
    "grants/templates/grants/application_detail.html",
    "covenants/templates/covenants/area_panel.html",
    "covenants/templates/covenants/_summary.html",
    "measures/templates/measures/area_panel.html",
    "resources/templates/resources/resource_list.html",
    "resources/templates/resources/resource_detail.html",
    "search/templates/search/results.html",
    "templates/lists/pagination.html",
    "surveys/templates/surveys/respond.html",
    "surveys/templates/surveys/questions.html",
    "surveys/templates/surveys/waves.html",
    "home/templates/home/member.html",
    "right_to_bid/templates/right_to_bid/nominate.html",
    "plain/templates/plain/_check.html",
]
_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _key(entry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_with_the_same_placeholders(language) -> None:
    problems = []
    for entry in _catalogue(language):
        if entry.obsolete:
            continue
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        wanted = set(_PLACEHOLDER.findall(entry.msgid))
        if "fuzzy" in entry.flags or not all(texts):
            problems.append(f"untranslated: {entry.msgid!r}")
        elif any(set(_PLACEHOLDER.findall(text)) != wanted for text in texts):
            problems.append(f"placeholders differ: {entry.msgid!r}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_translations_match_the_po_files(language) -> None:
    """The .mo files are committed (no gettext needed to run the platform): they must be fresh."""
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = {
        _key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(folder / "django.mo"))
    }
    source = {_key(e): (e.msgstr, e.msgstr_plural) for e in _catalogue(language) if not e.obsolete}
    source.pop((None, ""), None)
    compiled.pop((None, ""), None)
    assert compiled == source, "Run: cd src/n4c/platform && django-admin compilemessages"


def test_makemessages_finds_no_string_missing_from_the_translations(tmp_path, monkeypatch) -> None:
    """Django's own extraction, run on a copy of the platform, finds exactly the committed msgids."""
    copy = tmp_path / "platform"
    shutil.copytree(PLATFORM, copy, ignore=shutil.ignore_patterns("locale", "tests", "__pycache__"))
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["pl"], no_location=True, verbosity=0)
    extracted = polib.pofile(str(copy / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    found = {_key(e) for e in extracted}
    assert (None, "Skip to main content") in found
    committed = {_key(e) for e in _catalogue("pl") if not e.obsolete}
    assert sorted(found - committed, key=str) == [], (
        "New strings: run makemessages -l pl -l ur and translate them"
    )
    assert sorted(committed - found, key=str) == [], "Strings no longer used: run makemessages"


_TAGS_WITHOUT_TEXT = [
    re.compile(r"\{% blocktranslate.*?%\}.*?\{% endblocktranslate %\}", re.S),
    re.compile(r"\{% comment %\}.*?\{% endcomment %\}", re.S),
    re.compile(r"\{#.*?#\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),
    re.compile(r"\{\{.*?\}\}", re.S),
    re.compile(r"<!DOCTYPE html>"),
    re.compile(r"&\w+;"),
]
_TEXT_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"')


@pytest.mark.parametrize("template", RESIDENT_TEMPLATES)
def test_a_resident_facing_template_has_no_text_left_unmarked(template) -> None:
    text = (PLATFORM / template).read_text(encoding="utf-8")
    attributes = [value for value in _TEXT_ATTRIBUTE.findall(text) if "{%" not in value]
    for pattern in _TAGS_WITHOUT_TEXT:
        text = pattern.sub(" ", text)
    words = re.sub(r"<[^>]*>", " ", text)
    left = [w for w in words.split() if re.search(r"[A-Za-z]", w)]
    assert (left, attributes) == ([], [])
