# The commands a person types. `make run` and `make test` work on a fresh Debian machine with Python 3.11.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
DEV_SETTINGS := config.settings.dev
VENDOR := werkzorg/static/vendor
HOST ?= 127.0.0.1:8000
# Links in e-mails and the printed logins follow HOST unless SITE_URL is set.
SITE_URL ?= http://$(HOST)

.PHONY: run test lint bench messages assets migrate demo browser-deps system-deps lock clean

$(VENV)/.installed: requirements/lock.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv"; exit 1; }
	@echo "== Installing the Python packages into $(VENV) (the first time: about two minutes)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/lock.txt
	touch $@

system-deps:
	@missing=""; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3.11-venv"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

node_modules/.installed: package.json package-lock.json
	@echo "== Installing the front-end packages (NL Design System, htmx, Chart.js, axe-core) from npm"
	npm ci --no-audit --no-fund --silent
	touch $@

assets: system-deps node_modules/.installed
	@mkdir -p $(VENDOR)/utrecht $(VENDOR)/voorbeeld $(VENDOR)/htmx $(VENDOR)/chartjs $(VENDOR)/axe
	@cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/index.css
	@cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css $(VENDOR)/voorbeeld/theme.css
	@cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/htmx.min.js
	@cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chartjs/chart.umd.min.js
	@cp node_modules/axe-core/axe.min.js $(VENDOR)/axe/axe.min.js

migrate: $(VENV)/.installed
	@echo "== Creating or updating the database (SQLite in var/ unless DATABASE_URL is set)"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py createcachetable

demo: migrate
	@echo "== Loading the demo data (the first time: about a minute)"
	SITE_URL=$(SITE_URL) DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py load_demo

run: system-deps $(VENV)/.installed assets demo
	SITE_URL=$(SITE_URL) DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py runserver $(HOST)

browser-deps:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports --no-cache

test: system-deps $(VENV)/.installed assets browser-deps lint
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(VENV)/bin/pytest -n $${PYTEST_WORKERS:-2} --dist loadfile $(PYTEST_ARGS)

bench: $(VENV)/.installed assets
	$(PY) -m bench

messages: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py makemessages -l nl -l en --ignore=node_modules --ignore=.venv --ignore=staticfiles --ignore="tests/*"
	for lang in nl en; do msgattrib --no-obsolete -o locale/$$lang/LC_MESSAGES/django.po locale/$$lang/LC_MESSAGES/django.po; done
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

lock:
	$(PYTHON) -m venv /tmp/werkzorg-lock && /tmp/werkzorg-lock/bin/pip install --quiet -r requirements/dev.in \
	  && (echo "# Pinned versions of everything in dev.in (which includes base.in). Regenerate: make lock"; \
	      /tmp/werkzorg-lock/bin/pip freeze) > requirements/lock.txt

clean:
	rm -rf $(VENV) node_modules $(VENDOR) staticfiles var
