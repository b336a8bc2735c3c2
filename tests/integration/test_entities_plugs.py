"""The plugs' exposes as Home Assistant entities, against the simulated network.

ZNCZ04LM (lumi.plug.mmeu01) and ZNCZ02LM (lumi.plug): what the device reports shows up in
the right entity, what Home Assistant writes reaches the device, and values are read back
on request (``homeassistant.update_entity``).
"""

from __future__ import annotations

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest

from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.zcl import Status

from .conftest import wait_for
from .entity_helpers import Device, call, configured, device, update_entity, write_confirmed

BASIC = 0x0000
DEVICE_TEMPERATURE_CLUSTER = 0x0002
CURRENT_TEMPERATURE = 0x0000


def plug_of(dev: Device) -> TwinDevice:
    assert dev.sim.find(Metering) is not None
    return dev.sim


def meter(plug: TwinDevice) -> Metering:
    """The plug's electrical side."""
    return plug.behaviour(Metering)


async def test_zncz04lm_reports(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Relay, power, energy, voltage, current, temperature and consumer from the device."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    plug = plug_of(dev)
    net = dev.network
    assert dev.state("switch", "state") == STATE_OFF

    # The plug's own button toggles the relay; the OnOff report turns the switch on
    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_ON)

    # A load: power (AnalogInput report) and consumer_connected (0xFCC0 report) at once
    net.set_load(dev.ieee, 1200)
    await dev.wait_state("sensor", "power", "1200.0")
    await dev.wait_state("binary_sensor", "consumer_connected", STATE_ON)

    # An hour later the heartbeat carries energy (kWh), voltage (V), current (A), °C
    meter(plug).voltage_override = 231.4
    net.set_temperature(dev.ieee, 41)
    await net.clock.advance(3600)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "energy", "1.2")
    assert dev.state("sensor", "voltage") == "231.4"
    assert float(dev.state("sensor", "current")) == pytest.approx(1200 / 231.4, abs=1e-3)
    assert dev.state("sensor", "device_temperature") == "41"

    # DeviceTemperature (0x0002) is whole degrees Celsius: no division by 100 (ZHA's bug)
    net.set_temperature(dev.ieee, 47)
    plug.report_attribute(1, DEVICE_TEMPERATURE_CLUSTER, CURRENT_TEMPERATURE)
    await dev.wait_state("sensor", "device_temperature", "47")

    # Energy only grows
    await net.clock.advance(1800)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "energy", "1.8")

    # Unplugging the appliance
    net.set_load(dev.ieee, 0)
    await dev.wait_state("sensor", "power", "0.0")
    await dev.wait_state("binary_sensor", "consumer_connected", STATE_OFF)

    # The relay switched at the device again
    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_OFF)


async def test_zncz04lm_writes(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Relay, config switches and overload protection reach the device before HA shows them."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    plug = plug_of(dev)

    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_on",
        probe=lambda: plug.relays[1],
        state=STATE_ON,
        device_value=True,
    )
    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_off",
        probe=lambda: plug.relays[1],
        state=STATE_OFF,
        device_value=False,
    )
    for key in ("led_disabled_night", "power_outage_memory", "auto_off"):
        await write_confirmed(
            dev,
            "switch",
            key,
            "turn_on",
            probe=lambda key=key: plug.setting(key),
            state=STATE_ON,
            device_value=True,
        )
        await write_confirmed(
            dev,
            "switch",
            key,
            "turn_off",
            probe=lambda key=key: plug.setting(key),
            state=STATE_OFF,
            device_value=False,
        )

    for watts in (100, 1500, 2300):  # a step-1 number: 1500.5 is refused (test_hostile_input)
        await write_confirmed(
            dev,
            "number",
            "overload_protection",
            "set_value",
            probe=lambda: meter(plug).overload_protection_w,
            state=str(float(watts)),
            device_value=float(watts),
            value=watts,
        )

    # Outside the page's range (100-2300 W): refused before anything is sent
    number = dev.entity("number", "overload_protection")
    for watts in (99, 2301):
        with pytest.raises(ServiceValidationError):
            await call(hass, "number", "set_value", number, value=watts)
    assert meter(plug).overload_protection_w == 2300.0

    # The protection is real: a load above the limit trips the relay, and HA sees it
    await write_confirmed(
        dev,
        "number",
        "overload_protection",
        "set_value",
        probe=lambda: meter(plug).overload_protection_w,
        state="500.0",
        device_value=500.0,
        value=500,
    )
    await call(hass, "switch", "turn_on", dev.entity("switch", "state"))
    dev.network.set_load(dev.ieee, 800)
    await dev.wait_state("switch", "state", STATE_OFF)
    assert meter(plug).overload_trips == 1


async def test_zncz04lm_read_on_request(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """``homeassistant.update_entity`` reads the device; silent changes become visible."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    plug = plug_of(dev)

    # Changed behind our back, without a report
    plug.relays[1] = True
    meter(plug).load_watts = 333.0
    plug.lumi_setting("led_disabled_night").raw = True
    plug.power_outage_memory = True
    meter(plug).overload_protection_w = 900.0
    await hass.async_block_till_done()
    assert dev.state("switch", "state") == STATE_OFF
    assert dev.state("sensor", "power") == "0.0"

    for platform, key, expected in (
        ("switch", "state", STATE_ON),
        ("sensor", "power", "333.0"),
        ("switch", "led_disabled_night", STATE_ON),
        ("switch", "power_outage_memory", STATE_ON),
        ("number", "overload_protection", "900.0"),
    ):
        await update_entity(hass, dev.entity(platform, key))
        assert dev.state(platform, key) == expected, key

    # auto_off has no /get on the page: the request changes nothing (it is read at pairing)
    assert dev.state("switch", "auto_off") == STATE_OFF
    meter(plug).auto_off = True
    await update_entity(hass, dev.entity("switch", "auto_off"))
    assert dev.state("switch", "auto_off") == STATE_OFF


async def test_zncz02lm_reports(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """lumi.plug: relay, power (AnalogInput ep 2) and the genBasic 0xFF01 heartbeat."""
    dev = await configured(simulated_entry, "ZNCZ02LM")
    net = dev.network

    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_ON)
    net.set_load(dev.ieee, 800)
    await dev.wait_state("sensor", "power", "800.0")

    net.set_temperature(dev.ieee, 36)
    await net.clock.advance(1800)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "energy", "0.4")
    assert dev.state("sensor", "device_temperature") == "36"
    assert dev.state("sensor", "power") == "800.0"

    net.set_temperature(dev.ieee, 44)
    dev.sim.report_attribute(1, DEVICE_TEMPERATURE_CLUSTER, CURRENT_TEMPERATURE)
    await dev.wait_state("sensor", "device_temperature", "44")

    net.press(dev.ieee)
    await dev.wait_state("switch", "state", STATE_OFF)
    await dev.wait_state("sensor", "power", "0.0")


async def test_zncz02lm_writes(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """lumi.plug: the relay, and power_outage_memory through the two-frame 0xFFF0 sequence."""
    dev = await configured(simulated_entry, "ZNCZ02LM")
    plug = plug_of(dev)
    assert plug.power_outage_memory is False

    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_on",
        probe=lambda: plug.relays[1],
        state=STATE_ON,
        device_value=True,
    )
    await write_confirmed(
        dev,
        "switch",
        "state",
        "turn_off",
        probe=lambda: plug.relays[1],
        state=STATE_OFF,
        device_value=False,
    )

    # The unit commits only when the select frame is followed by its commit frame
    written: list[bytes] = []
    fff0 = plug.attribute(1, BASIC, 0xFFF0)
    setter = fff0.setter
    assert setter is not None

    def record(value: object) -> Status:
        written.append(bytes(value) if isinstance(value, bytes | bytearray) else b"")
        return setter(value)

    fff0.setter = record
    await write_confirmed(
        dev,
        "switch",
        "power_outage_memory",
        "turn_on",
        probe=lambda: plug.power_outage_memory,
        state=STATE_ON,
        device_value=True,
    )
    assert written == [bytes.fromhex("aa8005d14707011001"), bytes.fromhex("aa8003d3070801")]
    written.clear()
    await write_confirmed(
        dev,
        "switch",
        "power_outage_memory",
        "turn_off",
        probe=lambda: plug.power_outage_memory,
        state=STATE_OFF,
        device_value=False,
    )
    assert written == [bytes.fromhex("aa8005d14709011000"), bytes.fromhex("aa8003d3070a01")]

    # With the memory on, the relay comes back after a power cut
    await call(hass, "switch", "turn_on", dev.entity("switch", "power_outage_memory"))
    await call(hass, "switch", "turn_on", dev.entity("switch", "state"))
    dev.network.power_cycle(dev.ieee)
    await wait_for(hass, lambda: plug.powered)
    assert plug.relays[1] is True
    assert dev.state("switch", "state") == STATE_ON


async def test_zncz04lm_restart(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """After a reload, what can be read is read again; what cannot is kept from before."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    net = dev.network
    old_plug = device(simulated_entry, "ZNCZ02LM")
    await call(hass, "switch", "turn_on", old_plug.entity("switch", "power_outage_memory"))
    await call(hass, "switch", "turn_on", dev.entity("switch", "state"))
    await call(hass, "switch", "turn_on", dev.entity("switch", "auto_off"))
    net.set_load(dev.ieee, 60)
    await dev.wait_state("binary_sensor", "consumer_connected", STATE_ON)
    await net.clock.advance(3600)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "energy", "0.06")

    assert await hass.config_entries.async_reload(simulated_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    dev = await configured(simulated_entry, "ZNCZ04LM")
    assert dev.state("switch", "state") == STATE_ON  # read from the device
    assert dev.state("sensor", "power") == "60.0"  # read from the device
    assert dev.state("switch", "auto_off") == STATE_ON  # write-only: kept
    assert dev.state("binary_sensor", "consumer_connected") == STATE_ON  # report-only: kept
    assert dev.state("sensor", "energy") == "0.06"  # heartbeat-only: kept
    # lumi.plug answers a read of its 0xFFF0 setting with nothing usable: kept
    assert old_plug.state("switch", "power_outage_memory") == STATE_ON
