"""The platform starts without pandas: its apps, URLconf and system checks import none.

Importing pandas (with numpy) costs about a second on a 2-core machine, so every module the
URLconf reaches imports pandas, and the analytics modules that use it, inside the functions
that need them (an export, a profile, a search).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Runs in a fresh interpreter; notes the n4c modules on the way to the first pandas import.
_PROBE = """
import builtins, json, sys, traceback

via = []
_import = builtins.__import__


def _watch(name, *args, **kwargs):
    if name.split(".")[0] == "pandas" and "pandas" not in sys.modules and not via:
        via.extend(
            f"{frame.filename.rsplit('/src/', 1)[-1]}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if "/n4c/" in frame.filename
        )
    return _import(name, *args, **kwargs)


builtins.__import__ = _watch
import django
from django.conf import settings
from django.core.management import call_command
from django.urls import get_resolver

django.setup()
get_resolver(settings.ROOT_URLCONF).url_patterns
call_command("check", verbosity=0)
print(json.dumps({"pandas": "pandas" in sys.modules, "via": via}))
"""


def test_the_platform_s_urls_and_checks_load_without_importing_pandas(tmp_path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_CURRENT_TEST"}
    env.update(DJANGO_SETTINGS_MODULE="n4c.platform.settings", N4C_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["pandas"] is False, "pandas was imported by:\n" + "\n".join(found["via"])
