"""Every resident-facing string has a Polish and an Urdu translation (README "Languages")."""

from __future__ import annotations

import ast
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
    """Django's own extraction, run on a copy of n4c as README "Languages" says, finds exactly
    the committed msgids: the platform's, the analytics core's and its data files' words."""
    copy = tmp_path / "n4c"
    shutil.copytree(
        PLATFORM.parent,
        copy,
        ignore=shutil.ignore_patterns("locale", "tests", "conftest.py", "__pycache__"),
    )
    (copy / "platform" / "locale").mkdir()
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "platform" / "locale"]):
        call_command("makemessages", locale=["pl"], no_location=True, verbosity=0)
    assert not (copy / "_words_from_data_files.py").exists()
    extracted = polib.pofile(str(copy / "platform" / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    found = {_key(e) for e in extracted}
    assert (None, "Skip to main content") in found
    committed = {_key(e) for e in _catalogue("pl") if not e.obsolete}
    assert sorted(found - committed, key=str) == [], (
        "New strings: run makemessages -l pl -l ur from src/n4c and translate them"
    )
    assert sorted(committed - found, key=str) == [], "Strings no longer used: run makemessages"


def test_the_core_speaks_the_pages_language() -> None:
    """The platform installs Django's translation into n4c.words at start-up."""
    from django.utils import translation

    from n4c import words

    with translation.override("pl"):
        assert words.gettext("Skip to main content") == "Przejdź do głównej treści"
    assert words.gettext("Skip to main content") == "Skip to main content"


@pytest.mark.parametrize(
    ("language", "whole", "decimal"),
    [
        ("en-gb", "7,433", "12,345.7"),
        ("pl", "7\xa0433", "12\xa0345,7"),
        ("ur", "7,433", "12,345.7"),
    ],
)
def test_the_core_writes_numbers_the_readers_way(language: str, whole: str, decimal: str) -> None:
    """Polish groups thousands with a space and has a decimal comma; places are rounded."""
    from django.utils import translation

    from n4c import words

    with translation.override(language):
        assert (words.number(7433), words.number(12345.678, 1)) == (whole, decimal)
        assert words.number(0.25, 1) == ("0,2" if language == "pl" else "0.2")


def test_no_words_are_marked_inside_an_f_string() -> None:
    """makemessages (xgettext) does not look inside f-strings, so words marked there are never
    put in the catalogue and stay English: mark them outside, as a value the f-string uses."""
    marking = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "pgettext"}
    hidden = []
    for path in sorted(PLATFORM.parent.rglob("*.py")):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in marking
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    hidden.append(f"{path.relative_to(PLATFORM.parent)}:{call.lineno}")
    assert hidden == []


def test_a_day_and_month_take_the_month_form_that_follows_a_day() -> None:
    """In Polish a month after a day changes form: "16 stycznia 2027", not "16 Styczeń 2027".

    Django's ``E`` gives that form (the same as ``F`` in English and Urdu), so no page or
    message writes a day with ``F``.
    """
    import datetime as dt

    from django.template import Context, Template
    from django.utils import translation

    written = [
        str(path.relative_to(PLATFORM))
        for path in PLATFORM.rglob("*")
        if path.suffix in {".html", ".txt", ".py"}
        and "tests" not in path.relative_to(PLATFORM).parts
        and "j F" in path.read_text(encoding="utf-8")
    ]
    assert written == []
    day = Template('{{ day|date:"j E Y" }}')
    shown = {}
    for language in ("en-gb", "pl", "ur"):
        with translation.override(language):
            shown[language] = day.render(Context({"day": dt.date(2027, 1, 16)}))
    assert shown == {"en-gb": "16 January 2027", "pl": "16 stycznia 2027", "ur": "16 جنوری 2027"}


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


def _unmarked_words(template: str) -> tuple[list[str], list[str]]:
    """The words of ``template`` outside translation tags, and its untranslated text attributes."""
    text = (PLATFORM / template).read_text(encoding="utf-8")
    attributes = [
        value
        for value in _TEXT_ATTRIBUTE.findall(text)
        if "{%" not in value and re.search(r"[A-Za-z]", re.sub(r"\{\{.*?\}\}", "", value))
    ]
    for pattern in _TAGS_WITHOUT_TEXT:
        text = pattern.sub(" ", text)
    words = re.sub(r"<[^>]*>", " ", text)
    return [w for w in words.split() if re.search(r"[A-Za-z]", w)], attributes


ALL_TEMPLATES = sorted(
    str(path.relative_to(PLATFORM))
    for path in PLATFORM.rglob("templates/**/*.html")
    if "tests" not in path.relative_to(PLATFORM).parts
)


def test_the_resident_facing_list_names_real_templates() -> None:
    assert sorted(set(RESIDENT_TEMPLATES) - set(ALL_TEMPLATES)) == []


@pytest.mark.parametrize("template", ALL_TEMPLATES)
def test_a_template_has_no_text_left_unmarked(template) -> None:
    """Staff pages as well as residents' ones: every word is marked for translation."""
    assert _unmarked_words(template) == ([], [])


# ---------------------------------------------------------------------------------------------
# Python: messages, labels and help written in the platform's code

_GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
_LOGGING = {"debug", "info", "warning", "error", "exception", "critical"}
#: Text a person reads: starts with a capital and has more than one word ("Enter a date.").
_SENTENCE = re.compile(r"^[A-Z][a-z']*(?:[ ,:;.!?'’-]+\S+)+")
#: A string the scan should leave alone carries this comment on its first or last line, with why
#: (e.g. CSV column headings other programs read).
_NOT_TRANSLATED = "untranslated:"
#: Code that is not the product's words: demo content, the admin, management commands, start-up.
_NOT_SCANNED = ("demo.py", "admin.py", "server.py", "settings.py", "conftest.py")


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _is_logging(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _LOGGING
        and isinstance(func.value, ast.Name)
        and func.value.id in {"logger", "log", "logging"}
    )


def untranslated_strings(source: str) -> list[tuple[int, str]]:
    """Line and text of each sentence-like string literal not passed to gettext (docstrings,
    logging and strings marked ``# untranslated: why`` aside)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    ignored: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ignored.add(id(first.value))
        elif isinstance(node, ast.Call) and (_call_name(node) in _GETTEXT or _is_logging(node)):
            ignored.update(id(sub) for sub in ast.walk(node))
        elif isinstance(node, ast.JoinedStr):
            ignored.update(id(sub) for sub in ast.walk(node) if sub is not node)
    found = []
    for node in ast.walk(tree):
        if id(node) in ignored:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values
            )
        else:
            continue
        last = node.end_lineno or node.lineno
        marked = _NOT_TRANSLATED in lines[node.lineno - 1] + lines[last - 1]
        if _SENTENCE.match(text.strip()) and not marked:
            found.append((node.lineno, text))
    return found


def test_the_scan_finds_hard_coded_messages_and_passes_marked_ones() -> None:
    source = """
from django.utils.translation import gettext as _
def f(x):
    \"\"\"Docstrings are for developers.\"\"\"
    logger.info("Started the job now")
    raise ServiceError("Enter a date.")
    raise ServiceError(_("Enter a date."))
    raise ServiceError(f"Area {x} is closed.")
    header = "Area name"  # untranslated: a CSV heading other programs read
    return "area_detail", "govuk-button govuk-button--secondary"
"""
    assert untranslated_strings(source) == [(6, "Enter a date."), (8, "Area {} is closed.")]


PYTHON_FILES = sorted(
    str(path.relative_to(PLATFORM))
    for path in PLATFORM.rglob("*.py")
    if not {"tests", "migrations", "management"} & set(path.relative_to(PLATFORM).parts)
    and path.name not in _NOT_SCANNED
)


#: Analytics-core modules whose words the platform shows (paths under src/n4c). They mark their
#: sentences with n4c.words; the same scan checks them.
CORE_SHOWN: list[str] = [
    "errors.py",
    "evaluate/comparators.py",
    "maps/__init__.py",
    "maps/layers.py",
    "maps/outline.py",
    "maps/render.py",
    "maps/shapes.py",
    "needs/area_need.py",
    "needs/groups.py",
    "needs/wards.py",
    "panels/explain.py",
    "panels/pabulib.py",
    "profiles/build.py",
    "profiles/charts.py",
    "profiles/html.py",
    "profiles/iod2025.py",
    "profiles/model.py",
    "rights/assets.py",
    "rights/deadlines.py",
    "rights/journey.py",
    "rights/periods.py",
    "rollout/assumptions.py",
    "rollout/bounds.py",
    "rollout/model.py",
]


@pytest.mark.parametrize("module", PYTHON_FILES + [f"../{path}" for path in CORE_SHOWN])
def test_python_messages_are_marked_for_translation(module) -> None:
    assert untranslated_strings((PLATFORM / module).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_rules_file_word_people_read_is_translated(language) -> None:
    """Deadline titles, who acts, conditions and notes from n4c's rules files (TOML)."""
    from django.utils import translation

    from n4c.rights import rule_words

    words = rule_words()
    assert "Council decides whether to list the nominated land" in words
    with translation.override(language):
        untranslated = [text for text in words if translation.gettext(text) == text]
    assert untranslated == []


def test_the_rights_core_speaks_english_outside_the_platforms_pages() -> None:
    """With no language active (the CLI's case) the steps and dates read as they always have."""
    import datetime as dt

    from django.utils import translation

    from n4c import rights

    with translation.override("pl"):
        polish = rights.asset_journey(
            {"nomination": dt.date(2026, 1, 5)}, today=dt.date(2026, 1, 20)
        )
        assert polish[1].status_label == "W toku"
    assert polish[0].title == "Zgłoś obiekt"
    assert polish[0].what_to_do == "Zgłoszono 5 stycznia 2026."
    english = rights.asset_journey({"nomination": dt.date(2026, 1, 5)}, today=dt.date(2026, 1, 20))
    assert english[0].what_to_do == "Nominated on 5 January 2026."
    assert english[1].status_label == "In progress"
