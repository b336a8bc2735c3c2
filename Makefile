# Every target bootstraps its own Python >= 3.14.2 and .venv (script/bootstrap) first.
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help bootstrap test lint typecheck pytest lock clean

help:
	@echo "make test   - bootstrap, then ruff, mypy --strict and pytest with coverage"
	@echo "make lock   - re-resolve requirements/test.in into requirements/test.lock"

bootstrap:
	@script/bootstrap

test: bootstrap
	@script/test

lint: bootstrap
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

typecheck: bootstrap
	@$(VENV)/bin/mypy custom_components

pytest: bootstrap
	@$(PY) -m pytest

lock: bootstrap
	@script/lock

clean:
	rm -rf $(VENV) .toolchain .pytest_cache .mypy_cache .ruff_cache .coverage
