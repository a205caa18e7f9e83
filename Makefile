# The two set-up commands: `make run` (the main job) and `make test` (the whole suite).
# Both work on a fresh machine: they create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench

.PHONY: run test lint bench clean

run: $(STAMP_RUN)
	$(BIN)/nablalab tour

test: $(STAMP_TEST)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests bench

bench: $(STAMP_BENCH)
	$(BIN)/python -m bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

$(STAMP_BENCH): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@ $(STAMP_TEST) $(STAMP_RUN)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
