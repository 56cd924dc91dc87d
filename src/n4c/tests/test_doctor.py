"""`n4c doctor` finds what is here and says what to do about what is missing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from n4c import doctor
from n4c.data import DATASETS


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private data folder, no database or cache address set."""
    folder = tmp_path / "home"
    monkeypatch.setenv("N4C_DATA_DIR", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("N4C_CACHE_URL", raising=False)
    return folder


def _by_name(checks: list[doctor.Check]) -> dict[str, doctor.Check]:
    return {check.name: check for check in checks}


def test_with_the_mirror_every_dataset_is_found_and_nothing_required_fails(home: Path) -> None:
    checks = _by_name(doctor.run_checks())
    assert all(checks[f"Dataset {name}"].ok for name, d in DATASETS.items() if not d.optional)
    assert checks["Data folder"].ok
    assert [c.name for c in checks.values() if c.required and not c.ok] == []


def test_a_missing_dataset_says_how_to_fetch_it(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("N4C_DATA_MIRROR", raising=False)
    check = _by_name(doctor.run_checks())["Dataset cni2019_ward17"]
    assert not check.ok
    assert check.required
    assert "is not on this machine" in check.detail
    assert check.action == "Run `n4c data fetch cni2019_ward17`."


def test_a_dataset_outside_the_bundle_is_reported_but_not_required(home: Path) -> None:
    check = _by_name(doctor.run_checks())["Dataset imd2025_population_denominators"]
    assert not check.ok
    assert not check.required
    assert "not part of the n4c data bundle" in check.detail
    assert check.action.startswith("Download it from https://www.gov.uk/")


def test_a_mirror_that_is_not_a_folder_is_reported(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("N4C_DATA_MIRROR", str(tmp_path / "nowhere"))
    check = _by_name(doctor.run_checks())["Data mirror"]
    assert not check.ok
    assert check.detail == f"N4C_DATA_MIRROR names {tmp_path / 'nowhere'}, which is not a folder."
    assert check.action == "Point N4C_DATA_MIRROR at the folder holding the datasets, or unset it."


def test_the_default_database_is_the_sqlite_file_the_platform_uses(home: Path) -> None:
    """The doctor works out the same SQLite path as the platform's settings, without Django."""
    from n4c.platform import settings

    assert doctor.database_url() == settings._database_url()


def test_a_migrated_sqlite_database_counts_its_migrations(home: Path) -> None:
    home.mkdir(parents=True)
    with sqlite3.connect(home / doctor.SQLITE_FILE) as db:
        db.execute("CREATE TABLE django_migrations (id integer, app text, name text)")
        db.executemany("INSERT INTO django_migrations VALUES (?, 'areas', 'x')", [(1,), (2,)])
    check = doctor._database()
    assert check.ok
    assert check.detail.endswith("platform.sqlite3: 2 migrations applied.")


def test_a_file_that_is_not_the_platforms_database_is_reported(home: Path) -> None:
    home.mkdir(parents=True)
    (home / doctor.SQLITE_FILE).write_bytes(b"not a database at all" * 100)
    check = doctor._database()
    assert not check.ok
    assert "cannot be read as the platform's database" in check.detail
    assert check.action == "Run `n4c platform manage migrate`, or move the file aside and run it."


def test_an_unreachable_postgresql_is_reported_without_its_password(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://n4c:hunter2@127.0.0.1:1/n4c")
    check = doctor._database()
    assert not check.ok
    assert check.detail.startswith("PostgreSQL at 127.0.0.1:1/n4c cannot be reached (")
    assert "hunter2" not in check.detail + check.action
    assert check.action == "Start the server or correct DATABASE_URL."


def test_another_kind_of_database_is_refused(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://n4c@127.0.0.1/n4c")
    check = doctor._database()
    assert not check.ok
    assert check.detail.startswith("DATABASE_URL must be a web address starting postgres://")


def test_redis_is_checked_only_when_an_address_is_set(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unset = doctor._redis()
    assert unset.ok
    assert not unset.required
    monkeypatch.setenv("N4C_CACHE_URL", "redis://127.0.0.1:1/0")
    down = doctor._redis()
    assert not down.ok
    assert down.required
    assert down.detail.startswith("Redis at redis://127.0.0.1:1/0 does not answer (")
    assert down.action == "Start Redis or correct N4C_CACHE_URL."


def test_a_missing_chromium_is_optional_and_says_how_to_install_it(tmp_path: Path) -> None:
    check = doctor._chromium(tmp_path / "chromium")
    assert not check.ok
    assert not check.required
    assert check.action == (
        "Run `make test` as root, or `sudo apt-get install -y chromium fonts-dejavu-core`."
    )


def test_the_doctor_imports_neither_django_nor_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys, n4c.doctor; "
        "print(sorted(m for m in ('django', 'pandas', 'n4c.platform') if m in sys.modules))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


def test_a_https_setting_that_does_not_parse_is_a_failed_check(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("N4C_HSTS_SECONDS", "a year")
    check = _by_name(doctor.run_checks())["HTTPS settings"]
    assert not check.ok and check.required
    assert check.detail == (
        'N4C_HSTS_SECONDS must be a whole number from 0 to 63,072,000; it is "a year".'
    )
    assert check.action == "Correct N4C_HSTS_SECONDS, or unset it for its default."


def test_the_https_settings_that_are_on_are_listed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("N4C_SECURE_COOKIES", "1")
    monkeypatch.setenv("N4C_HSTS_SECONDS", "31536000")
    check = _by_name(doctor.run_checks())["HTTPS settings"]
    assert check.ok
    assert check.detail == "Set: N4C_SECURE_COOKIES, N4C_HSTS_SECONDS."
