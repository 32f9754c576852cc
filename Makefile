# netlearn: two commands on a fresh machine.
#   make lab   - set up .venv (first time only) and open the course in JupyterLab
#   make test  - set up .venv (first time only) and run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
# JupyterLab refuses to start as root unless told it may (containers, CI, Binder-like set-ups).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test venv datasets benchmark clean-venv help

help:
	@echo "make lab        open the course in JupyterLab (sets up .venv the first time)"
	@echo "make test       run every test: unit, doctests, notebooks, browser"
	@echo "make datasets   rebuild the files in datasets/ from their seeded scripts"
	@echo "make benchmark  run the speed benchmarks in benchmarks/ (prints ratios; takes minutes)"

venv: $(VENV)/.installed

# Re-install when the project's dependencies change.
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "netlearn needs Python 3.10 or newer; found " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@# Plain-language coaching for common mistakes, from the first cell of every notebook.
	$(BIN)/python -m netlearn.coaching --install-kernel-config
	@touch $@

lab: venv
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ROOT_FLAG) notebooks/00_start_here.ipynb

test: venv
	$(BIN)/python -m pytest

datasets: venv
	$(BIN)/python scripts/build_datasets.py

benchmark: venv
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
