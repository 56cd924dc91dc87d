"""`make test` and `make demo` install their system packages, or say in one sentence what to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "system-packages"


def _run_unprivileged(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the script as a user who cannot install packages (``nobody`` when we are root)."""
    command = ["bash", str(SCRIPT)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv is needed to run the script as a user other than root")
        command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_when_everything_is_present_the_check_passes_quietly_and_quickly() -> None:
    """On this machine (Chromium and fonts installed, .venv made) nothing is installed or printed."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("this test needs the machine's Chromium")
    started = time.perf_counter()
    result = _run_unprivileged(ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert time.perf_counter() - started < 5


def test_without_root_a_missing_chromium_stops_with_the_command_to_run(tmp_path: Path) -> None:
    """Not root: one sentence naming the exact apt-get line, exit 1, within seconds."""
    started = time.perf_counter()
    result = _run_unprivileged(ROOT, CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "n4c needs the system packages chromium: install them with "
        "`sudo apt-get install -y --no-install-recommends chromium` (Debian), "
        "then run make again.\n"
    )
    assert time.perf_counter() - started < 5


def test_every_missing_package_is_named_in_the_one_sentence(tmp_path: Path) -> None:
    """Chromium, its fonts and python3-venv (needed only before .venv/ exists) all missing."""
    result = _run_unprivileged(
        tmp_path,
        CHROMIUM=str(tmp_path / "no-chromium"),
        FONT=str(tmp_path / "no-font.ttf"),
        PYTHON=str(tmp_path / "no-python"),
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert (
        "`sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core python3-venv`"
        in result.stderr
    )


def test_make_test_and_make_demo_check_the_system_packages_first() -> None:
    """The check runs before the minute-long Python install, so a missing package shows at once."""
    for target in ("test", "demo"):
        plan = subprocess.run(
            ["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        # A make run from another make prints "make[1]: Entering directory" lines first.
        steps = [line for line in plan.splitlines() if not line.startswith("make")]
        assert steps[0].endswith("bash scripts/system-packages"), plan


def test_as_root_the_missing_packages_are_installed_with_apt_get(tmp_path: Path) -> None:
    """Root: apt-get update, then a non-interactive install of exactly what is missing."""
    if os.geteuid() != 0:
        pytest.skip("the install path runs only as root")
    log = tmp_path / "apt-get.log"
    fake = tmp_path / "bin" / "apt-get"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> {log}\n', encoding="utf-8")
    fake.chmod(0o755)
    result = subprocess.run(
        ["bash", str(SCRIPT)],
        cwd=ROOT,
        env={
            **os.environ,
            "PATH": f"{fake.parent}:{os.environ['PATH']}",
            "FONT": str(tmp_path / "no-font.ttf"),
        },
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Installing the system packages fonts-dejavu-core with apt-get.\n"
    assert log.read_text(encoding="utf-8").splitlines() == [
        "noninteractive update -qq",
        "noninteractive install -y --no-install-recommends fonts-dejavu-core -qq",
    ]


def test_without_root_a_missing_pango_names_weasyprints_packages(tmp_path: Path) -> None:
    """The PDF profiles need pango; its packages are named in the one sentence."""
    result = _run_unprivileged(ROOT, PANGO=str(tmp_path / "no-pango.so"))
    assert result.returncode == 1
    assert "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.stderr
