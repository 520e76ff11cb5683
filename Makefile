# Two entry points, both idempotent on a fresh machine:
#   make demo  - create .venv, install, serve the demo app on http://127.0.0.1:8000 (docs at /docs)
#   make test  - create .venv, install, lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck install bench clean

$(STAMP): pyproject.toml requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[all]" -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check fastapi tests examples benchmarks
	$(BIN)/ruff format --check fastapi

typecheck: $(STAMP)
	$(BIN)/mypy fastapi

test: lint typecheck
	$(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/python -m uvicorn examples.demo.app:app --host 127.0.0.1 --port 8000

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV)
