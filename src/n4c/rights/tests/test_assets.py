"""The asset register: row-level checks, counts that add up, and a lossless CSV round trip."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.errors import InputError
from n4c.rights import (
    ASSET_COLUMNS,
    Asset,
    read_assets_csv,
    validate_asset,
    write_assets_csv,
    write_rejections_csv,
)

MIXED = Path(__file__).parent / "files" / "assets_mixed.csv"


@pytest.fixture(scope="module")
def mixed():
    return read_assets_csv(MIXED)


def test_rows_in_equal_rows_stored_plus_rows_rejected(mixed):
    assert mixed.rows_read == 8
    assert len(mixed.assets) + len(mixed.rejected) == mixed.rows_read
    assert [a.asset_id for a in mixed.assets] == ["A1", "A2", "A3"]
    assert mixed.asset_rows == [1, 2, 3]
    assert mixed.summary() == "Read 8 rows: 3 stored, 5 rejected."


def test_each_rejection_names_its_row_and_field(mixed):
    problems = {(r.row, e.field) for r in mixed.rejected for e in r.errors}
    assert problems == {
        (4, "postcode"),
        (4, "lsoa_code"),
        (5, "name"),
        (6, "asset_id"),
        (7, "latitude"),
        (7, "longitude"),
        (8, "condition"),
        (8, "status"),
    }
    messages = [str(e) for r in mixed.rejected for e in r.errors]
    assert (
        "assets_mixed.csv, row 4, field \"postcode\": 'NOT A CODE' is not a UK postcode. "
        "Enter a postcode, like SW1A 1AA." in messages
    )
    assert any("'A1' is already used by row 1" in m for m in messages)
    assert any("check that latitude and longitude are not swapped" in m for m in messages)


def test_values_are_normalised_and_defaults_are_explicit(mixed):
    red_lion, allotments, choir = mixed.assets
    assert red_lion.postcode == "M1 1AE" and red_lion.status == "for-sale"
    assert (allotments.latitude, allotments.longitude) == (53.4808, -2.2426)
    assert (choir.kind, choir.condition, choir.status) == ("social", "unknown", "in-use")


@pytest.mark.parametrize(
    ("postcode", "valid"),
    [
        ("SW1A 1AA", True),
        ("sw1a1aa", True),
        ("M1 1AE", True),
        ("B33 8TH", True),
        ("CR2 6XH", True),
        ("DN55 1PT", True),
        ("EC1A 1BB", True),
        ("W1A 0AX", True),
        ("GIR 0AA", True),
        ("M1", False),
        ("12345", False),
        ("SW1A 1A", False),
        ("QQ1 1AA", True),  # the format allows it; only a postcode lookup could say it is unused
        ("SW1A-1AA", False),
    ],
)
def test_postcodes_are_checked_against_the_uk_format(postcode, valid):
    _, errors = validate_asset({"name": "Hall", "kind": "physical", "postcode": postcode})
    assert (errors == []) is valid


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("E01005153", True),
        ("W01000001", True),
        ("e01005153", True),
        ("E02000001", False),
        ("E0100515", False),
        ("S01006506", False),
    ],
)
def test_lsoa_codes_must_be_gss_lsoa_codes(code, valid):
    _, errors = validate_asset(
        {"name": "Hall", "kind": "physical", "postcode": "M1 1AE", "lsoa_code": code}
    )
    assert (errors == []) is valid
    if not valid:
        assert "is not an LSOA code (expected E01 or W01 and 6 digits" in str(errors[0])


def test_an_asset_needs_a_location():
    _, errors = validate_asset({"name": "Hall", "kind": "physical"})
    assert [str(e) for e in errors] == [
        'field "postcode": Enter where the asset is: a postcode, or latitude and longitude.'
    ]
    _, errors = validate_asset({"name": "Hall", "kind": "physical", "latitude": "53.4"})
    assert [e.field for e in errors] == ["longitude"]


def test_a_header_with_a_missing_or_unknown_column_is_refused():
    with pytest.raises(InputError, match="is missing the column\\(s\\) kind"):
        read_assets_csv(io.StringIO("name,postcode\nHall,M1 1AE\n"))
    with pytest.raises(InputError, match="has column\\(s\\) n4c does not know: postcde"):
        read_assets_csv(io.StringIO("name,kind,postcde\nHall,physical,M1 1AE\n"))


def test_a_row_with_too_many_values_is_rejected():
    result = read_assets_csv(io.StringIO("name,kind,postcode\nHall,physical,M1 1AE,extra\n"))
    assert result.summary() == "Read 1 row: 0 stored, 1 rejected."
    assert "more values than the header has columns" in str(result.rejected[0].errors[0])


def test_rejections_are_written_one_line_per_problem(mixed, tmp_path):
    out = tmp_path / "rejected.csv"
    assert write_rejections_csv(mixed.rejected, out) == 8
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "row,field,value,message"
    assert lines[1].startswith("4,postcode,NOT A CODE,")


assets = st.builds(
    Asset,
    name=st.text(alphabet="abcdefghij XYZ'-,\"", min_size=1, max_size=20).filter(
        lambda s: s.strip() == s and s
    ),
    kind=st.sampled_from(["physical", "social", "cultural"]),
    asset_id=st.text(alphabet="ABC123", max_size=5),
    owner=st.text(alphabet='abc ,"', max_size=10).map(str.strip),
    postcode=st.sampled_from(["M1 1AE", "SW1A 1AA", "B33 8TH"]),
    latitude=st.none(),
    longitude=st.none(),
    lsoa_code=st.sampled_from(["", "E01005153"]),
    condition=st.sampled_from(["good", "fair", "poor", "derelict", "unknown"]),
    status=st.sampled_from(["in-use", "listed", "for-sale", "lost"]),
    use=st.text(alphabet="abc ;,\n", max_size=12).map(str.strip),
)


@given(st.lists(assets, max_size=8, unique_by=lambda a: a.asset_id or id(a)))
def test_export_then_import_gives_back_the_same_assets(register):
    buffer = io.StringIO()
    assert write_assets_csv(register, buffer) == len(register)
    buffer.seek(0)
    result = read_assets_csv(buffer)
    assert result.rejected == []
    assert result.assets == register


def test_export_writes_the_register_columns(tmp_path):
    out = tmp_path / "register.csv"
    write_assets_csv([Asset(name="Hall", kind="physical", latitude=53.5, longitude=-2.2)], out)
    header, row = out.read_text(encoding="utf-8").splitlines()
    assert header == ",".join(ASSET_COLUMNS)
    assert row == ",Hall,physical,,,53.5,-2.2,,unknown,in-use,"


def test_a_windows_1252_register_reads_and_says_its_encoding(tmp_path):
    """Excel in the UK saves "CSV" as Windows-1252; "£" must not become "Ł"."""
    path = tmp_path / "register.csv"
    path.write_bytes(
        "name,kind,postcode,use\nCafé Rouge,physical,M1 1AE,Tea at £2\n".encode("cp1252")
    )
    result = read_assets_csv(path)
    assert [(a.name, a.use) for a in result.assets] == [("Café Rouge", "Tea at £2")]
    assert result.summary() == "Read 1 row (Windows-1252 text): 1 stored, 0 rejected."


def test_a_byte_order_mark_is_not_part_of_the_first_column():
    result = read_assets_csv(
        b"\xef\xbb\xbfname,kind,postcode\nChoir,social,M1 1AE\n", name="bom.csv"
    )
    assert [a.name for a in result.assets] == ["Choir"]


def test_a_nul_character_is_refused_naming_its_row():
    with pytest.raises(InputError) as raised:
        read_assets_csv(b"name,kind\nChoir,social\nRed\x00Lion,physical\n", name="nul.csv")
    assert str(raised.value).startswith("nul.csv, row 2: holds a NUL character")


def test_compressed_bytes_are_refused_as_not_text():
    with pytest.raises(InputError, match=r"^x\.csv: is a gzip-compressed file, not a text file\."):
        read_assets_csv(b"\x1f\x8b\x08\x00\x00\x00\x00", name="x.csv")


def test_a_field_past_the_csv_limit_is_a_sentence():
    huge = b"name,kind\n" + b"A" * 200_000 + b",social\n"
    with pytest.raises(InputError, match=r"^big\.csv: cannot be read as CSV after row 0"):
        read_assets_csv(huge, name="big.csv")
