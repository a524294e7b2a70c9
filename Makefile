# Set-up and everyday tasks. Needs only python3 (3.11+), make and, for the browser tests, apt as root.
#   make serve   – the site at http://127.0.0.1:8000, rebuilt on every edit
#   make test    – the whole test suite (installs test packages and Debian's chromium when missing)
#   make check   – check the content files only (one line per problem)
#   make build   – build the site into site/; a failed build leaves the previous site/ untouched
#   make bench   – the build benchmark (N = 100, 500, 2000) and the catalogue/search measurements in
#                  Chromium (N = 2000); results are recorded in README.md

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build bench chromium

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.test-deps chromium
	$(BIN)/python -m pytest

check: $(VENV)/.site-deps
	$(BIN)/python scripts/check_content.py

build: $(VENV)/.site-deps
	rm -rf site.new
	$(BIN)/mkdocs build --site-dir site.new
	rm -rf site && mv site.new site

bench: $(VENV)/.test-deps chromium
	$(BIN)/python scripts/run_benchmark.py
	$(BIN)/python scripts/measure_browser.py --cases 2000

$(VENV)/.site-deps: requirements.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Debian's chromium drives the browser tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
