# Two entry points, both idempotent on a fresh machine:
#   make demo  - create .venv, install, serve the demo app on http://127.0.0.1:8000 (docs at /docs)
#   make test  - create .venv, install, lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The compatibility suite also runs on the Starlette that FastAPI 0.116.1 itself runs on,
# where every recorded answer must match exactly (see tests/compat/README.md).
COMPAT_VENV := .venv-starlette047
COMPAT_STAMP := $(COMPAT_VENV)/.installed

.PHONY: demo test lint typecheck install bench clean

$(STAMP): pyproject.toml requirements-dev.txt hatch_build.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip || ($(PYTHON) -m venv --clear $(VENV) \
		&& $(BIN)/python -m pip install --quiet --upgrade pip)  # a broken venv: made anew
	$(BIN)/python -m pip install --quiet -e ".[all,redis,cron,celery,taskiq]" -r requirements-dev.txt
	touch $(STAMP)

$(COMPAT_STAMP): pyproject.toml hatch_build.py
	test -x $(COMPAT_VENV)/bin/python || $(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade pip || ($(PYTHON) -m venv --clear $(COMPAT_VENV) \
		&& $(COMPAT_VENV)/bin/python -m pip install --quiet --upgrade pip)
	$(COMPAT_VENV)/bin/python -m pip install --quiet -e ".[all]" "starlette==0.47.3" pytest pytest-timeout
	touch $(COMPAT_STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/python tools/check_tracked.py
	$(BIN)/ruff check fastapi tests examples benchmarks tools hatch_build.py
	$(BIN)/ruff format --check fastapi

typecheck: $(STAMP)
	$(BIN)/mypy fastapi

test: lint typecheck $(COMPAT_STAMP)
	$(BIN)/python -m pytest
	$(COMPAT_VENV)/bin/python -m pytest tests/compat

demo: $(STAMP)
	$(BIN)/python -m uvicorn examples.demo.app:app --host 127.0.0.1 --port 8000

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(COMPAT_VENV)
