"""The ``aqara_zigbee.simulate`` action: acting on simulated devices from Home Assistant."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway
from custom_components.aqara_zigbee.services import PRESS_KINDS, SERVICE_SIMULATE
from custom_components.aqara_zigbee.simulator import PressKind
from custom_components.aqara_zigbee.simulator.behaviours import Metering

from .conftest import configure_simulated, ieee_of, wait_for


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
