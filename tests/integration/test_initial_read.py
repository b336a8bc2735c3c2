"""Values right after pairing: read from the device, not left unknown until the heartbeat.

The simulated devices send their first heartbeat an hour after joining here, so every value
below comes from the read the gateway makes when it configures a new device.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from unittest.mock import patch

from homeassistant.const import EVENT_STATE_CHANGED, STATE_OFF, STATE_ON
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator import SimulatedNetwork, TwinDevice
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.models import DEFAULT_MODELS

from .conftest import configure_simulated, wait_for
from .entity_helpers import Device, device

NO_HEARTBEAT_FOR_AN_HOUR = 3600.0


async def pair(
    hass: HomeAssistant, models: Sequence[str], prepare: Callable[[SimulatedNetwork], None]
) -> AqaraConfigEntry:
    """Pair ``models`` whose simulated state ``prepare`` set; configure and read are over."""
    with (
        patch("custom_components.aqara_zigbee.simulator.network.DEFAULT_MODELS", tuple(models)),
        patch(
            "custom_components.aqara_zigbee.simulator.behaviours.heartbeat.JOIN_HEARTBEAT_DELAY_S",
            NO_HEARTBEAT_FOR_AN_HOUR,
        ),
    ):
        entry = await configure_simulated(hass)
        gateway = entry.runtime_data
        assert gateway.simulator is not None
        prepare(gateway.simulator)
        await hass.services.async_call(DOMAIN, "permit_join", {"duration": 60}, blocking=True)
        await wait_for(hass, lambda: len(gateway.handles) == len(models))
        await hass.async_block_till_done(wait_background_tasks=True)
    return entry


def plug(net: SimulatedNetwork, model: str) -> TwinDevice:
    sim = net.device(model)
    assert sim.find(Metering) is not None
    return sim


def meter(plug: TwinDevice) -> Metering:
    """The plug's electrical side."""
    return plug.behaviour(Metering)


async def test_seed_devices_are_filled_right_after_pairing(hass: HomeAssistant) -> None:
    """Every value the five seed devices answer to a read is known once they are paired."""

    def prepare(net: SimulatedNetwork) -> None:
        new_plug = plug(net, "lumi.plug.mmeu01")
        meter(new_plug).voltage_override = 231.4
        meter(new_plug).energy_kwh = 12.5
        meter(new_plug).consumer_connected = True
        meter(new_plug).auto_off = True
        new_plug.set_temperature(31)
        old_plug = plug(net, "lumi.plug")
        meter(old_plug).energy_kwh = 2.25
        old_plug.set_temperature(29)
        module = net.device("lumi.switch.l0agl1")
        module.lumi_setting("switch_type").raw = 2
        module.power_on_count = 4
        module.set_temperature(27)
        wall = net.device("lumi.switch.b2laus01")
        wall.lumi_setting("mode_switch").raw = 1
        wall.power_on_count = 2
        wall.set_temperature(33)
        net.device("QBKG40LM").set_temperature(35)

    entry = await pair(hass, DEFAULT_MODELS, prepare)

    zncz04lm = device(entry, "ZNCZ04LM")
    assert zncz04lm.state("sensor", "energy") == "12.5"
    assert zncz04lm.state("sensor", "voltage") == "231.4"
    assert zncz04lm.state("sensor", "current") == "0.0"
    assert zncz04lm.state("sensor", "power") == "0.0"
    assert zncz04lm.state("sensor", "device_temperature") == "31"
    assert zncz04lm.state("binary_sensor", "consumer_connected") == STATE_ON
    assert zncz04lm.state("switch", "auto_off") == STATE_ON
    assert zncz04lm.state("switch", "led_disabled_night") == STATE_OFF
    assert zncz04lm.state("number", "overload_protection") == "2300.0"

    zncz02lm = device(entry, "ZNCZ02LM")
    assert zncz02lm.state("sensor", "energy") == "2.25"
    assert zncz02lm.state("sensor", "device_temperature") == "29"

    ssm_u02 = device(entry, "SSM-U02")
    assert ssm_u02.state("select", "switch_type") == "momentary"
    assert ssm_u02.state("sensor", "power_outage_count") == "3"
    assert ssm_u02.state("sensor", "device_temperature") == "27"

    ws_usc02 = device(entry, "WS-USC02")
    assert ws_usc02.state("select", "mode_switch") == "quick_mode"
    assert ws_usc02.state("sensor", "power_outage_count") == "1"
    assert ws_usc02.state("sensor", "device_temperature") == "33"

    qbkg40lm = device(entry, "QBKG40LM")
    assert qbkg40lm.state("sensor", "device_temperature") == "35"


def record_all_states(hass: HomeAssistant) -> list[tuple[str, str]]:
    """Every (entity id, state) written from now on."""
    seen: list[tuple[str, str]] = []

    @callback
    def on_event(event: Event[EventStateChangedData]) -> None:
        if (new_state := event.data["new_state"]) is not None:
            seen.append((event.data["entity_id"], new_state.state))

    hass.bus.async_listen(EVENT_STATE_CHANGED, on_event)
    return seen


def states_of(seen: list[tuple[str, str]], dev: Device, key: str) -> list[str]:
    entity = dev.entity("sensor", key)
    return [state for entity_id, state in seen if entity_id == entity]


async def test_old_firmware_zncz04lm_is_never_shown_unscaled(hass: HomeAssistant) -> None:
    """Older ZNCZ04LM firmware meters with ZCL multiplier/divisor: scaled from the start."""
    seen = record_all_states(hass)

    def prepare(net: SimulatedNetwork) -> None:
        sim = plug(net, "ZNCZ04LM-legacy")
        meter(sim).voltage_override = 230.0
        meter(sim).energy_kwh = 12.34
        sim.set_relay(1, True)
        sim.set_load(115)  # 0.5 A

    entry = await pair(hass, ["ZNCZ04LM-legacy"], prepare)
    dev = device(entry, "ZNCZ04LM")
    assert dev.state("sensor", "energy") == "12.34"
    assert dev.state("sensor", "voltage") == "230.0"
    assert dev.state("sensor", "current") == "0.5"
    assert dev.state("sensor", "power") == "115.0"

    # Reports carry raw ElectricalMeasurement units: 230 W = 2300 (0.1 W), 1 A = 1000 mA
    dev.network.set_load(dev.ieee, 230)
    await dev.wait_state("sensor", "power", "230.0")
    await dev.wait_state("sensor", "current", "1.0")

    allowed = {"unknown", "unavailable"}
    assert set(states_of(seen, dev, "energy")) <= allowed | {"12.34"}
    assert set(states_of(seen, dev, "voltage")) <= allowed | {"230.0"}
    assert set(states_of(seen, dev, "current")) <= allowed | {"0.5", "1.0"}
    assert set(states_of(seen, dev, "power")) <= allowed | {"115.0", "230.0"}
