# Everything a fresh machine needs (Python 3.11+, git, make) is set up by these targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: site serve test bench docs golden validate chromium chromium-if-possible libreoffice-if-possible clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## chromium: Debian's Chromium for the end-to-end tests (Playwright's own download does not work offline)
chromium: $(CHROMIUM)
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

# Chromium when it can be had (root, or sudo without a password); otherwise the browser tests
# are skipped with their reason in pytest's summary instead of stopping the whole run.
chromium-if-possible:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; then $(MAKE) --no-print-directory chromium; \
	else echo "Chromium tidak terpasang dan tidak ada izin root/sudo: tes peramban dilewati. Pasang dengan 'sudo apt-get install chromium' lalu jalankan 'make test' lagi."; fi

# LibreOffice Writer (headless) lays out the Lampiran DOCX as Word users get it, for the page tests
# (tests/test_lampiran_pages.py); without root or sudo those tests are skipped with their reason.
libreoffice-if-possible:
	@if command -v soffice >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; else \
	  echo "LibreOffice tidak terpasang dan tidak ada izin root/sudo: tes tata letak DOCX dilewati. Pasang dengan 'sudo apt-get install libreoffice-writer-nogui' lalu jalankan 'make test' lagi."; exit 0; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null

## site: validate the demo kamus and build its site into site/
site: $(STAMP)
	$(BIN)/kamus build --root . --output site
	@echo "Perintah kamus ada di $(BIN)/kamus: jalankan misalnya '$(BIN)/kamus validate', atau aktifkan dulu dengan '. $(BIN)/activate' lalu cukup 'kamus validate'."

## serve: live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/kamus serve --root .

## validate: check the demo kamus as CI does
validate: $(STAMP)
	$(BIN)/kamus validate --root . --strict

## test: the full test suite (installs Chromium for the browser tests and LibreOffice for the DOCX layout tests when it can)
test: $(STAMP) chromium-if-possible libreoffice-if-possible
	$(BIN)/python -m pytest

## bench: the benchmarks on the large synthetic corpus (installs pandas for the baseline); writes BENCHMARKS.md
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_validate.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_site.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_preview.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_talent.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_keputusan.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_talent_outputs.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_siasn.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_history.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_lampiran.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_workbook.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_tables.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_trust.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_baseline.py --candidate 0070ded --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_baseline.py --write BENCHMARKS.md
	$(BIN)/python benchmarks/bench_baseline.py --baseline e3169ea --candidate 4b53ef5 --steps validate,build,talenta,import --write BENCHMARKS.md

## golden: rewrite every golden file (tests/cases/*/expected.txt and the others) from the current code; read `git diff tests/` before committing
golden: $(STAMP)
	$(BIN)/python tests/goldens.py

## docs: regenerate the generated parts of README.md (rule table, CLI reference)
docs: $(STAMP)
	$(BIN)/python -m generator.docgen README.md

clean:
	rm -rf $(VENV) build site
