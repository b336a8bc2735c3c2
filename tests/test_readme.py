"""The README stays true: the generated supported-devices section, the tested versions."""

from __future__ import annotations

from dataclasses import replace
import importlib.util
from pathlib import Path
from types import ModuleType
from unittest.mock import patch

import pytest

from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.model import Feature

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "script" / "supported_devices.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("supported_devices", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_section_is_generated(generator: ModuleType) -> None:
    """Regenerate with ``.venv/bin/python script/supported_devices.py --write``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(generator.START) == 1
    assert readme.count(generator.END) == 1
    heading = readme.index("## Supported devices")
    assert heading < readme.index(generator.START) < readme.index("## Development")
    assert generator.section_of(readme) == generator.generate(), (
        "README.md is stale: run script/supported_devices.py --write"
    )


def test_every_definition_and_expose_is_listed(generator: ModuleType) -> None:
    text = generator.generate()
    for model_id, definition in DEFINITIONS.items():
        assert f"`{model_id}`" in text
        assert f"### {definition.vendor} {definition.model}" in text
        section = text.split(f"### {definition.vendor} {definition.model}", 1)[1]
        section = section.split("\n### ", 1)[0]
        for expose in definition.exposes:
            # An expose written through an integration action has no entity of its own
            entity = (
                f"action `aqara_zigbee.{expose.action}`"
                if expose.action is not None
                else expose.platform.value
            )
            assert f"| `{expose.key}` | {entity}" in section
            if expose.unit:
                row = next(line for line in section.splitlines() if f"`{expose.key}`" in line)
                assert expose.unit in row
        for option in definition.options:
            assert f"- `{option}`" in section


def test_a_changed_definition_makes_the_readme_stale(generator: ModuleType) -> None:
    """Editing a definition without regenerating fails the first test."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    model_id, definition = next(iter(DEFINITIONS.items()))
    extra = Feature(exposes=(replace(definition.exposes[0], key="state_extra", sources=()),))
    changed = replace(definition, features=(*definition.features, extra))
    with patch.object(generator, "DEFINITIONS", {**DEFINITIONS, model_id: changed}):
        assert generator.section_of(readme) != generator.generate()
        assert "`state_extra`" in generator.rewrite(readme)


def test_script_modes(
    generator: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Print, --check and --write, on a copy of the README."""
    copy = tmp_path / "README.md"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.setattr(generator, "README", copy)

    assert generator.main([]) == 0
    assert capsys.readouterr().out == generator.generate()

    copy.write_text(text, encoding="utf-8")
    assert generator.main(["--check"]) == 0

    stale = text.replace("| Model | Vendor |", "| Model | Maker |")
    copy.write_text(stale, encoding="utf-8")
    assert generator.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert generator.main(["--write"]) == 0
    assert copy.read_text(encoding="utf-8") == text


def _locked(lock: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / lock).read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep:
            pins[name.lower()] = version
    return pins


@pytest.mark.parametrize(
    ("lock", "row_start"),
    [("test.lock", "| `.venv` (newest)"), ("ha2026.10.lock", "| `.venv-ha` (what HA 2026.10")],
)
def test_tested_versions_table_matches_the_locks(lock: str, row_start: str) -> None:
    """The README's table of tested versions says what the lock files install."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (row,) = [line for line in readme.splitlines() if line.startswith(row_start)]
    pins = _locked(lock)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == f"`requirements/{lock}`"
    assert cells[2:] == [pins[name] for name in ("homeassistant", "zigpy", "zigpy-znp", "bellows")]
