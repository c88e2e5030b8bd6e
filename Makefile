# Quick start: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/lagebild demo

test: install-test
	$(BIN)/ruff check lagebild tests scripts bench
	$(BIN)/python -m pytest -q -rs

lint: install-test
	$(BIN)/ruff check lagebild tests scripts bench

eval: install
	$(BIN)/lagebild eval ../shared/data/seeds
	$(BIN)/lagebild eval ../shared/data/events-dev
	$(BIN)/lagebild eval ../shared/data/spkatt2023-train

clean:
	rm -rf $(VENV) build *.egg-info
