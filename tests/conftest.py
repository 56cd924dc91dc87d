"""Whole-system tests: run the real ``n4c`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def run_n4c(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``n4c`` with a private data folder; the mirror comes from the environment."""

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "N4C_DATA_DIR": str(tmp_path / "n4c-data"), "COLUMNS": "200"}
        result = subprocess.run(
            [sys.executable, "-m", "n4c", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"n4c {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    return run
