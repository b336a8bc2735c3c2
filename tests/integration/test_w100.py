"""The W100 beyond the definition-driven suite: its state request and target range."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
import pytest

from custom_components.aqara_zigbee.devices.handle import WriteFailed

from .conftest import wait_for
from .entity_helpers import call, event_types, record_states, set_device_options, state_of
from .model_helpers import join_twin

W100 = "lumi.sensor_ht.agl001"


async def test_the_state_request_is_answered_with_the_state_home_assistant_shows(
    hass: HomeAssistant,
) -> None:
    """The unit asks for its thermostat state (after a restart, say): the hub sends what it
    last confirmed, and the request fires the action."""
    dev = await join_twin(hass, W100)
    climate = dev.entity("climate", "system_mode")
    dev.sim.exercise("action", "single_plus")  # awake, as after a press
    await call(hass, "climate", "set_hvac_mode", climate, hvac_mode="heat")
    await call(hass, "climate", "set_temperature", climate, temperature=22.5)
    await call(hass, "climate", "set_fan_mode", climate, fan_mode="medium")
    assert dev.sim.setting("occupied_heating_setpoint") == 22.5
    # The unit forgets (silently): its request brings the hub's state back
    dev.sim.exercise("occupied_heating_setpoint", 18.0, report=False)
    dev.sim.exercise("system_mode", "off", report=False)
    dev.sim.exercise("fan_mode", "auto", report=False)
    recorder = record_states(hass, dev.entity("event", "action"))
    dev.sim.exercise("action", "W100_PMTSD_request")
    await wait_for(
        hass,
        lambda: (
            (
                dev.sim.setting("occupied_heating_setpoint"),
                dev.sim.setting("system_mode"),
                dev.sim.setting("fan_mode"),
            )
            == (22.5, "heat", "medium")
        ),
    )
    assert event_types(recorder) == ["W100_PMTSD_request"]
    state = state_of(hass, climate)
    assert (state.state, state.attributes["temperature"]) == ("heat", 22.5)


async def test_pairing_turns_thermostat_mode_off(hass: HomeAssistant) -> None:
    """As Zigbee2MQTT's configure: the buttons send actions; the state is known at once."""
    dev = await join_twin(hass, W100)
    assert dev.sim.setting("thermostat_mode") == "OFF"
    assert dev.state("switch", "thermostat_mode") == "off"


async def test_the_target_range_follows_the_options(hass: HomeAssistant) -> None:
    """min/max_target_temp bound the set point (Zigbee2MQTT refuses the others)."""
    dev = await join_twin(hass, W100)
    climate = dev.entity("climate", "system_mode")
    attributes = state_of(hass, climate).attributes
    assert (attributes["min_temp"], attributes["max_temp"]) == (5.0, 30.0)
    await set_device_options(
        hass, dev.gateway.entry, dev.ieee, {"min_target_temp": 10.0, "max_target_temp": 25.0}
    )
    attributes = state_of(hass, climate).attributes
    assert (attributes["min_temp"], attributes["max_temp"]) == (10.0, 25.0)
    dev.sim.exercise("action", "single_plus")  # awake
    await call(hass, "climate", "set_temperature", climate, temperature=24.5)
    assert dev.sim.setting("occupied_heating_setpoint") == 24.5
    # Home Assistant refuses it from the range shown; the device handle from the options
    with pytest.raises(HomeAssistantError):
        await call(hass, "climate", "set_temperature", climate, temperature=26.0)
    with pytest.raises(WriteFailed, match=r"between 10\.0 and 25\.0"):
        await dev.gateway.handles[dev.ieee].async_write("occupied_heating_setpoint", 26.0)
    assert dev.sim.setting("occupied_heating_setpoint") == 24.5
