# The two commands a new machine needs: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-fast test-frozen lint bench package translations clean system-deps gui-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP) gui-deps
	$(PY) -m srs_wizard

# The X11 libraries Qt's xcb platform plugin needs on a Linux desktop.
gui-deps: $(STAMP)
	@bash .ci/gui-deps.sh $(PY)

# System packages the tests use (a real DNS server, CJK fonts, PDF tools); installed with
# apt when missing and allowed, else the exact command to run is printed.
system-deps:
	@bash .ci/system-deps.sh

lint: $(TEST_STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check srs_wizard tests bench packaging
	$(VENV)/bin/actionlint .github/workflows/*.yml

# The whole suite: unit, GUI and real-server tests, then the packaged program is built
# and its smoke tests run against the same fixtures.
test: test-fast package test-frozen

test-fast: system-deps $(TEST_STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test-frozen: system-deps $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m frozen tests/test_frozen.py

# onedir and onefile builds in dist/, from a clean virtual environment (packaging/build.sh)
package:
	bash packaging/build.sh

bench: system-deps $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(SECTIONS)

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find srs_wizard -name "*.py" | sort) -ts resources/translations/srs_wizard_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/srs_wizard_zh_CN.ts -qm resources/translations/srs_wizard_zh_CN.qm

clean:
	rm -rf $(VENV) build dist .pytest_cache bench/out
