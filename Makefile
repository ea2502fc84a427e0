# parleywatch developer commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo/demo.db

.PHONY: install demo test lint typecheck unit browser services bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/parley run demo/corpus --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests bench

typecheck: install
	$(BIN)/mypy

# Servers the tests run against: a throwaway PostgreSQL cluster, Debian's chromium for the pages.
services:
	scripts/ensure-postgresql.sh
	scripts/ensure-chromium.sh

# Every store, API and end-to-end test runs twice: on SQLite and on a real PostgreSQL (CI=1 makes a
# missing server a failure, not a skip).
unit: install services
	CI=1 $(BIN)/pytest --doctest-modules src/parleywatch tests --ignore=tests/browser

browser: install services
	CI=1 $(BIN)/pytest tests/browser

test: lint typecheck unit browser

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
