# Two commands for a fresh machine: `make run` and `make test`; `make test-fast` is the inner loop.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
DB ?= warta.db

.PHONY: run demo test test-fast install install-dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[web,ingest]'
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: install if needed, show what warta finds in the bundled demo articles, ingest them
## into $(DB) and serve the archive (web UI + REST API) at http://localhost:$(PORT)/
run: install
	$(BIN)/warta demo
	$(BIN)/warta ingest warta/demo/articles --db $(DB)
	@echo "warta: open http://localhost:$(PORT)/  (API docs: http://localhost:$(PORT)/docs; Ctrl+C stops)"
	$(BIN)/warta serve --db $(DB) --host 127.0.0.1 --port $(PORT)

## demo: install if needed and show what warta finds in the bundled demo articles (no archive, no server)
demo: install
	$(BIN)/warta demo

## test: install with test extras if needed, then run the whole test suite (the CI gate)
test: install-dev
	$(BIN)/python -m pytest

## test-fast: the inner loop while working: everything but the tests marked slow (kill -9, Dask,
## worker processes, training, accuracy gates over ../shared data)
test-fast: install-dev
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
