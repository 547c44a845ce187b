# The two commands a new machine needs: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench package translations clean system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(PY) -m srs_wizard

# System packages the tests use (a real DNS server, CJK fonts, PDF tools); installed with
# apt when missing and allowed, else the exact command to run is printed.
system-deps:
	@bash .ci/system-deps.sh

lint: $(TEST_STAMP)
	$(VENV)/bin/lint-imports

test: system-deps $(TEST_STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: system-deps $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find srs_wizard -name '*.py' | sort) -ts resources/translations/srs_wizard_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/srs_wizard_zh_CN.ts -qm resources/translations/srs_wizard_zh_CN.qm

clean:
	rm -rf $(VENV) build dist .pytest_cache
