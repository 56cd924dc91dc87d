"""The plain-English CLI contract: `n4c plain check FILE|- --json`."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import textstat

TEXT = "We will utilise the hall on Monday. The form is read by a worker.\n"


def _run_with_input(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "n4c", "plain", "check", "-", *args],
        input=data,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


def test_json_gives_reading_age_sentences_and_words_to_avoid(run_n4c, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = json.loads(run_n4c("plain", "check", str(path), "--json").stdout)
    assert document["reading_age"] == round(
        round(textstat.flesch_kincaid_grade(TEXT.strip()), 1) + 5, 1
    )
    assert [(s["text"], s["words"], s["flags"]) for s in document["sentences"]] == [
        ("We will utilise the hall on Monday.", 7, ["words_to_avoid"]),
        ("The form is read by a worker.", 7, ["passive"]),
    ]
    assert [(w["word"], w["suggestion"], w["count"]) for w in document["words_to_avoid"]] == [
        ("utilise", "use", 1)
    ]
    assert document["target"] == {"from": 9, "to": 11}


def test_html_read_from_standard_input_is_stripped_of_its_markup() -> None:
    html = b"<h1>Apply</h1><p>Fill in <strong>the form</strong>.</p>"
    result = _run_with_input(html, "--json")
    assert result.returncode == 0, result.stderr
    texts = [s["text"] for s in json.loads(result.stdout)["sentences"]]
    assert texts == ["Apply", "Fill in the form."]


def test_allow_and_an_allow_list_file_suppress_words(run_n4c, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Our plan\n\nEvery stakeholder can see each LSOA.\n", encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("# words we use\nLSOA\n", encoding="utf-8")
    found = json.loads(run_n4c("plain", "check", str(path), "--json").stdout)
    assert [w["word"] for w in found["words_to_avoid"]] == ["stakeholder", "LSOA"]
    document = json.loads(
        run_n4c(
            "plain",
            "check",
            str(path),
            "--json",
            "--allow",
            "stakeholder",
            "--allow-file",
            str(allow),
        ).stdout
    )
    assert document["words_to_avoid"] == []


def test_the_report_is_advice_and_strict_fails_above_the_target(run_n4c, tmp_path: Path) -> None:
    path = tmp_path / "hard.txt"
    path.write_text(
        "Notwithstanding considerable organisational heterogeneity, participatory methodologies "
        "demonstrably ameliorate intergenerational socioeconomic disadvantage.",
        encoding="utf-8",
    )
    report = run_n4c("plain", "check", str(path))
    assert "Sentences" in report.stdout
    assert "above the target of 9 to 11" in " ".join(report.stdout.split())
    strict = run_n4c("plain", "check", str(path), "--strict", check=False)
    assert strict.returncode == 1


def test_bad_input_is_one_sentence_naming_the_problem(run_n4c, tmp_path: Path) -> None:
    binary = tmp_path / "letter.txt"
    binary.write_bytes(gzip.compress(b"hello"))
    empty = tmp_path / "empty.md"
    empty.write_text("# \n\n<!-- nothing -->\n", encoding="utf-8")
    cases = {
        str(
            tmp_path / "missing.txt"
        ): "missing.txt: could not be read (No such file or directory).",
        str(binary): "letter.txt: is a gzip-compressed file, not a text file.",
        str(empty): "empty.md: has no text to check.",
    }
    for path, message in cases.items():
        result = run_n4c("plain", "check", path, check=False)
        assert result.returncode == 1
        assert message in result.stderr, result.stderr
    result = _run_with_input(b"  \n", "--json")
    assert b"Error: standard input: has no text to check." in result.stderr
    target = run_n4c("plain", "check", str(empty), "--target", "old", check=False)
    assert '"old" is not a reading age; give one like 9-11.' in target.stderr


def test_a_word_document_is_read_paragraph_by_paragraph(run_n4c, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Our hall", level=1)
    document.add_paragraph("We will utilise the hall.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Open on Monday."
    path = tmp_path / "letter.docx"
    document.save(str(path))
    result = json.loads(run_n4c("plain", "check", str(path), "--json").stdout)
    assert [s["text"] for s in result["sentences"]] == [
        "Our hall",
        "We will utilise the hall.",
        "Open on Monday.",
    ]
    zipped = tmp_path / "not-word.docx"
    zipped.write_bytes(b"PK\x03\x04 broken")
    refused = run_n4c("plain", "check", str(zipped), check=False)
    assert "not-word.docx: is not a Word document (.docx) n4c can read" in refused.stderr


def test_the_formats_the_help_names_are_the_library_s() -> None:
    from n4c import plain
    from n4c.cli import plain as cli

    assert plain.FORMATS == cli.FORMATS
