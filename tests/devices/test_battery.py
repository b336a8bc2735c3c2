"""Battery curves as Zigbee2MQTT computes them, and a real old sensor's heartbeat."""

from __future__ import annotations

import pytest

from custom_components.aqara_zigbee.devices import get_definition
from custom_components.aqara_zigbee.features.battery import (
    ALKALINE_3V_1500_2800,
    COIN_CELL,
    LITHIUM_3V_2100,
    RECHARGEABLE,
)
from custom_components.aqara_zigbee.lumi import heartbeat


@pytest.mark.parametrize(
    ("curve", "millivolts", "percent"),
    [
        # {min: 2850, max: 3000}: linear, clamped, halves rounded up (Math.round)
        (COIN_CELL, 2910, 40),
        (COIN_CELL, 2925, 50),
        (COIN_CELL, 2851, 1),
        (COIN_CELL, 3100, 100),
        (COIN_CELL, 2700, 0),
        (RECHARGEABLE, 3600, 50),
        # "3V_2100": piecewise
        (LITHIUM_3V_2100, 3000, 100),
        (LITHIUM_3V_2100, 2950, 71),
        (LITHIUM_3V_2100, 2900, 42),
        (LITHIUM_3V_2100, 2800, 27),
        (LITHIUM_3V_2100, 2500, 8),
        (LITHIUM_3V_2100, 2000, 0),
        # "3V_1500_2800": 235 - 370000 / (mV + 1), clamped
        (ALKALINE_3V_1500_2800, 3000, 100),
        (ALKALINE_3V_1500_2800, 2500, 87),
        (ALKALINE_3V_1500_2800, 1500, 0),
    ],
)
def test_curves(curve: object, millivolts: int, percent: int) -> None:
    assert curve.decode(millivolts) == percent  # type: ignore[attr-defined]


def test_curves_ignore_what_is_not_a_voltage() -> None:
    assert COIN_CELL.decode(None) is None
    assert COIN_CELL.decode(float("nan")) is None


def test_a_real_door_sensor_heartbeat() -> None:
    """lumi.sensor_magnet.aq2's genBasic 0xFF01, as a public log shows it (zigate #63)."""
    definition = get_definition("lumi.sensor_magnet.aq2")
    assert definition is not None
    assert definition.sleepy
    payload = bytes.fromhex("0121a90b0328200421a81305212600062408000004020a210000641000")
    values = heartbeat.parse(payload, definition.heartbeat_profile)
    assert values["voltage"] == 2985
    assert values["device_temperature"] == 32
    assert values["power_outage_count"] == 37
    assert values["trigger_count"] == 7  # the low 16 bits of index 6, minus one
    assert values["contact"] is False  # 0: closed (Home Assistant's door sensor: off)
    assert COIN_CELL.decode(values["voltage"]) == 90


def test_mains_models_are_not_sleepy() -> None:
    plug = get_definition("lumi.plug")
    assert plug is not None
    assert not plug.sleepy
