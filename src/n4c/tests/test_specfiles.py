"""One validator for every TOML file: unknown keys are refused with a suggestion; bytes are UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from n4c.errors import InputError
from n4c.specfiles import check_keys, flag, read_toml, table, text


def test_a_misspelt_key_names_the_table_and_suggests_the_closest_key() -> None:
    with pytest.raises(InputError) as raised:
        check_keys({"wieght": 1}, ("column", "weight"), where="indicators[2]", path="spec.toml")
    assert str(raised.value) == (
        'spec.toml, field "indicators[2].wieght": "wieght" is not a key of [indicators[2]]; '
        'did you mean "weight"? It may hold column and weight.'
    )
    assert raised.value.field == "indicators[2].wieght"


def test_a_key_like_no_other_gets_no_guess() -> None:
    with pytest.raises(InputError) as raised:
        check_keys({"zzz": 1}, ("column", "weight"), where="index", path=None)
    assert raised.value.message == '"zzz" is not a key of [index]. It may hold column and weight.'


def test_an_unknown_top_level_table_is_named_as_such() -> None:
    with pytest.raises(
        InputError, match=r'"formul" is not a table of this file; did you mean "formula"\?'
    ):
        check_keys({"formul": {}}, ("fund", "formula"), where="", path=None)


def test_a_windows_1252_file_reads_as_written(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Café £5"'.encode("cp1252"))
    assert read_toml(path) == {"name": "Café £5"}


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbfname = 'x'\n")
    assert read_toml(path) == {"name": "x"}


def test_binary_bytes_a_folder_and_deep_nesting_are_one_sentence(tmp_path: Path) -> None:
    binary = tmp_path / "spec.toml"
    binary.write_bytes(b"\x1f\x8b\x08\x00\x00\x00")
    with pytest.raises(
        InputError, match=r"^spec\.toml: is a gzip-compressed file, not a text file\."
    ):
        read_toml(binary)
    with pytest.raises(InputError, match=r"is a folder, not a file\."):
        read_toml(tmp_path)
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"^deep\.toml: nests tables or lists too deeply"):
        read_toml(deep)


def test_a_missing_file_and_bad_syntax_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.toml: could not be read"):
        read_toml(tmp_path / "nothing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("name = ", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.toml: is not valid TOML"):
        read_toml(bad)


def test_values_of_the_wrong_type_say_what_was_expected_and_found() -> None:
    with pytest.raises(
        InputError,
        match=r'rule\[1\]\.repealed must be true or false \(without quotes\), not "yes"\.',
    ):
        flag({"repealed": "yes"}, "repealed", where="rule[1]", path=None)
    with pytest.raises(InputError, match=r"index\.name must be text in quotes, not the number 3\."):
        text({"name": 3}, "name", where="index", path=None)
    with pytest.raises(InputError, match=r"\[costs\] must be a table, not the number 5\."):
        table({"costs": 5}, "costs", where="costs", path=None)


def test_numbers_say_their_bounds_in_one_sentence() -> None:
    from n4c.specfiles import number

    assert number(3, field="x", path=None, minimum=1, maximum=10, whole=True) == 3.0
    for value, expected in [
        ("3", '"3" must be a number of at least 0.'),
        (True, '"True" must be a number of at least 0.'),
        (float("inf"), '"inf" must be a number of at least 0.'),
    ]:
        with pytest.raises(InputError) as raised:
            number(value, field="x", path=None)
        assert raised.value.message == expected
    with pytest.raises(InputError) as raised:
        number(0, field="roles[1].areas_per_post", path=None, positive=True)
    assert raised.value.message == '"0" must be a number of more than 0.'
    with pytest.raises(InputError) as raised:
        number(150, field="x", path=None, minimum=None, maximum=100)
    assert raised.value.message == '"150" must be a number of at most 100.'
