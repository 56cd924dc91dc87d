"""Reading 360Giving files safely: nesting limits, exact numbers, byte-order marks and encodings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from n4c.errors import InputError
from n4c.spending.reading import MAX_GRANT_BYTES, MAX_JSON_DEPTH, open_grant_file

GRANT = {"id": "360G-x-1", "title": 'Café [draft] \\" {x}', "amountAwarded": 1000}


def _grants(path: Path) -> list[object]:
    return [grant for _, grant in open_grant_file(path).grants]


def test_a_deeply_nested_file_is_one_sentence_not_gigabytes(tmp_path: Path) -> None:
    """200 KB nested 100,000 deep once took gigabytes; it is refused as soon as it is seen."""
    path = tmp_path / "deep.json"
    path.write_text('{"grants": [' + "[" * 100_000 + "]" * 100_000 + "]}", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        _grants(path)
    assert str(raised.value).startswith(
        f"deep.json: lists or objects nest more than {MAX_JSON_DEPTH} deep (after 0 complete "
        "grants, near grant 1)"
    )


def test_brackets_inside_text_do_not_count_as_nesting(tmp_path: Path) -> None:
    path = tmp_path / "brackets.json"
    title = "[" * 100 + ' "quoted" \\ ' + "{" * 100
    path.write_text(json.dumps({"grants": [{**GRANT, "title": title}]}), encoding="utf-8")
    assert _grants(path) == [{**GRANT, "title": title}]


def test_numbers_are_read_exactly_so_a_huge_amount_is_that_grants_problem(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(
        '{"grants": [{"id": "a", "amountAwarded": 1000000000000000000000000000000},'
        ' {"id": "b", "amountAwarded": 12.34}]}',
        encoding="utf-8",
    )
    assert [g["amountAwarded"] for g in _grants(path)] == [10**30, Decimal("12.34")]  # type: ignore[index]


def test_a_byte_order_mark_is_accepted_in_json(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"grants": [GRANT]}).encode())
    assert _grants(path) == [GRANT]


def test_a_windows_1252_package_is_read_as_written_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.json"
    path.write_bytes(json.dumps({"grants": [GRANT]}, ensure_ascii=False).encode("cp1252"))
    opened = open_grant_file(path)
    assert opened.encoding == "Windows-1252"
    assert [grant for _, grant in opened.grants] == [GRANT]


def test_a_windows_1252_spreadsheet_is_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "grants.csv"
    path.write_bytes("Identifier,Amount Awarded,Title\n360G-1,100,Café £5\n".encode("cp1252"))
    opened = open_grant_file(path)
    assert opened.encoding == "Windows-1252"
    assert [grant for _, grant in opened.grants] == [
        {"id": "360G-1", "amountAwarded": "100", "title": "Café £5"}
    ]


def test_a_nul_in_a_spreadsheet_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"Identifier,Amount Awarded\n360G-1,100\n360G-2,1\x000\n")
    with pytest.raises(InputError) as raised:
        _grants(path)
    assert str(raised.value).startswith("nul.csv, row 2: holds a NUL character")


def test_one_grant_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge_grant.json"
    big = {**GRANT, "description": "x" * (2 * MAX_GRANT_BYTES)}
    path.write_text(json.dumps({"grants": [GRANT, big]}), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        _grants(path)
    assert str(raised.value).startswith(
        "huge_grant.json: grant 2 (after 1 complete grants) is larger than 1 MB"
    )


def test_many_small_grants_may_add_up_to_far_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    grants = [{**GRANT, "id": f"360G-{n}", "description": "y" * 1_000} for n in range(3_000)]
    path.write_text(json.dumps({"grants": grants}), encoding="utf-8")
    assert path.stat().st_size > 3 * MAX_GRANT_BYTES
    assert len(_grants(path)) == 3_000
