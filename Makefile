# The two set-up commands: `make run` (the main job) and `make test` (the whole suite).
# Both work on a fresh machine: they create .venv, install Python and npm packages, and
# copy the front-end assets (KaTeX, htmx, Plotly.js, CodeMirror) into the app's static files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
STAMP_NODE := node_modules/.installed
STAMP_ASSETS := $(VENV)/.installed-assets

.PHONY: run test lint bench clean

# Tests run in as many processes as the machine has cores, up to 4 (pytest-xdist; many tests
# wait on servers, browsers and sandboxes, so one process leaves cores idle). Each module's
# tests stay in one process (--dist loadscope): a module-scoped fixture, such as the
# multi-host test's six hosts, is made once. TEST_JOBS=1 make test runs one process.
TEST_JOBS ?= $(shell n=$$(nproc); [ $$n -gt 4 ] && n=4; echo $$n)
PARALLEL := -n $(TEST_JOBS) --dist loadscope

run: $(STAMP_RUN) $(STAMP_ASSETS)
	$(BIN)/nablalab serve

# Debian packages: chromium (browser tests), bubblewrap (the grader sandbox), redis-server
# (the grading queue at scale), nginx and postgresql (the multi-host test). The installed packages are audited for known
# vulnerabilities, the course content is checked (references, LaTeX, worked examples), then
# the suite runs on SQLite, then tests/web a second time on PostgreSQL.
test: $(STAMP_TEST) $(STAMP_ASSETS)
	bash scripts/ensure-debian-packages.sh chromium bubblewrap redis-server nginx postgresql
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python scripts/audit_dependencies.py
	$(BIN)/nablalab content check
	$(BIN)/pytest $(PARALLEL)
	url="$$(bash scripts/ensure-postgres.sh)" && \
		NABLALAB_TEST_DATABASE_URL="$$url" $(BIN)/pytest tests/web -p no:cacheprovider $(PARALLEL)

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests bench scripts

bench: $(STAMP_BENCH) $(STAMP_ASSETS)
	$(BIN)/python -m bench

# pip and setuptools upgraded at once: the copies venv bundles are old (setuptools 65.5 has
# known advisories), and the dependency audit in `make test` checks the whole venv.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

$(STAMP_BENCH): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@ $(STAMP_TEST) $(STAMP_RUN)

$(STAMP_NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_ASSETS): $(STAMP_NODE) | $(STAMP_RUN)
	$(BIN)/nablalab assets
	touch $@

clean:
	rm -rf $(VENV) node_modules build src/*.egg-info .pytest_cache .ruff_cache
