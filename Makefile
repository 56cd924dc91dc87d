# Two commands for a fresh machine: `make demo` and `make test`. Both first install the Debian
# packages they need (Chromium and its fonts; see scripts/system-packages), then .venv/;
# installation is idempotent (the venv is re-made only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_OUT ?= demo-output

# Use the shared mirror of the real data when it sits beside the project.
ifneq ($(wildcard ../shared/data),)
export N4C_DATA_MIRROR ?= $(abspath ../shared/data)
endif

.PHONY: system install demo test lint typecheck unit test-postgres bench clean docs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# As root, apt-get installs what is missing; otherwise one sentence names the command to run.
system:
	@PYTHON="$(PYTHON)" bash scripts/system-packages

install: $(STAMP)

demo: system install
	@mkdir -p $(DEMO_OUT)
	$(BIN)/n4c leftbehind --year 2019 --out $(DEMO_OUT)/left_behind_wards_2019.csv --geojson $(DEMO_OUT)/left_behind_wards_2019.geojson
	$(BIN)/n4c platform seed-demo
	@echo "Sign in at http://127.0.0.1:8000/ as national (or another login above), password n4c-demo-password."
	$(BIN)/n4c serve --port 8000

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

unit: system install
	$(BIN)/pytest -n 2 -q

# The platform's tests again on PostgreSQL, when CI (or you) names a server.
test-postgres: install
	@if [ -n "$${N4C_TEST_POSTGRES_URL:-}" ]; then \
		DATABASE_URL="$$N4C_TEST_POSTGRES_URL" $(BIN)/pytest -n 2 -q -m "not browser" src/n4c/platform; \
	else echo "N4C_TEST_POSTGRES_URL is not set: skipping the PostgreSQL run."; fi

test: system lint typecheck unit test-postgres

bench: install
	# -P: benchmarks/platform.py must not hide the standard library's platform module.
	for script in benchmarks/*.py; do $(BIN)/python -P $$script; done

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache

# Regenerate the README's CLI, settings and dataset reference blocks from the code.
docs: install
	$(BIN)/python -m n4c.cli.reference --write README.md
