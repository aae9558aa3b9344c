# Everything a fresh machine needs (Python 3.11+ and git) is set up by these targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test bench docs validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## site: validate the demo kamus in this repository (the site build joins in issue 3)
site: $(STAMP)
	$(BIN)/kamus validate --root .

## test: the full test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: the benchmarks on the large synthetic corpus; writes BENCHMARKS.md
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py --write BENCHMARKS.md

## docs: regenerate the generated parts of README.md (rule table, CLI reference)
docs: $(STAMP)
	$(BIN)/python -m generator.docgen README.md

clean:
	rm -rf $(VENV) build site
