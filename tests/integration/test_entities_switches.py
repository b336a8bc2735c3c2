"""The wall switches' exposes as Home Assistant entities, against the simulated network.

SSM-U02 (lumi.switch.l0agl1), WS-USC02 (lumi.switch.b2laus01) and QBKG40LM
(lumi.switch.b1nc01): reports, writes that reach the device before Home Assistant shows
them, reads on request, and a write the network fails to deliver.
"""

from __future__ import annotations

from typing import Any

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
import pytest

from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator.behaviours.prevent_leave import (
    ASK_DELAY_S,
    PreventLeave,
)

from .conftest import wait_for
from .entity_helpers import (
    Device,
    call,
    configured,
    record_states,
    update_entity,
    write_confirmed,
)
from .model_helpers import join_twin

LUMI_CLUSTER = 0xFCC0
ON_OFF = 0x0006
READ_ATTRIBUTES_RESPONSE = 0x01


async def test_ssm_u02(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Relay, power_outage_memory, switch_type, power_outage_count, device_temperature."""
    dev = await configured(simulated_entry, "SSM-U02")
    sim = dev.sim
    net = dev.network

    # Reports: the wired wall switch toggles the relay
    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_ON)
    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_OFF)

    # Heartbeat: power outages since pairing and the chip temperature in °C
    net.set_temperature(dev.ieee, 29)
    net.power_cycle(dev.ieee)
    net.power_cycle(dev.ieee)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "power_outage_count", "2")
    assert dev.state("sensor", "device_temperature") == "29"
    # The heartbeat carries the relay too (index 100)
    sim.relays[1] = True  # changed without a report
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("switch", "state", STATE_ON)
    sim.relays[1] = False
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("switch", "state", STATE_OFF)

    # Writes
    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_on",
        probe=lambda: sim.relays[1],
        state=STATE_ON,
        device_value=True,
    )
    await write_confirmed(
        dev,
        "switch",
        "power_outage_memory",
        "turn_off",
        probe=lambda: sim.power_outage_memory,
        state=STATE_OFF,
        device_value=False,
    )
    await write_confirmed(
        dev,
        "select",
        "switch_type",
        "select_option",
        probe=lambda: sim.lumi_setting("switch_type").raw,
        state="momentary",
        device_value=2,
        option="momentary",
    )
    await write_confirmed(
        dev,
        "select",
        "switch_type",
        "select_option",
        probe=lambda: sim.lumi_setting("switch_type").raw,
        state="toggle",
        device_value=1,
        option="toggle",
    )

    # Read on request
    sim.lumi_setting("switch_type").raw = 2
    sim.power_outage_memory = True
    sim.relays[1] = False
    for platform, key, expected in (
        ("select", "switch_type", "momentary"),
        ("switch", "power_outage_memory", STATE_ON),
        ("switch", "state", STATE_OFF),
    ):
        await update_entity(hass, dev.entity(platform, key))
        assert dev.state(platform, key) == expected, key


async def test_ws_usc02(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Both relays, both operation modes, mode_switch, flip indicator, memory, counters."""
    dev = await configured(simulated_entry, "WS-USC02")
    sim = dev.sim
    net = dev.network

    # Reports: each rocker toggles its own relay
    net.press(dev.ieee, "top")
    await dev.wait_state("switch", "state_top", STATE_ON)
    assert dev.state("switch", "state_bottom") == STATE_OFF
    net.press(dev.ieee, "bottom")
    await dev.wait_state("switch", "state_bottom", STATE_ON)
    net.press(dev.ieee, "both")
    await dev.wait_state("switch", "state_top", STATE_OFF)
    await dev.wait_state("switch", "state_bottom", STATE_OFF)

    # Heartbeat (0xFCC0 0x00F7): counter, temperature, and mode_switch (index 4)
    sim.lumi_setting("mode_switch").raw = 1  # changed without a report
    net.set_temperature(dev.ieee, 31)
    net.power_cycle(dev.ieee)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "power_outage_count", "1")
    assert dev.state("sensor", "device_temperature") == "31"
    assert dev.state("select", "mode_switch") == "quick_mode"
    # ...and both relays (indices 100 and 101)
    sim.relays[1], sim.relays[2] = False, True
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("switch", "state_bottom", STATE_ON)
    assert dev.state("switch", "state_top") == STATE_OFF
    sim.relays[2] = False
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("switch", "state_bottom", STATE_OFF)
    # power_outage_count is also an 0xFCC0 attribute (0x0002) the device may report
    net.power_cycle(dev.ieee)
    sim.report_attribute(1, LUMI_CLUSTER, 0x0002)
    await dev.wait_state("sensor", "power_outage_count", "2")

    # Writes
    for key, ep in (("state_top", 1), ("state_bottom", 2)):
        await write_confirmed(
            dev,
            "switch",
            key,
            "turn_on",
            probe=lambda ep=ep: sim.relays[ep],
            state=STATE_ON,
            device_value=True,
        )
        await write_confirmed(
            dev,
            "switch",
            key,
            "turn_off",
            probe=lambda ep=ep: sim.relays[ep],
            state=STATE_OFF,
            device_value=False,
        )
    for key, ep in (("operation_mode_top", 1), ("operation_mode_bottom", 2)):
        await write_confirmed(
            dev,
            "select",
            key,
            "select_option",
            probe=lambda ep=ep: sim.operation_mode[ep],
            state="decoupled",
            device_value=0,
            option="decoupled",
        )
        await write_confirmed(
            dev,
            "select",
            key,
            "select_option",
            probe=lambda ep=ep: sim.operation_mode[ep],
            state="control_relay",
            device_value=1,
            option="control_relay",
        )
    await write_confirmed(
        dev,
        "select",
        "mode_switch",
        "select_option",
        probe=lambda: sim.lumi_setting("mode_switch").raw,
        state="anti_flicker_mode",
        device_value=4,
        option="anti_flicker_mode",
    )
    await write_confirmed(
        dev,
        "switch",
        "flip_indicator_light",
        "turn_on",
        probe=lambda: sim.lumi_setting("flip_indicator_light").raw,
        state=STATE_ON,
        device_value=1,
    )
    await write_confirmed(
        dev,
        "switch",
        "power_outage_memory",
        "turn_off",
        probe=lambda: sim.power_outage_memory,
        state=STATE_OFF,
        device_value=False,
    )

    # Read on request
    sim.relays[2] = True
    sim.operation_mode[2] = 0
    sim.lumi_setting("mode_switch").raw = 1
    sim.lumi_setting("flip_indicator_light").raw = 0
    for platform, key, expected in (
        ("switch", "state_bottom", STATE_ON),
        ("select", "operation_mode_bottom", "decoupled"),
        ("select", "mode_switch", "quick_mode"),
        ("switch", "flip_indicator_light", STATE_OFF),
    ):
        await update_entity(hass, dev.entity(platform, key))
        assert dev.state(platform, key) == expected, key


async def test_qbkg40lm(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Relay, operation_mode, flip indicator, memory and device temperature."""
    dev = await configured(simulated_entry, "QBKG40LM")
    sim = dev.sim
    net = dev.network

    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_ON)
    net.set_temperature(dev.ieee, 27)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "device_temperature", "27")

    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_off",
        probe=lambda: sim.relays[1],
        state=STATE_OFF,
        device_value=False,
    )
    await write_confirmed(
        dev,
        "select",
        "operation_mode",
        "select_option",
        probe=lambda: sim.operation_mode[1],
        state="decoupled",
        device_value=0,
        option="decoupled",
    )
    await write_confirmed(
        dev,
        "switch",
        "flip_indicator_light",
        "turn_on",
        probe=lambda: sim.lumi_setting("flip_indicator_light").raw,
        state=STATE_ON,
        device_value=1,
    )
    await write_confirmed(
        dev,
        "switch",
        "power_outage_memory",
        "turn_off",
        probe=lambda: sim.power_outage_memory,
        state=STATE_OFF,
        device_value=False,
    )

    sim.operation_mode[1] = 1
    await update_entity(hass, dev.entity("select", "operation_mode"))
    assert dev.state("select", "operation_mode") == "control_relay"


async def _assert_write_fails(
    hass: HomeAssistant, dev: Device, platform: str, key: str, service: str, **data: object
) -> None:
    """The network loses every attempt: write_failed is raised and nothing changes."""
    entity = dev.entity(platform, key)
    before = dev.state(platform, key)
    recorder = record_states(hass, entity)
    # zigpy tries each request three times; five failures outlast them all
    dev.network.fail_next(dev.ieee, 5, "MAC_NO_ACK")
    try:
        with pytest.raises(HomeAssistantError) as err:
            await call(hass, platform, service, entity, **data)
    finally:
        dev.network.fail_next(dev.ieee, 0)
    assert err.value.translation_key == "write_failed"
    assert err.value.translation_placeholders == {
        "entity": entity,
        "error": "DeliveryError: Failed to send request: <Status.MAC_NO_ACK: 233>",
    }
    assert str(err.value) == (
        f"The device did not accept the change to {entity}: "
        "DeliveryError: Failed to send request: <Status.MAC_NO_ACK: 233>"
    )
    await hass.async_block_till_done()
    assert dev.state(platform, key) == before
    assert recorder.states == []


async def test_failed_writes(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Undelivered writes raise a translated error and leave device and state unchanged."""
    plug = await configured(simulated_entry, "ZNCZ04LM")
    wall = await configured(simulated_entry, "WS-USC02")

    await _assert_write_fails(hass, plug, "switch", "state", "turn_on")
    assert plug.sim.relays[1] is False
    await _assert_write_fails(hass, plug, "switch", "led_disabled_night", "turn_on")
    await _assert_write_fails(hass, plug, "number", "overload_protection", "set_value", value=700)
    await _assert_write_fails(
        hass, wall, "select", "operation_mode_top", "select_option", option="decoupled"
    )
    assert wall.sim.operation_mode[1] == 1
    await _assert_write_fails(hass, wall, "switch", "state_bottom", "turn_on")
    assert wall.sim.relays[2] is False

    # A read on request that cannot be delivered: Home Assistant logs the translated
    # read_failed error of the update and the state stays as it was
    entity = plug.entity("switch", "state")
    plug.sim.relays[1] = True
    plug.network.fail_next(plug.ieee, 5, "MAC_NO_ACK")
    try:
        await update_entity(hass, entity)
    finally:
        plug.network.fail_next(plug.ieee, 0)
    failures = [
        record
        for record in caplog.records
        if record.exc_info is not None and entity in record.getMessage()
    ]
    assert len(failures) == 1
    error = failures[0].exc_info[1]  # type: ignore[index]
    assert isinstance(error, HomeAssistantError)
    assert error.translation_key == "read_failed"
    assert plug.state("switch", "state") == STATE_OFF
    plug.sim.relays[1] = False

    # Once the network delivers again, the same write goes through
    await call(hass, "switch", "turn_on", plug.entity("switch", "state"))
    assert plug.state("switch", "state") == STATE_ON
    assert plug.sim.relays[1] is True


async def test_read_answer_overtaken_by_a_report(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """A rocker toggled right after the device answered a read: the report wins.

    Both frames reach the radio library in one go; zigpy resumes the read only after it has
    handed the report to its listeners, so the answer is older than the state already shown.
    """
    wall = await configured(simulated_entry, "WS-USC02")
    sim = wall.sim
    sim.set_relay(1, False)
    await wall.wait_state("switch", "state_top", STATE_OFF)
    answer_sent = sim.send_zcl

    def answer_then_toggle(endpoint: int, cluster: int, payload: bytes, **kwargs: Any) -> None:
        answer_sent(endpoint, cluster, payload, **kwargs)
        if (endpoint, cluster) == (1, ON_OFF) and payload[2] == READ_ATTRIBUTES_RESPONSE:
            sim.send_zcl = answer_sent  # type: ignore[method-assign]
            sim.set_relay(1, True)  # the report goes out right behind the answer

    sim.send_zcl = answer_then_toggle  # type: ignore[method-assign]
    await update_entity(hass, wall.entity("switch", "state_top"))
    await hass.async_block_till_done()
    assert sim.relays[1] is True
    assert wall.state("switch", "state_top") == STATE_ON


async def test_h2_eu_switch_is_kept_on_the_network(hass: HomeAssistant) -> None:
    """An H2 EU switch reports 0xFCC0 0x00FC false after joining; the hub writes it true."""
    dev = await join_twin(hass, "lumi.switch.agl010")
    leave = dev.sim.behaviour(PreventLeave)
    await dev.network.clock.advance(ASK_DELAY_S)
    await wait_for(hass, lambda: leave.kept)
    assert leave.asked == 1
    # Kept: the next boot asks nothing
    dev.network.power_cycle(dev.ieee)
    await dev.network.clock.advance(ASK_DELAY_S * 2)
    await hass.async_block_till_done()
    assert leave.asked == 1
