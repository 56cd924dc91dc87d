"""`n4c platform seed-demo`, `n4c platform manage` and `n4c serve`, run as a user would."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _counts(output: str) -> str:
    return re.search(r"Demo ready: (.*)", " ".join(output.split())).group(1)


def test_seed_demo_creates_the_demo_once_and_prints_the_logins(run_n4c) -> None:
    first = run_n4c("platform", "seed-demo", "--areas", "12")
    assert "Demo logins (password for all: n4c-demo-password)" in first.stdout
    assert re.search(r"^\s+national\s+National team$", first.stdout, flags=re.MULTILINE)
    assert "12 areas in" in _counts(first.stdout)
    again = run_n4c("platform", "seed-demo", "--areas", "12")
    assert _counts(again.stdout) == _counts(first.stdout)


def test_manage_passes_arguments_to_django(run_n4c) -> None:
    result = run_n4c("platform", "manage", "check")
    assert "System check identified no issues" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback_with_the_sign_in_page(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "N4C_DATA_DIR": str(tmp_path / "n4c-data")}
    server = subprocess.Popen(
        [sys.executable, "-m", "n4c", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.3)
        assert response.status_code == 200
        assert "<h1>Sign in</h1>" in response.text
        css = httpx.get(f"http://127.0.0.1:{port}/static/n4c/n4c.css", timeout=2)
        assert css.status_code == 200 and "skip-link" in css.text
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_several_workers_without_a_shared_cache(run_n4c, monkeypatch) -> None:
    monkeypatch.delenv("N4C_CACHE_URL", raising=False)
    result = run_n4c("serve", "--port", str(_free_port()), "--workers", "2", check=False)
    assert result.returncode == 1
    message = " ".join((result.stdout + result.stderr).split())
    assert "Serving with 2 workers needs a cache they share" in message
    assert "N4C_CACHE_URL=redis://127.0.0.1:6379/0" in message
