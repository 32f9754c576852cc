# netlearn: two commands on a fresh machine.
#   make lab   - set up .venv (first time only) and open the course in JupyterLab
#   make test  - set up .venv (first time only) and run every test
# Packages are installed at the versions in constraints.txt, the ones the tests passed with.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
# JupyterLab refuses to start as root unless told it may (containers, CI, Binder-like set-ups).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# The exact versions of every package that the tests passed with (`make constraints` writes it).
CONSTRAINTS := constraints.txt
CONSTRAINT_FLAG := $(if $(wildcard $(CONSTRAINTS)),-c $(CONSTRAINTS),)
# Other Pythons the unit tests run on (`make test-pythons`); missing ones are skipped.
TEST_PYTHONS ?= 3.12 3.13
# The course website: `make site` (learner edition) or `make site AUDIENCE=instructor`.
AUDIENCE ?= learner
# Processes Sphinx reads (and executes notebooks) with.
SITE_JOBS ?= 2

.PHONY: lab test test-pythons site test-site venv constraints datasets handouts benchmark clean-venv help

help:
	@echo "make lab           open the course in JupyterLab (sets up .venv the first time)"
	@echo "make test          run every test: unit, doctests, notebooks, browser"
	@echo "make test-pythons  run the unit tests and doctests on Python $(TEST_PYTHONS) too, where present"
	@echo "make site          build the course website into build/site/ (AUDIENCE=instructor: build/site-instructor/)"
	@echo "make test-site     build both editions of the website and run the tests that read them (CI runs it)"
	@echo "make constraints   record the package versions in .venv (after the tests pass) in $(CONSTRAINTS)"
	@echo "make datasets      rebuild the files in datasets/ from their seeded scripts"
	@echo "make handouts      write the printable handouts (A4 HTML) into build/handouts/"
	@echo "make benchmark     run the speed benchmarks in benchmarks/ (prints ratios; takes minutes)"

venv: $(VENV)/.installed

# Re-install when the project's dependencies or the tested versions change.
$(VENV)/.installed: pyproject.toml $(wildcard $(CONSTRAINTS))
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "netlearn needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(CONSTRAINT_FLAG) -e ".[dev]"
	@# Plain-language coaching for common mistakes, from the first cell of every notebook.
	$(BIN)/python -m netlearn.coaching --install-kernel-config
	@touch $@

lab: venv
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ROOT_FLAG) notebooks/00_start_here.ipynb

test: venv
	$(BIN)/python -m pytest

test-pythons:
	@bash scripts/test_pythons.sh $(TEST_PYTHONS)

# Freeze what .venv holds (netlearn itself left out) as the versions the course was tested with.
# Run it after `make test` passes; `make lab` and `make test` then install exactly these.
constraints: venv
	@{ echo "# The package versions the course's tests passed with, on Python $$($(BIN)/python -c 'import sys; print(sys.version.split()[0])')."; \
	   echo "# Written by \`make constraints\` on $$(date -u +%Y-%m-%d); used by \`make lab\` and \`make test\` (pip install -c)."; \
	   echo "# Do not edit by hand: change pyproject.toml, run make test, then make constraints."; \
	   $(BIN)/python -m pip freeze --exclude-editable | grep -v -i -E '^(netlearn|pip|setuptools|wheel)[= ]' | LC_ALL=C sort -f; \
	 } > $(CONSTRAINTS).new
	@mv $(CONSTRAINTS).new $(CONSTRAINTS)
	@echo "wrote $(CONSTRAINTS): $$(grep -c '==' $(CONSTRAINTS)) packages"

# The course as a website (Sphinx + myst-nb, executing every notebook; see site/build_site.py).
# Executed notebooks are kept in build/site-cache/, so the second edition and later builds reuse them.
site: venv
	$(BIN)/python site/build_site.py --audience $(AUDIENCE) --jobs $(SITE_JOBS)

# Both editions, then the tests that read them; a missing site fails here instead of skipping.
test-site: venv
	$(BIN)/python site/build_site.py --audience learner --jobs $(SITE_JOBS)
	$(BIN)/python site/build_site.py --audience instructor --jobs $(SITE_JOBS)
	NETLEARN_REQUIRE_SITE=1 $(BIN)/python -m pytest tests/test_site.py tests/browser/test_site.py

datasets: venv
	$(BIN)/python scripts/build_datasets.py

# Printable handouts from the instrument files; build/ is generated, so earlier handouts are replaced.
handouts: venv
	$(BIN)/python -m netlearn.trainer.handouts --out build/handouts

benchmark: venv
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
