# Everyday commands. `make run` and `make test` are the two the README promises.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_ADMIN_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
HOST ?= 127.0.0.1
PORT ?= 5000
export MUS_INSTANCE_PATH ?= $(CURDIR)/instance
LINT_PATHS := plugin standins tests scripts $(wildcard bench)

.PHONY: install run demo-db web api-types api-types-check i18n i18n-check test-web bundle-check test test-sqlite test-postgres bench lint format clean

# The app with its test tools, and the local Microsoft 365 stand-ins (a package of their own: demo
# mode and the tests need them, a production install does not have them).
$(BIN)/mus: pyproject.toml standins/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]' -e ./standins
	@touch $@

install: $(BIN)/mus

demo-db: install
	MUS_DEMO=1 $(BIN)/mus db upgrade
	MUS_DEMO=1 $(BIN)/mus seed-demo

web:
	cd web && npm ci --no-audit --no-fund && npm run build

# The front end's API types (web/src/lib/api/schema.ts), generated from the OpenAPI document.
API_SCHEMA := web/src/lib/api/schema.ts
WEB_DEPS := web/node_modules/.package-lock.json

$(WEB_DEPS): web/package-lock.json
	cd web && npm ci --no-audit --no-fund

api-types: install $(WEB_DEPS)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		$(BIN)/python scripts/openapi_document.py "$$tmp/openapi.json" && \
		node web/api-types.mjs "$$tmp/openapi.json" $(API_SCHEMA) && \
		echo "wrote $(API_SCHEMA)"

api-types-check: install $(WEB_DEPS)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		$(BIN)/python scripts/openapi_document.py "$$tmp/openapi.json" && \
		node web/api-types.mjs "$$tmp/openapi.json" "$$tmp/schema.ts" && \
		{ cmp -s "$$tmp/schema.ts" $(API_SCHEMA) \
			|| { echo "$(API_SCHEMA) is out of date with the API's schemas: run \`make api-types\` and commit it"; exit 1; }; }

# The message catalogues (plugin/messages/<lang>/LC_MESSAGES/messages.po). `make i18n` folds texts
# still added as JSON (plugin/messages/<lang>/*.json, e.g. by a branch from before the PO files) into
# them; `make i18n-check` fails when some are left, or when a key is missing in a language, the
# languages' placeholders or plural forms differ, or the Python or web code uses a key that is not there.
i18n: install
	$(BIN)/python scripts/json_to_po.py

i18n-check: install
	$(BIN)/python scripts/json_to_po.py --check
	$(BIN)/pytest -q -p no:cacheprovider tests/test_i18n.py

bundle-check: install web
	$(BIN)/python scripts/check_bundle.py

run: demo-db web
	@echo "MUS demo: open http://$(HOST):$(PORT)/simulator/ (two participants in a Teams meeting)"
	MUS_DEMO=1 $(BIN)/mus run --demo --host $(HOST) --port $(PORT)

test: install lint api-types-check i18n-check web test-web bundle-check test-sqlite test-postgres

# The front end's unit and property tests (Node's test runner).
test-web: web
	cd web && npm test

test-sqlite: install web
	$(BIN)/pytest -q

test-postgres: install web
	@$(BIN)/python -c 'import psycopg, sys; psycopg.connect(sys.argv[1].replace("+psycopg", ""), connect_timeout=5).close()' '$(PG_ADMIN_URL)' \
		|| { echo "PostgreSQL is not reachable at $(PG_ADMIN_URL) (set PG_ADMIN_URL)"; exit 1; }
	MUS_TEST_DATABASE_URL='$(PG_ADMIN_URL)' $(BIN)/pytest -q

# The benchmark (bench/run.py): every part, one table with each figure beside its baseline from the
# same run and the ratio, also written to bench/latest.md. PostgreSQL and Redis on this machine, wrk
# and HAProxy (Debian packages). At most 15 minutes; `make bench BENCH_ARGS=--quick` for a short run,
# `BENCH_ARGS="--only http,live"` for some parts.
BENCH_ARGS ?=
bench: install web
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# ruff, and the architecture's import contracts (pyproject.toml, [tool.importlinter]).
lint: install
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache *.egg-info web/node_modules web/.test-build plugin/static/build test-artifacts
