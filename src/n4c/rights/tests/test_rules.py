"""Rule files: every built-in rule cites its source; bad files say which field is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from n4c.errors import InputError
from n4c.rights import default_rulebook, load_rule_file, load_rulebook
from n4c.rights.rules import builtin_rule_files


def test_every_built_in_rule_cites_legislation_and_has_a_source():
    book = default_rulebook()
    assert len(builtin_rule_files()) >= 4
    for rule in book.rules:
        assert rule.citation.startswith(
            ("SI ", "Localism Act 2011", "Town and Country Planning Act 1990")
        ), rule.id
        assert rule.source and rule.title.strip(), rule.id


def test_rule_ids_and_events_are_listed_in_file_order():
    book = default_rulebook()
    assert book.events[:3] == ["nomination", "listing", "listing-notice"]
    assert "request-to-bid" in book.events


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "reform.toml"
    path.write_text(
        '[rules_file]\neffective_from = 2030-01-01\nsource = "Test"\n' + body, encoding="utf-8"
    )
    return path


RULE = """
[[rule]]
id = "x.rule"
event = "nomination"
title = "A test rule"
amount = 3
unit = "weeks"
counting = "after"
kind = "deadline"
citation = "Test reg 1"
"""


def test_a_good_file_loads(tmp_path):
    rules, thresholds = load_rule_file(_write(tmp_path, RULE))
    assert [(r.id, r.version, r.path) for r in rules] == [("x.rule", "2030-01-01", "reform.toml")]
    assert thresholds == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('unit = "weeks"', 'unit = "fortnights"'),
            "unit 'fortnights' is not one of days, weeks, months, years",
        ),
        (('counting = "after"', 'counting = "during"'), "counting 'during' is not one of"),
        (
            ('kind = "deadline"', 'kind = "hope"'),
            "kind 'hope' is not one of deadline, period_end, earliest",
        ),
        (('citation = "Test reg 1"', 'citation = ""'), "needs 'citation' as non-empty text"),
        (("amount = 3", "amount = -3"), "needs 'amount' as a whole number"),
    ],
)
def test_a_bad_rule_names_its_file_and_field(tmp_path, change, message):
    path = _write(tmp_path, RULE.replace(*change))
    with pytest.raises(InputError, match=message) as caught:
        load_rule_file(path)
    assert str(caught.value).startswith('reform.toml, field "')


def test_a_file_without_a_header_or_with_bad_toml_is_refused(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(RULE, encoding="utf-8")
    with pytest.raises(InputError, match=r"needs a \[rules_file\] table"):
        load_rule_file(path)
    path.write_text("[rules_file\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not valid TOML"):
        load_rule_file(path)


def test_two_versions_from_the_same_day_are_refused(tmp_path):
    path = _write(tmp_path, RULE)
    twin = tmp_path / "twin.toml"
    twin.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="has two versions in force from 2030-01-01"):
        load_rulebook([path, twin], builtin=False)


def test_a_missing_rule_path_is_an_error():
    with pytest.raises(InputError, match="is neither a rule file nor a folder"):
        load_rulebook(["/no/such/rules.toml"])


def test_a_misspelt_rule_key_is_refused_with_the_closest_key(tmp_path: Path) -> None:
    path = _write(tmp_path, RULE.replace("citation =", "citaton ="))
    with pytest.raises(InputError) as raised:
        load_rule_file(path)
    assert str(raised.value).startswith(
        'reform.toml, field "rule[1].citaton": "citaton" is not a key of [rule[1]]; '
        'did you mean "citation"?'
    )


def test_a_flag_in_quotes_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, RULE + 'repealed = "yes"\n')
    with pytest.raises(InputError, match=r"rule\[1\]\.repealed must be true or false"):
        load_rule_file(path)
