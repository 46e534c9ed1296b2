# The commands a newcomer runs. `make run` and `make test` are the two that matter.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
COMMITTED_SET := tests/data/eval/committed.jsonl
DATA ?= $(COMMITTED_SET)
PYTEST_ARGS ?=

.PHONY: install run demo test unit integration e2e lint format eval bench process up down clean \
	key asyncapi alerts observability deploy-check scale chaos

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

run: install  ## every service as a local process (embedded MongoDB unless JOBSTREAM_MONGO_URL)
	$(PY) -m jobstream.cli run

demo: install  ## push the two sample postings to the running stack, print what was indexed
	$(PY) -m jobstream.cli demo

test: install lint  ## lint, then unit, integration and e2e tests on real RabbitMQ/Redis/MongoDB
	$(PY) -m pytest -q $(PYTEST_ARGS)

unit: install
	$(PY) -m pytest -q tests/unit $(PYTEST_ARGS)

integration: install
	$(PY) -m pytest -q tests/integration $(PYTEST_ARGS)

e2e: install
	$(PY) -m pytest -q tests/e2e $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check shared services jobstream tests scripts
	$(VENV)/bin/ruff format --check shared services jobstream tests scripts
	$(VENV)/bin/mypy shared services

format: install
	$(VENV)/bin/ruff format shared services jobstream tests scripts
	$(VENV)/bin/ruff check --fix shared services jobstream tests scripts

eval: install  ## extraction per field, then clustering: make eval [DATA=file.jsonl] [BOARD=1] [DEDUP=file.jsonl]
	$(PY) -m jobstream.evaluate $(DATA) $(if $(BOARD),--board-push) \
	  $(if $(filter $(COMMITTED_SET),$(DATA)),--min-thresholds tests/data/eval/thresholds.json)
	$(PY) -m jobstream.eval_dedup $(DEDUP) --min 0.95

bench: install  ## throughput, latency and memory, with the raw broker chain for scale (printed, never asserted)
	$(PY) -m tests.bench.run

process: install  ## make process IN=postings.jsonl OUT=documents.jsonl
	$(PY) -m jobstream.cli process $(IN) -o $(OUT)

asyncapi: install  ## rewrite docs/asyncapi.json, the contract of the public events
	$(PY) -m jobstream.cli asyncapi -o docs/asyncapi.json

key: install  ## a new API key and its hashed entry: make key [SCOPES=ingest+read]
	$(PY) -m services.gateway.keys $(or $(SCOPES),ingest+read)

alerts:  ## check the Prometheus config and alert rules, run the alert unit tests (needs promtool)
	cd deploy/prometheus && promtool check config prometheus.yml && promtool test rules alerts.test.yml

observability: install  ## alert rules, dashboards, and a real Prometheus scraping the running services
	$(PY) -m pytest -q tests/observability $(PYTEST_ARGS)

deploy-check: install  ## validate Dockerfile, compose file and Kubernetes manifests (no Docker needed)
	$(PY) -m pytest -q tests/deploy $(PYTEST_ARGS)

chaos: install  ## break private RabbitMQ/Redis/MongoDB and each service mid-stream; prints a table
	$(PY) -m pytest -q -p no:cacheprovider -s tests/chaos $(PYTEST_ARGS)

scale: install  ## 1, 2 and 4 competing enrichers on one queue; prints throughput
	$(PY) -m pytest -q -s tests/scale $(PYTEST_ARGS)

up:  ## the whole stack in Docker (needs a Docker engine)
	docker compose up -d --build --wait

down:
	docker compose down

clean:
	rm -rf $(VENV) .jobstream .pytest_cache .mypy_cache .ruff_cache
