"""The ``aqara_zigbee.simulate`` action: acting on simulated devices from Home Assistant."""

from __future__ import annotations

from collections.abc import AsyncGenerator
import contextlib
from functools import partial
from typing import Any
from unittest.mock import ANY, MagicMock, patch

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee.const import CONF_SIMULATED_DEVICES, DOMAIN, SimulatedDevices
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway
from custom_components.aqara_zigbee.services import (
    CUBE_GESTURES,
    PRESS_KINDS,
    SENSED_CHANGES,
    SERVICE_SIMULATE,
    _simulate_gesture,
    _simulate_sensed,
)
from custom_components.aqara_zigbee.simulator import PressKind, TwinDevice
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.models import (
    DEFAULT_MODELS,
    DEVICE_SETS,
    HOUSE_MODELS,
    resolve_model,
)
from custom_components.aqara_zigbee.simulator.properties import PropertyError

from .conftest import configure_simulated, ieee_of, set_up_formed_network, wait_for


def _device_id(hass: HomeAssistant, entry: AqaraConfigEntry, ieee: str) -> str:
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, ieee), entry.entry_id)
    assert device is not None
    return device.id


def _entity(hass: HomeAssistant, platform: str, ieee: str, key: str) -> str:
    entity_id = er.async_get(hass).async_get_entity_id(platform, DOMAIN, f"{ieee}-{key}")
    assert entity_id is not None, f"no {platform} {key} for {ieee}"
    return entity_id


def _state(hass: HomeAssistant, entity_id: str) -> str | None:
    state = hass.states.get(entity_id)
    return state.state if state is not None else None


async def _simulate(hass: HomeAssistant, **data: Any) -> None:
    await hass.services.async_call(DOMAIN, SERVICE_SIMULATE, data, blocking=True)


def _sim_device(gateway: AqaraGateway, ieee: str) -> Any:
    assert gateway.simulator is not None
    return gateway.simulator.device(ieee)


async def test_registered_only_while_simulated_network_loaded(hass: HomeAssistant) -> None:
    assert not hass.services.has_service(DOMAIN, SERVICE_SIMULATE)
    entry = await configure_simulated(hass)
    assert hass.services.has_service(DOMAIN, SERVICE_SIMULATE)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert not hass.services.has_service(DOMAIN, SERVICE_SIMULATE)
    assert hass.services.has_service(DOMAIN, "permit_join")
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.services.has_service(DOMAIN, SERVICE_SIMULATE)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_press_toggles_relay_and_fires_event(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "QBKG40LM")
    relay = _entity(hass, "switch", ieee, "state")
    action = _entity(hass, "event", ieee, "action")
    await wait_for(hass, lambda: _state(hass, relay) in ("on", "off"))
    before = _state(hass, relay)

    await _simulate(hass, device_id=_device_id(hass, simulated_entry, ieee), action="press")

    await wait_for(hass, lambda: _state(hass, relay) not in (before, None))
    await wait_for(hass, lambda: hass.states.get(action).attributes.get("event_type") == "single")


async def test_press_named_button_of_double_switch(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "WS-USC02")
    bottom = _entity(hass, "switch", ieee, "state_bottom")
    await wait_for(hass, lambda: _state(hass, bottom) in ("on", "off"))
    before = _state(hass, bottom)

    await _simulate(
        hass,
        device_id=_device_id(hass, simulated_entry, ieee),
        action="press",
        button="bottom",
        kind="single",
    )

    await wait_for(hass, lambda: _state(hass, bottom) not in (before, None))


async def test_set_load_changes_power(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "ZNCZ02LM")
    device_id = _device_id(hass, simulated_entry, ieee)
    relay = _entity(hass, "switch", ieee, "state")
    power = _entity(hass, "sensor", ieee, "power")
    if _state(hass, relay) != "on":
        await hass.services.async_call("switch", "turn_on", {"entity_id": relay}, blocking=True)
        await wait_for(hass, lambda: _state(hass, relay) == "on")

    await _simulate(hass, device_id=device_id, action="set_load", watts=1234)

    assert _sim_device(gateway, ieee).behaviour(Metering).load_watts == 1234.0
    await wait_for(hass, lambda: _state(hass, power) not in (None, "unknown", "unavailable"))
    await wait_for(hass, lambda: float(_state(hass, power) or 0) == pytest.approx(1234, abs=1))


async def test_power_cycle(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "SSM-U02")
    sim = _sim_device(gateway, ieee)
    outages = sim.power_outage_count

    await _simulate(hass, device_id=_device_id(hass, simulated_entry, ieee), action="power_cycle")

    assert sim.power_outage_count == outages + 1
    assert sim.powered


# (device model, call data, translation key, placeholders that must be among the error's)
INVALID_REQUESTS: list[tuple[str, dict[str, Any], str, dict[str, str]]] = [
    ("QBKG40LM", {"action": "explode"}, "simulate_invalid_action", {"action": "explode"}),
    ("QBKG40LM", {"action": "press", "kind": "quadruple"}, "simulate_invalid_kind", {}),
    (
        "QBKG40LM",
        {"action": "press", "button": "bottom"},
        "simulate_invalid_button",
        {"button": "bottom", "buttons": "main"},
    ),
    ("WS-USC02", {"action": "set_load", "watts": 100}, "simulate_not_a_plug", {}),
    ("ZNCZ02LM", {"action": "set_load"}, "simulate_invalid_watts", {"max": "3680"}),
    ("ZNCZ02LM", {"action": "set_load", "watts": -5}, "simulate_invalid_watts", {}),
    ("ZNCZ04LM", {"action": "set_load", "watts": 10000}, "simulate_invalid_watts", {}),
]


async def test_invalid_requests_are_translated(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Each mistake is a ServiceValidationError with a translation (one network for all)."""
    gateway = simulated_entry.runtime_data
    for model, data, key, placeholders in INVALID_REQUESTS:
        device_id = _device_id(hass, simulated_entry, ieee_of(gateway, model))
        with pytest.raises(ServiceValidationError) as err:
            await _simulate(hass, device_id=device_id, **data)
        assert err.value.translation_domain == DOMAIN, data
        assert err.value.translation_key == key, data
        assert placeholders.items() <= (err.value.translation_placeholders or {}).items(), data


async def test_devices_that_cannot_be_simulated(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    registry = dr.async_get(hass)

    with pytest.raises(ServiceValidationError) as err:
        await _simulate(hass, device_id="no-such-device", action="power_cycle")
    assert err.value.translation_key == "simulate_unknown_device"

    # The coordinator is on the network but is not one of the simulated devices.
    coordinator = _device_id(hass, simulated_entry, gateway.coordinator_ieee)
    with pytest.raises(ServiceValidationError) as err:
        await _simulate(hass, device_id=coordinator, action="power_cycle")
    assert err.value.translation_key == "simulate_not_simulated"

    # A device of another integration.
    other_entry = MockConfigEntry(domain="other")
    other_entry.add_to_hass(hass)
    foreign = registry.async_get_or_create(
        config_entry_id=other_entry.entry_id, identifiers={("other", "x")}, name="Lamp"
    )
    with pytest.raises(ServiceValidationError) as err:
        await _simulate(hass, device_id=foreign.id, action="power_cycle")
    assert err.value.translation_key == "simulate_unknown_device"
    assert err.value.translation_placeholders == {"device": "Lamp"}

    # A device of a network without a simulator behind it.
    plug = _device_id(hass, simulated_entry, ieee_of(gateway, "ZNCZ02LM"))
    with (
        patch.object(gateway.radio, "simulator", None),
        pytest.raises(ServiceValidationError) as err,
    ):
        await _simulate(hass, device_id=plug, action="power_cycle")
    assert err.value.translation_key == "simulate_not_simulated"


async def test_error_messages_are_translated(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    device_id = _device_id(hass, simulated_entry, ieee_of(gateway, "WS-USC02"))
    with pytest.raises(ServiceValidationError, match="is not a plug: only plugs carry a load"):
        await _simulate(hass, device_id=device_id, action="set_load", watts=5)


async def test_simulation_speed_option_applies_live(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Changing the option speeds the simulated clock up at once, without a reload."""
    gateway = simulated_entry.runtime_data
    assert gateway.simulator is not None
    simulator = gateway.simulator
    assert simulator.clock.speed == 1.0
    hass.config_entries.async_update_entry(
        simulated_entry, options={**simulated_entry.options, "simulation_speed": 60}
    )
    await hass.async_block_till_done()
    assert gateway.simulator is simulator  # same network, not restarted
    assert simulator.clock.speed == 60.0


def test_press_kinds_match_the_simulator() -> None:
    """services.py lists the gestures without importing the simulator: keep them in step."""
    assert set(PRESS_KINDS) == {kind.value for kind in PressKind}


@pytest.fixture
async def house_entry(hass: HomeAssistant) -> AsyncGenerator[AqaraConfigEntry]:
    """A loaded simulated network with the demo's house joined (entry data picks the set)."""
    entry = await set_up_formed_network(hass, data={CONF_SIMULATED_DEVICES: "house"})
    gateway = entry.runtime_data
    assert gateway.simulator is not None
    wanted = {device.zigbee_model for device in gateway.simulator.devices.values()}
    registry = dr.async_get(hass)
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 120}, blocking=True)
    await wait_for(
        hass,
        lambda: (
            wanted
            <= {
                device.model_id
                for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
            }
        ),
        timeout=60,
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    yield entry
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


# (model, call data, platform, entity key, what the entity shows afterwards); in order, so
# that a close follows an open and the water dries after the leak
HOUSE_CHANGES: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("MCCGQ11LM", {"action": "open"}, "binary_sensor", "contact", "on"),
    ("MCCGQ11LM", {"action": "close"}, "binary_sensor", "contact", "off"),
    ("RTCGQ11LM", {"action": "motion"}, "binary_sensor", "occupancy", "on"),
    ("SJCGQ11LM", {"action": "leak"}, "binary_sensor", "water_leak", "on"),
    ("SJCGQ11LM", {"action": "dry"}, "binary_sensor", "water_leak", "off"),
    (
        "WSDCGQ11LM",
        {"action": "set_temperature", "temperature": 23.4},
        "sensor",
        "temperature",
        "23.4",
    ),
    ("WSDCGQ11LM", {"action": "set_humidity", "humidity": 61.5}, "sensor", "humidity", "61.5"),
    ("TH01", {"action": "set_temperature", "temperature": -5.5}, "sensor", "temperature", "-5.5"),
    ("TH01", {"action": "set_humidity", "humidity": 40}, "sensor", "humidity", "40"),
    ("WXKG11LM", {"action": "press", "kind": "double"}, "event", "action", "double"),
    ("WXKG11LM", {"action": "press", "button": "main", "kind": "hold"}, "event", "action", "hold"),
    ("MFKZQ01LM", {"action": "gesture", "gesture": "shake"}, "event", "action", "shake"),
    ("MFKZQ01LM", {"action": "gesture", "gesture": "flip90"}, "event", "action", "flip90"),
    (
        "MFKZQ01LM",
        {"action": "gesture", "gesture": "rotate_left"},
        "event",
        "action",
        "rotate_left",
    ),
    ("MFKZQ01LM", {"action": "gesture", "gesture": "tap"}, "event", "action", "tap"),
]


def _shows(
    hass: HomeAssistant, platform: str, entity_id: str, expected: str, before: str | None
) -> bool:
    state = hass.states.get(entity_id)
    if state is None:
        return False
    if platform == "event":
        return state.state != before and state.attributes.get("event_type") == expected
    if platform == "sensor":
        with contextlib.suppress(ValueError):
            return float(state.state) == pytest.approx(float(expected), abs=0.01)
        return False
    return state.state == expected


async def test_house_devices_follow_the_simulation(
    hass: HomeAssistant, house_entry: AqaraConfigEntry
) -> None:
    """Every house action reaches Home Assistant through the twin's own radio messages."""
    gateway = house_entry.runtime_data
    for model, data, platform, key, expected in HOUSE_CHANGES:
        ieee = ieee_of(gateway, model)
        entity_id = _entity(hass, platform, ieee, key)
        # An event entity's state is the time it last fired: a new event changes it.
        before = _state(hass, entity_id) if platform == "event" else None
        await _simulate(hass, device_id=_device_id(hass, house_entry, ieee), **data)
        await wait_for(hass, partial(_shows, hass, platform, entity_id, expected, before))


# (device model, call data, translation key, placeholders that must be among the error's)
HOUSE_REFUSALS: list[tuple[str, dict[str, Any], str, dict[str, str]]] = [
    ("WSDCGQ11LM", {"action": "open"}, "simulate_not_a_contact", {}),
    ("RTCGQ11LM", {"action": "close"}, "simulate_not_a_contact", {}),
    ("ZNCZ02LM", {"action": "motion"}, "simulate_not_a_motion_sensor", {}),
    ("MFKZQ01LM", {"action": "leak"}, "simulate_not_a_leak_sensor", {}),
    ("MCCGQ11LM", {"action": "dry"}, "simulate_not_a_leak_sensor", {}),
    # A door sensor has a chip temperature, not a temperature it measures.
    ("MCCGQ11LM", {"action": "set_temperature", "temperature": 20}, "simulate_no_temperature", {}),
    ("RTCGQ11LM", {"action": "set_humidity", "humidity": 50}, "simulate_no_humidity", {}),
    (
        "WSDCGQ11LM",
        {"action": "set_temperature"},
        "simulate_invalid_temperature",
        {"min": "-40", "max": "125"},
    ),
    (
        "WSDCGQ11LM",
        {"action": "set_temperature", "temperature": 126},
        "simulate_invalid_temperature",
        {},
    ),
    (
        "TH01",
        {"action": "set_humidity", "humidity": 100.5},
        "simulate_invalid_humidity",
        {"max": "100"},
    ),
    ("WXKG11LM", {"action": "gesture", "gesture": "shake"}, "simulate_not_a_cube", {}),
    (
        "TRADFRI bulb E27 WS opal 980lm",
        {"action": "gesture", "gesture": "tap"},
        "simulate_not_a_cube",
        {},
    ),
    (
        "MFKZQ01LM",
        {"action": "gesture", "gesture": "juggle"},
        "simulate_invalid_gesture",
        {"gesture": "juggle"},
    ),
    ("MFKZQ01LM", {"action": "gesture"}, "simulate_invalid_gesture", {}),
    ("MCCGQ11LM", {"action": "press"}, "simulate_no_buttons", {}),
    (
        "WXKG11LM",
        {"action": "press", "button": "left"},
        "simulate_invalid_button",
        {"buttons": "main"},
    ),
]


async def test_house_actions_refused_on_devices_that_cannot(
    hass: HomeAssistant, house_entry: AqaraConfigEntry
) -> None:
    gateway = house_entry.runtime_data
    for model, data, key, placeholders in HOUSE_REFUSALS:
        ieee = ieee_of(gateway, model)
        with pytest.raises(ServiceValidationError) as err:
            await _simulate(hass, device_id=_device_id(hass, house_entry, ieee), **data)
        assert err.value.translation_domain == DOMAIN, data
        assert err.value.translation_key == key, (model, data)
        assert placeholders.items() <= (err.value.translation_placeholders or {}).items(), data


async def test_a_measurement_the_sensor_cannot_make_is_refused(
    hass: HomeAssistant, house_entry: AqaraConfigEntry
) -> None:
    """Within the action's bounds but outside the model's range: the twin says no."""
    gateway = house_entry.runtime_data
    assert gateway.simulator is not None
    device_id = _device_id(hass, house_entry, ieee_of(gateway, "WSDCGQ11LM"))
    with (
        patch.object(gateway.simulator, "set_property", side_effect=PropertyError("out of range")),
        pytest.raises(ServiceValidationError, match="outside the sensor's range") as err,
    ):
        await _simulate(hass, device_id=device_id, action="set_temperature", temperature=100)
    assert err.value.translation_placeholders == {"device": ANY, "value": "100.0"}


def test_a_cube_refuses_the_gestures_it_does_not_make() -> None:
    """The T1 Pro cube (CTP-R01) has no free fall: the message lists what it can do."""
    cube = TwinDevice.off_air(resolve_model("CTP-R01"))
    simulator = MagicMock()
    with pytest.raises(ServiceValidationError) as err:
        _simulate_gesture(simulator, cube, "Cube", "fall")
    assert err.value.translation_key == "simulate_unsupported_gesture"
    placeholders = err.value.translation_placeholders or {}
    assert "shake" in placeholders["gestures"]
    assert "fall" not in placeholders["gestures"].split(", ")
    simulator.set_property.assert_not_called()
    _simulate_gesture(simulator, cube, "Cube", "shake")
    simulator.set_property.assert_called_once_with(cube.ieee_str, "action", "shake")


def test_a_sensor_of_another_brand_is_found_on_its_endpoint() -> None:
    """Philips' motion sensor (SML001) names its occupancy per endpoint: occupancy_2."""
    sensor = TwinDevice.off_air(resolve_model("SML001"))
    simulator = MagicMock()
    _simulate_sensed(simulator, sensor, "Hue motion", SENSED_CHANGES["motion"], {})
    simulator.set_property.assert_called_once_with(sensor.ieee_str, "occupancy_2", True)
    with pytest.raises(ServiceValidationError) as err:
        _simulate_sensed(simulator, sensor, "Hue motion", SENSED_CHANGES["leak"], {})
    assert err.value.translation_key == "simulate_not_a_leak_sensor"


def test_cube_gestures_are_the_cube_twin_s() -> None:
    """services.py lists the gestures without importing the simulator: keep them in step."""
    cube = TwinDevice.off_air(resolve_model("MFKZQ01LM"))
    assert set(CUBE_GESTURES) == set(cube.action_values)


def test_device_sets_match_the_simulator() -> None:
    assert {devices.value for devices in SimulatedDevices} == set(DEVICE_SETS)
    assert DEVICE_SETS["seed"] == DEFAULT_MODELS
    assert set(DEFAULT_MODELS) < set(HOUSE_MODELS)
    for name in HOUSE_MODELS:
        resolve_model(name)  # every house model has a twin


async def test_config_flow_builds_the_house(hass: HomeAssistant) -> None:
    """Chosen in the config flow, the house is on the simulated network's air."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"radio_type": "simulated", "simulated_radio": "znp", "simulated_devices": "house"},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry: AqaraConfigEntry = result["result"]
    await hass.async_block_till_done()
    assert entry.data[CONF_SIMULATED_DEVICES] == "house"
    simulator = entry.runtime_data.simulator
    assert simulator is not None
    assert len(simulator.devices) == len(HOUSE_MODELS)
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
