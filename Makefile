# Two entry points for people: `make run` and `make test`. Both create .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

.PHONY: setup run test bench browser
setup: $(STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser tests will be skipped"; \
	  else echo "no /usr/bin/chromium and no root apt-get: the browser tests will be skipped"; fi; fi

run: $(STAMP)
	$(VENV)/bin/airshield run

test: $(STAMP) browser
	$(PY) -m pytest -q -n 2

bench: $(STAMP)
	$(PY) benchmarks/engine_national.py
