"""`n4c doctor`: a table or JSON, and exit 1 when something n4c needs is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_doctor_passes_on_a_machine_with_the_mirror(run_n4c) -> None:
    result = run_n4c("doctor")
    assert "Dataset cni2019_ward17" in result.stdout
    assert "Platform database" in result.stdout
    assert "All " in result.stdout or "Everything n4c needs is here" in result.stdout


def test_doctor_json_lists_each_check_and_exits_1_when_data_is_missing(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "N4C_DATA_DIR": str(tmp_path / "home"),
        "N4C_DATA_MIRROR": str(tmp_path / "nowhere"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "n4c", "doctor", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert set(checks["Data mirror"]) == {"name", "ok", "detail", "action", "required"}
    assert checks["Data mirror"]["ok"] is False
    assert checks["Dataset lookup_lsoa11_ward17"]["action"] == (
        "Run `n4c data fetch lookup_lsoa11_ward17`."
    )
