"""Each simulated non-Aqara twin gets what Zigbee2MQTT's generated definition gives it.

The reference (``z2m_generated_26.112.0.json``, made by ``script/z2m-generated-reference``)
is zigbee-herdsman-converters' ``generateDefinition`` run on each twin's signature. Our
``describe`` of the same signature must show every expose it lists, on the same kind of
entity, except the documented differences below; and nothing beyond them.
"""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
from typing import Any, Final

import pytest

from custom_components.aqara_zigbee.devices.describe import describe, parse_signature

REFERENCE: Final = json.loads((Path(__file__).parent / "z2m_generated_26.112.0.json").read_text())

#: Zigbee2MQTT exposes we do not give, and why
NOT_GIVEN: Final = {
    "effect": "light effects (Identify's trigger effect) are not offered",
    "effect_speed": "Hue's private effects are not offered",
    "effect_color": "Hue's private effects are not offered",
    "color_temp_startup": "StartUpColorTemperatureMireds is not offered",
    "color_hs": "Home Assistant converts hue/saturation to xy itself",
    "temperature_display_mode": "thermostat user interface settings are not offered",
    "keypad_lockout": "thermostat user interface settings are not offered",
}
#: what we give beyond Zigbee2MQTT's exposes, and why
EXTRAS: Final = {
    "linkquality": "Zigbee2MQTT publishes it too, outside the exposes",
    "voltage": "the battery's voltage (disabled by default)",
    "color_mode": "which colour the light shows (Home Assistant's colour mode)",
    "color_temp_min": "the lamp's colour temperature range, read once",
    "color_temp_max": "the lamp's colour temperature range, read once",
    "min_heat_setpoint_limit": "the thermostat's own set point range, read once (as ZHA)",
    "max_heat_setpoint_limit": "the thermostat's own set point range, read once (as ZHA)",
}
#: Zigbee2MQTT's composite ``color_xy`` is two values here
RENAMED: Final = {"color_xy": ("color_x", "color_y")}
#: a Zigbee2MQTT expose type → the Home Assistant domains it may become
DOMAINS: Final = {
    "binary": {"binary_sensor", "switch"},
    "numeric": {"sensor", "number"},
    "enum": {"select", "event", "button"},
    "light": {"light"},
    "cover": {"cover"},
    "climate": {"climate"},
}


def _flatten(exposes: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(our key, Zigbee2MQTT expose, its type or its composite's type)."""
    for expose in exposes:
        for feature, kind in (
            [(f, expose["type"]) for f in expose["features"]]
            if "features" in expose
            else [(expose, expose["type"])]
        ):
            endpoint = feature.get("endpoint") or expose.get("endpoint")
            for name in RENAMED.get(feature["name"], (feature["name"],)):
                yield f"{name}_{endpoint}" if endpoint else name, feature, kind


@pytest.mark.parametrize(
    "device", REFERENCE["devices"], ids=[d["name"] for d in REFERENCE["devices"]]
)
def test_twin_gets_zigbee2mqtt_generated_exposes(device: dict[str, Any]) -> None:
    ours = describe(parse_signature(device["signature"]))
    assert ours["definition"] == "generated"
    given = {expose["name"]: expose for expose in ours["exposes"]}
    expected: set[str] = set()
    for key, feature, kind in _flatten(device["exposes"]):
        if feature["name"] in NOT_GIVEN:
            continue
        expected.add(key)
        assert key in given, f"{device['name']}: no {key}"
        assert given[key]["entity"] in DOMAINS[kind], key
        if feature.get("values") and key == "action":
            assert set(feature["values"]) <= set(given[key]["values"]), key
        if feature.get("unit") and given[key]["unit"] is not None:
            assert given[key]["unit"] == feature["unit"], key
    extras = {key for key in given if key not in expected}
    assert {key.rsplit("_", 1)[0] if key[-1].isdigit() else key for key in extras} <= set(EXTRAS)
