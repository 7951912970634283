# Every target creates/uses .venv itself: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench fuzz dist translations screenshots walk clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(PY) -m desktop.i18n_build

run: $(STAMP) translations
	$(PY) main.py

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

fuzz: $(STAMP)  # SQLite; PostgreSQL too when ESEP_TEST_PG_URL is set
	ESEP_FUZZ_EXAMPLES=500 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/test_server_fuzz.py

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.import_screens docs/screenshots
	$(PY) -m reports.annual.pages docs/screenshots

# a district's month under Xvfb with xdotool keystrokes; screenshots in docs/screenshots/walk_*
walk: $(STAMP) translations
	$(PY) -m tests.walk.walk $(WALK_LANGS)

dist: $(STAMP) translations
	$(PY) -m pip install -q -e '.[dist]'
	$(VENV)/bin/pyinstaller --noconfirm pyinstaller.spec
	QT_QPA_PLATFORM=offscreen dist/esep/esep --version
	QT_QPA_PLATFORM=offscreen dist/esep/esep --smoke
	@tar -C dist -czf dist/esep.tar.gz esep
	@echo "dist/esep: $$(du -sm dist/esep | cut -f1) MB on disk, $$(du -m dist/esep.tar.gz | cut -f1) MB compressed (dist/esep.tar.gz)"

clean:
	rm -rf build dist .pytest_cache
