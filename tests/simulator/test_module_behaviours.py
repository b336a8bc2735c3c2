"""Outlet and relay-module behaviours of the issue-14 twins: what the settings do, not just
that they hold."""

from __future__ import annotations

from custom_components.aqara_zigbee.simulator.behaviours import Relays
from custom_components.aqara_zigbee.simulator.behaviours.charging_protection import (
    CHARGED_AFTER_S,
    LUMI_CHARGING_LIMIT,
)
from custom_components.aqara_zigbee.simulator.clusters import LUMI_CLUSTER
from custom_components.aqara_zigbee.simulator.zcl import (
    LUMI_MANUFACTURER_CODE,
    AttributeValue,
    DataType,
    Status,
)
from tests.simulator.device_helpers import make_device, write_attributes


def test_button_switch_mode_decides_whether_the_button_switches_usb() -> None:
    device, _air, _clock = make_device("QBCZ15LM")
    relays = device.behaviour(Relays).relays
    device.press("main")
    assert relays == {1: True, 2: False}  # relay only (the default)
    device.exercise("button_switch_mode", "relay_and_usb")
    device.press("main")
    assert relays == {1: False, 2: True}  # both toggle
    device.exercise("button_switch_mode", "relay")
    device.press("main")
    assert relays == {1: True, 2: True}


def test_charging_protection_opens_the_relay_once_charged() -> None:
    device, _air, clock = make_device("WP-P01D")
    relays = device.behaviour(Relays).relays
    device.exercise("charging_limit", 1.5)
    device.exercise("charging_protection", "ON")
    device.exercise("state", "ON")
    device.set_load(10.0)  # charging: over the limit
    clock.advance_sync(CHARGED_AFTER_S + 1)
    assert relays[1]
    device.set_load(1.0)  # charged: under 1.5 W
    clock.advance_sync(2 * CHARGED_AFTER_S + 1)
    assert not relays[1]
    # Off: the relay stays on whatever the load
    device.exercise("charging_protection", "OFF")
    device.exercise("state", "ON")
    clock.advance_sync(3 * CHARGED_AFTER_S)
    assert relays[1]


def test_charging_limit_refuses_what_the_firmware_would() -> None:
    device, air, _clock = make_device("WP-P01D")
    for watts, status in ((0.05, Status.INVALID_VALUE), (2.5, Status.INVALID_VALUE), (0.3, 0)):
        statuses = write_attributes(
            device,
            air,
            1,
            LUMI_CLUSTER,
            [AttributeValue(LUMI_CHARGING_LIMIT, DataType.FLOAT, watts)],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )
        assert [s.status for s in statuses] == [status], watts
    assert device.setting("charging_limit") == 0.3


def test_interlock_keeps_one_relay_of_the_t2_module_on() -> None:
    device, _air, _clock = make_device("LLKZMK12LM")
    relays = device.behaviour(Relays).relays
    device.exercise("state_l1", "ON")
    device.exercise("state_l2", "ON")
    assert relays == {1: True, 2: True}  # interlock off: both may be on
    device.exercise("interlock", "ON")
    device.exercise("state_l1", "ON")
    assert relays == {1: True, 2: False}
    device.exercise("state_l2", "ON")
    assert relays == {1: False, 2: True}


def test_pulse_mode_opens_the_relay_after_the_impulse() -> None:
    device, _air, clock = make_device("LLKZMK12LM")
    relays = device.behaviour(Relays).relays
    device.exercise("mode", "pulse")
    device.exercise("pulse_length", 800)
    device.exercise("state_l2", "ON")
    clock.advance_sync(0.7)
    assert relays[2]
    clock.advance_sync(0.2)
    assert not relays[2]
    device.exercise("mode", "power")
    device.exercise("state_l2", "ON")
    clock.advance_sync(5)
    assert relays[2]
