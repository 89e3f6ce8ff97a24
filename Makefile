# Two entry points for people: `make run` and `make test`. Both create .venv on first use.
# `make run` installs only what running needs (the package and its web extra); `make test` and
# `make setup` install the developer extras too (pytest, Ray, Playwright, Stone Soup, xarray).
VENV ?= .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --no-compile -e '.[web]'
	touch $(RUN_STAMP)

# The developer extras install while the engine's kernels, the sensor mode's tracker and plot
# simulation, the WTA heuristic and the forecaster's filter compile into numba's cache (about a
# minute each for the first two; a failed warm-up only means the tests compile them).
$(DEV_STAMP): pyproject.toml $(RUN_STAMP)
	($(PY) -m airshield.engine.compiled.warm; $(PY) -m airshield.sensing.compiled.warm; \
	 $(PY) -m airshield.history.forecast.warm) & warm=$$!; \
	($(PY) -m airshield.tracking.compiled.warm; $(PY) -m airshield.wta.warm) & tracker=$$!; \
	$(PY) -m pip install --quiet --no-compile -e '.[dev]'; status=$$?; wait $$warm $$tracker; exit $$status
	touch $(DEV_STAMP) $(RUN_STAMP)

.PHONY: setup run test bench browser
setup: $(DEV_STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser tests will be skipped"; \
	  else echo "no /usr/bin/chromium and no root apt-get: the browser tests will be skipped"; fi; fi

run: $(RUN_STAMP)
	$(VENV)/bin/airshield run

test: $(DEV_STAMP) browser
	$(PY) -m pytest -q -n 2 --dist worksteal

bench: $(DEV_STAMP)
	$(PY) benchmarks/engine_national.py
