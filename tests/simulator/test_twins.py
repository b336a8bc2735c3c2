"""Every twin: found from its own module, and driven the same way (Zigbee2MQTT properties)."""

from __future__ import annotations

import pytest

from custom_components.aqara_zigbee.simulator.models import (
    DEFAULT_MODELS,
    TWINS,
    VARIANTS,
    resolve_model,
)
from custom_components.aqara_zigbee.simulator.properties import PropertyError
from tests.simulator.device_helpers import make_device

ALL_TWINS = sorted(TWINS)
# The Lumi twins (the others, standard ZCL devices, are exercised in test_standard_twins.py)
LUMI_TWINS = sorted(model for model, twin in TWINS.items() if not twin.from_signature)
# A real WS-USC01 heartbeat (reference/devices.md): relay off, 24 °C, power-on count 5,
# parent 0x84AD
WS_USC01_HEARTBEAT = bytes.fromhex("641000 032818 05210500 9a2000 08212001 0a21ad84 0b2000")


def test_twins_are_found_from_their_modules() -> None:
    assert set(ALL_TWINS) >= {
        "lumi.plug",
        "lumi.plug.mmeu01",
        "lumi.switch.l0agl1",
        "lumi.switch.b2laus01",
        "lumi.switch.b1nc01",
        "lumi.switch.b1laus01",
    }
    # The default network is the five seed models, in their order
    assert DEFAULT_MODELS == (
        "lumi.plug",
        "lumi.plug.mmeu01",
        "lumi.switch.l0agl1",
        "lumi.switch.b2laus01",
        "lumi.switch.b1nc01",
    )
    assert resolve_model("WS-USC01") is TWINS["lumi.switch.b1laus01"]
    assert resolve_model("zncz04lm-LEGACY") is VARIANTS["zncz04lm-legacy"]
    with pytest.raises(ValueError, match="unknown model"):
        resolve_model("lumi.nothing")


@pytest.mark.parametrize("model", LUMI_TWINS)
def test_every_property_can_be_exercised(model: str) -> None:
    """A new value reaches the device; without a report nothing goes on the air."""
    device, air, clock = make_device(model)
    assert device.properties == resolve_model(model).properties
    for prop in sorted(device.properties - {"action"}):
        if device.is_momentary(prop):
            # A gesture's side or angle: only ever told with a gesture, never set silently
            air.clear()
            told = device.exercise(prop)
            clock.advance_sync(2)
            assert device.exercise(prop, told) == told, prop
            assert bool(air.frames) == device.sends(prop), f"{prop}: sent {air.frames}"
            continue
        command = device.is_command(prop)  # identify: the same "value" every time
        before = device.exercise(prop, report=False) if prop != "power_outage_count" else None
        air.clear()
        after = device.exercise(prop, report=False)
        assert command or after != before, prop
        assert air.frames == [], f"{prop}: sent {air.frames}"
        reported = device.exercise(prop)
        clock.advance_sync(1)
        assert command or reported != after, prop
        assert bool(air.frames) == device.sends(prop), f"{prop}: sent {air.frames}"
        air.clear()


@pytest.mark.parametrize("model", LUMI_TWINS)
def test_settings_and_actions(model: str) -> None:
    device, air, _clock = make_device(model)
    if device.button_names:
        device.event_mode = 1  # what the hub writes at pairing
    for action in device.action_values:
        air.clear()
        assert device.exercise("action", action) == action
        # MultistateInput clicks; OnOff clicks of the older no-neutral switches; the Z1 Pro's
        # slider gestures and the knob's rotations on 0xFCC0; the cubes' rotations; the
        # vibration sensors' events on DoorLock (0x0101) and the IAS zone
        assert (
            air.reports(0x0012)
            or air.reports(0x0006)
            or air.reports(0xFCC0)
            or air.reports(0x000C)
            or air.reports(0x0101)
            or air.reports(0x0500)
        ), action
    for prop in device.properties:
        handler_value = device.exercise(prop) if prop != "action" else None
        if prop == "action":
            continue
        if prop not in device.settings:
            # measurements and counters: what the device reports, never written
            with pytest.raises(PropertyError, match="not a setting"):
                device.setting(prop)
            continue
        assert device.setting(prop) == handler_value, prop
    with pytest.raises(PropertyError, match="has no property"):
        device.exercise("linkquality")


def test_ws_usc01_heartbeat_is_the_real_one() -> None:
    device, _air, _clock = make_device("lumi.switch.b1laus01")
    device.set_temperature(24)
    device.power_on_count = 5
    device.parent_nwk = 0x84AD
    assert device.heartbeat_payload() == WS_USC01_HEARTBEAT
