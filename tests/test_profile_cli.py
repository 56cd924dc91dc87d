"""`n4c profile` writes a neighbourhood profile as HTML or as an A4 PDF."""

from __future__ import annotations

from pathlib import Path


def test_a_ward_profile_is_written_as_html_by_name(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "bloomfield.html"
    result = run_n4c("profile", "Bloomfield", "--out", str(out))
    assert "the profile of Bloomfield, Blackpool" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "<h1>Bloomfield, Blackpool</h1>" in page and "<svg" in page


def test_a_council_profile_is_written_as_a_pdf(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "blackpool.pdf"
    run_n4c("profile", "E06000009", "--out", str(out))
    assert out.read_bytes()[:5] == b"%PDF-"


def test_a_2024_ward_profile_is_written_on_the_imd_2025(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "bloomfield-2024.html"
    result = run_n4c("profile", "E05015188", "--out", str(out))
    assert "the profile of Bloomfield, Blackpool" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "Ward (2024)" in page and "IMD 2025 rank" in page


def test_a_council_in_both_editions_takes_the_edition_asked_for(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "blackpool-2025.pdf"
    run_n4c("profile", "E06000009", "--edition", "2025", "--out", str(out))
    assert out.read_bytes()[:5] == b"%PDF-"
