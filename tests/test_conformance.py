"""Packaging conformance: the offline stand-in for hassfest and the HACS validator."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conformance import (
    check_entity_icons_complete,
    check_hacs,
    check_icons,
    check_manifest,
    check_translation_keys,
    check_translations,
    translation_keys_in_code,
)

ROOT = Path(__file__).parent.parent
INTEGRATION = ROOT / "custom_components" / "aqara_zigbee"


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(name="manifest")
def manifest_fixture() -> dict[str, Any]:
    return _load(INTEGRATION / "manifest.json")  # type: ignore[no-any-return]


@pytest.fixture(name="strings")
def strings_fixture() -> dict[str, Any]:
    return _load(INTEGRATION / "strings.json")  # type: ignore[no-any-return]


def test_one_integration_folder() -> None:
    """HACS wants exactly one integration under custom_components/."""
    folders = [p.name for p in (ROOT / "custom_components").iterdir() if p.is_dir()]
    assert [f for f in folders if f != "__pycache__"] == ["aqara_zigbee"]


def test_manifest_conforms(manifest: dict[str, Any]) -> None:
    assert check_manifest(manifest, INTEGRATION.name) == []
    assert manifest["integration_type"] == "hub"
    assert manifest["config_flow"] is True
    assert {"zigpy", "zigpy_znp", "bellows"} <= set(manifest["loggers"])


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda m: m.pop("codeowners"), "missing required key 'codeowners'"),
        (lambda m: m.update(version="not a version!"), "is not SemVer"),
        (lambda m: m.update(documentation="http://example.com"), "https"),
        (
            lambda m: m.update(documentation="https://www.home-assistant.io/integrations/x"),
            "home-assistant.io/integrations",
        ),
        (lambda m: m.update(domain="xiaomi"), "differs from folder"),
        (lambda m: m.update(iot_class="push"), "iot_class"),
        (lambda m: m.update(bogus=1), "unknown key 'bogus'"),
        (lambda m: m.update(requirements=["zigpy==2.4.0"]), "pinned"),
        (lambda m: m.update(dependencies=[]), "usb matchers"),
    ],
)
def test_manifest_check_catches(manifest: dict[str, Any], mutate: Any, expected: str) -> None:
    broken = copy.deepcopy(manifest)
    mutate(broken)
    assert any(expected in problem for problem in check_manifest(broken, INTEGRATION.name))


def test_manifest_key_order_is_checked(manifest: dict[str, Any]) -> None:
    reordered = dict(reversed(list(manifest.items())))
    assert any("domain" in p for p in check_manifest(reordered, INTEGRATION.name))
    shuffled = {"domain": manifest["domain"], "name": manifest["name"], "version": "1.0.0"}
    shuffled |= {k: v for k, v in manifest.items() if k not in shuffled}
    assert any("sorted" in p for p in check_manifest(shuffled, INTEGRATION.name))


def test_hacs_conforms() -> None:
    hacs = _load(ROOT / "hacs.json")
    assert check_hacs(hacs) == []
    assert hacs["homeassistant"] == "2026.10.0"
    assert check_hacs(hacs | {"domains": ["switch"]}) == ["unknown key 'domains'"]
    assert check_hacs({"render_readme": True}) == ["name is required"]
    assert check_hacs(hacs | {"homeassistant": "latest"}) != []


def test_translations_resolved_and_in_sync(strings: dict[str, Any]) -> None:
    english = _load(INTEGRATION / "translations" / "en.json")
    assert check_translations(strings, english) == []


def test_translation_check_catches(strings: dict[str, Any]) -> None:
    referenced = copy.deepcopy(strings)
    referenced["config"]["abort"]["already_configured"] = "[%key:common::config_flow::x%]"
    assert any("unresolved" in p for p in check_translations(referenced, referenced))
    drifted = copy.deepcopy(strings)
    drifted["config"]["abort"]["already_configured"] = "Something else"
    assert any("differs" in p for p in check_translations(strings, drifted))
    missing = copy.deepcopy(strings)
    del missing["config"]["abort"]["already_configured"]
    assert any("missing from en.json" in p for p in check_translations(strings, missing))


def test_every_translation_key_in_code_exists(strings: dict[str, Any]) -> None:
    used = translation_keys_in_code(INTEGRATION.rglob("*.py"))
    assert check_translation_keys(used, strings) == []
    assert check_translation_keys({"no_such_key"}, strings) == [
        "translation_key 'no_such_key' has no string"
    ]


def test_icons_valid(strings: dict[str, Any]) -> None:
    icons = _load(INTEGRATION / "icons.json")
    assert check_icons(icons, strings) == []
    assert check_entity_icons_complete(icons, strings) == []


def test_icon_check_catches(strings: dict[str, Any]) -> None:
    assert check_icons({"entity": {"switch": {"nope": {"default": "mdi:x"}}}}, strings) != []
    assert check_icons({"entity": {"lamp": {}}}, strings) == ["entity.lamp: not an entity platform"]
    assert check_icons({"services": {"permit_join": {"service": "bad icon"}}}, strings) != []
    assert check_icons({"colors": {}}, strings) == ["unknown section 'colors'"]
    incomplete = {"entity": {"sensor": {}}}
    needs_icon = {"entity": {"sensor": {"power": {"name": "Power"}}}}
    assert check_entity_icons_complete(incomplete, needs_icon) == [
        "entity.sensor.power: no icon in icons.json"
    ]


def test_brand_images_present() -> None:
    for image in ("icon.png", "logo.png"):
        data = (INTEGRATION / "brand" / image).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_license_is_gpl3() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text
    assert "Version 3" in text
