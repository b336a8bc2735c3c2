# Every target bootstraps its own Python >= 3.14.2 and .venv (script/bootstrap) first.
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help bootstrap test lint typecheck pytest lock clean demo e2e bench soak

help:
	@echo "make test   - bootstrap, then ruff, mypy --strict and pytest on both locked library sets"
	@echo "make lock   - re-resolve requirements/{test,ha2026.10}.in into their .lock files"
	@echo "make soak   - fuzzing, faults and security tests at soak scale, with figures (10-15 min)"
	@echo "make demo   - Home Assistant with the simulated network on http://127.0.0.1:8123 (DEMO_PORT)"
	@echo "make e2e    - the demo in headless Chromium: log in, device pages, toggles, screenshots"
	@echo "make bench  - performance figures (table + bench/results.json; docs/benchmarks.md)"

bootstrap:
	@script/bootstrap
	@VENV=$(CURDIR)/.venv-ha LOCK=$(CURDIR)/requirements/ha2026.10.lock script/bootstrap

test: bootstrap
	@script/test

lint: bootstrap
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

typecheck: bootstrap
	@$(VENV)/bin/mypy custom_components

pytest: bootstrap
	@$(PY) -m pytest

soak: bootstrap
	@script/soak $(SOAK_ARGS)

lock: bootstrap
	@script/lock

demo:
	@script/demo

e2e:
	@script/e2e

bench: bootstrap
	@bench/setup-venv.sh && $(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .venv-ha .toolchain .pytest_cache .mypy_cache .ruff_cache .coverage
