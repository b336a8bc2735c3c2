"""Other brands' devices through the simulator: entities from generated definitions,
driven from Home Assistant like a user would (lights, covers, climate), and the device
page and diagnostics saying which kind of definition serves them."""

from __future__ import annotations

import asyncio

from homeassistant.components.climate import DOMAIN as CLIMATE_DOMAIN
from homeassistant.components.cover import DOMAIN as COVER_DOMAIN
from homeassistant.components.light import DOMAIN as LIGHT_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID, STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.aqara_zigbee.const import CONF_SIMULATION_SPEED, DOMAIN
from custom_components.aqara_zigbee.devices.model import Platform
from custom_components.aqara_zigbee.simulator.models import TWINS

from .conftest import diagnostics_ready, wait_for
from .entity_helpers import Device, state_of
from .model_helpers import join_twin
from .test_entities_registry import _describe, _entries_of
from .test_models import _report

BULB = "TRADFRI bulb E27 WS opal 980lm"
#: the blind's motor takes 30 s end to end; the test's clock runs faster
FAST: dict[str, object] = {CONF_SIMULATION_SPEED: 60}


async def _stop(hass: HomeAssistant, device: Device) -> None:
    await hass.async_block_till_done(wait_background_tasks=True)
    # zigpy 2.3 puts a device with Poll Control in fast polling while interviewing it and
    # ends that with a task; unloading cancels it after forgetting it, and its bookkeeping
    # then fails ("KeyError: <Task cancelled name='reset_fast_polling'>"). Cancelled
    # first, the task leaves zigpy's books the normal way.
    app = device.gateway.app
    assert app is not None
    for zigpy_device in app.devices.values():
        for task in list(getattr(zigpy_device, "_tasks", ())):
            task.cancel()
    await asyncio.sleep(0)
    await hass.config_entries.async_unload(device.gateway.entry.entry_id)
    await hass.async_block_till_done()


async def test_bulb_is_a_light_driven_from_home_assistant(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    device = await join_twin(hass, BULB)
    light = device.entity("light", "state")
    entry = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, device.ieee), device.gateway.entry.entry_id
    )
    assert entry is not None
    assert entry.model == f"{BULB} (generated definition)"
    assert entry.manufacturer == "IKEA of Sweden"
    await diagnostics_ready(hass)
    diagnostics = await get_diagnostics_for_device(hass, hass_client, device.gateway.entry, entry)
    assert diagnostics["definition"] == "generated"

    await hass.services.async_call(
        LIGHT_DOMAIN,
        "turn_on",
        {ATTR_ENTITY_ID: light, "brightness": 128, "color_temp_kelvin": 2700},
        blocking=True,
    )
    await wait_for(hass, lambda: state_of(hass, light).state == STATE_ON)
    state = state_of(hass, light)
    assert state.attributes["brightness"] == 128
    assert state.attributes["color_temp_kelvin"] == 2702  # 370 mireds, as the lamp keeps it
    assert state.attributes["color_mode"] == "color_temp"
    assert device.sim.property_value("brightness") == 127
    # The lamp's own range (read at pairing), not a default
    assert state.attributes["min_color_temp_kelvin"] < state.attributes["max_color_temp_kelvin"]

    # Identify: the lamp blinks for Zigbee2MQTT's 3 s
    await hass.services.async_call(
        "button", "press", {ATTR_ENTITY_ID: device.entity("button", "identify")}, blocking=True
    )
    identify = next(b for b in device.sim.behaviours if type(b).__name__ == "Identify")
    assert identify.identify_time == 3  # type: ignore[attr-defined]

    await hass.services.async_call(LIGHT_DOMAIN, "turn_off", {ATTR_ENTITY_ID: light}, blocking=True)
    await wait_for(hass, lambda: state_of(hass, light).state == STATE_OFF)
    assert device.sim.property_value("state") in ("OFF", False)
    await _stop(hass, device)


async def test_colour_bulb_takes_a_colour(hass: HomeAssistant) -> None:
    device = await join_twin(hass, "LCT010")
    light = device.entity("light", "state")
    await hass.services.async_call(
        LIGHT_DOMAIN, "turn_on", {ATTR_ENTITY_ID: light, "hs_color": (240, 100)}, blocking=True
    )
    await wait_for(hass, lambda: state_of(hass, light).attributes.get("color_mode") == "xy")
    x, y = state_of(hass, light).attributes["xy_color"]
    assert x < 0.2
    assert y < 0.2  # blue
    await _stop(hass, device)


async def test_blind_is_a_cover(hass: HomeAssistant) -> None:
    device = await join_twin(hass, "FYRTUR block-out roller blind", FAST)
    cover = device.entity("cover", "state")
    await hass.services.async_call(
        COVER_DOMAIN, "set_cover_position", {ATTR_ENTITY_ID: cover, "position": 30}, blocking=True
    )
    await wait_for(
        hass, lambda: state_of(hass, cover).attributes.get("current_position") == 30, timeout=30
    )
    assert device.sim.property_value("position") == 30
    await hass.services.async_call(
        COVER_DOMAIN, "close_cover", {ATTR_ENTITY_ID: cover}, blocking=True
    )
    await wait_for(hass, lambda: state_of(hass, cover).state == "closed", timeout=30)
    await _stop(hass, device)


async def test_radiator_valve_is_a_thermostat(hass: HomeAssistant) -> None:
    device = await join_twin(hass, "eTRV0103")
    climate = device.entity("climate", "system_mode")
    await hass.services.async_call(
        CLIMATE_DOMAIN,
        "set_hvac_mode",
        {ATTR_ENTITY_ID: climate, "hvac_mode": "heat"},
        blocking=True,
    )
    await hass.services.async_call(
        CLIMATE_DOMAIN,
        "set_temperature",
        {ATTR_ENTITY_ID: climate, "temperature": 22.5},
        blocking=True,
    )
    await wait_for(hass, lambda: state_of(hass, climate).attributes.get("temperature") == 22.5)
    state = state_of(hass, climate)
    assert state.state == "heat"
    assert state.attributes["hvac_modes"] == ["off", "heat"]
    assert isinstance(state.attributes["current_temperature"], float)
    assert device.sim.property_value("occupied_heating_setpoint") == 22.5
    await _stop(hass, device)


async def test_contact_sensor_named_after_its_zone_type(hass: HomeAssistant) -> None:
    """The zone type read at pairing makes the alarm a ``contact`` (opening) sensor; the
    zone is enrolled, so its notifications reach the entity."""
    device = await join_twin(hass, "DS01")
    contact = device.entity("binary_sensor", "contact")
    assert state_of(hass, contact).attributes["device_class"] == "opening"
    device.sim.exercise("alarm_1", True)
    await wait_for(hass, lambda: state_of(hass, contact).state == STATE_ON)
    device.sim.exercise("alarm_1", False)
    await wait_for(hass, lambda: state_of(hass, contact).state == STATE_OFF)
    await _stop(hass, device)


async def test_remote_presses_are_events(hass: HomeAssistant) -> None:
    device = await join_twin(hass, "TRADFRI on/off switch")
    event = device.entity("event", "action")
    device.sim.exercise("action", "on")
    await wait_for(hass, lambda: state_of(hass, event).attributes.get("event_type") == "on")
    device.sim.exercise("action", "brightness_move_up")
    await wait_for(
        hass, lambda: state_of(hass, event).attributes.get("event_type") == "brightness_move_up"
    )
    await _stop(hass, device)


async def test_sensor_measures(hass: HomeAssistant) -> None:
    sensor = await join_twin(hass, "TH01")
    temperature = sensor.entity("sensor", "temperature")
    sensor.sim.exercise("temperature", 23.4)
    await wait_for(hass, lambda: state_of(hass, temperature).state == "23.4")
    assert state_of(hass, temperature).attributes["unit_of_measurement"] == "°C"
    await _stop(hass, sensor)


@pytest.mark.parametrize(
    "model_id", sorted(model for model, twin in TWINS.items() if twin.from_signature)
)
async def test_generated_entities_snapshot(
    hass: HomeAssistant, model_id: str, snapshot: SnapshotAssertion
) -> None:
    """Every entity a generated definition gives each twin, as Home Assistant registers it."""
    device = await join_twin(hass, model_id)
    described = [_describe(hass, entry, device.ieee) for entry in _entries_of(hass, device.ieee)]
    assert described == snapshot
    await _stop(hass, device)


@pytest.mark.parametrize(
    "model_id", sorted(model for model, twin in TWINS.items() if twin.from_signature)
)
async def test_generated_sensors_follow_the_device(hass: HomeAssistant, model_id: str) -> None:
    """Definition-driven: every sensor and binary sensor of the generated definition whose
    Zigbee2MQTT property the twin has shows what the twin reports."""
    device = await join_twin(hass, model_id, FAST)
    definition = device.gateway.handles[device.ieee].definition
    assert definition is not None
    checked = []
    for expose in definition.exposes:
        if (
            expose.member_of is None
            and expose.platform in (Platform.SENSOR, Platform.BINARY_SENSOR)
            and expose.key in device.sim.properties
            and device.sim.sends(expose.key)
        ):
            await _report(device, expose, 5.0)
            checked.append(expose.key)
    sensors = {"battery", "temperature", "humidity", "power", "illuminance_2", "tamper"}
    assert checked or not sensors & device.sim.properties
    await _stop(hass, device)
