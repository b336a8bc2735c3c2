"""Helpers shared by the entity tests (``test_entities_*.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, State, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway
from custom_components.aqara_zigbee.simulator import SimulatedNetwork, TwinDevice

from .conftest import ieee_of, wait_for


def entity_id(hass: HomeAssistant, platform: str, ieee: str, key: str) -> str:
    """The entity id of one expose of one device (from its stable unique id)."""
    found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, f"{ieee}-{key}")
    assert found is not None, f"no {platform} entity for {ieee} {key}"
    return found


def state_of(hass: HomeAssistant, entity: str) -> State:
    state = hass.states.get(entity)
    assert state is not None, f"{entity} has no state"
    return state


def network(gateway: AqaraGateway) -> SimulatedNetwork:
    assert gateway.simulator is not None
    return gateway.simulator


@dataclass(eq=False)
class Device:
    """One joined seed device: its IEEE, the simulated unit and entity lookups."""

    hass: HomeAssistant
    gateway: AqaraGateway
    ieee: str
    sim: TwinDevice

    @property
    def network(self) -> SimulatedNetwork:
        return network(self.gateway)

    def entity(self, platform: str, key: str) -> str:
        return entity_id(self.hass, platform, self.ieee, key)

    def state(self, platform: str, key: str) -> str:
        return state_of(self.hass, self.entity(platform, key)).state

    async def wait_state(self, platform: str, key: str, expected: str) -> None:
        entity = self.entity(platform, key)
        await wait_for(
            self.hass,
            lambda: (state := self.hass.states.get(entity)) is not None and state.state == expected,
        )


def device(entry: AqaraConfigEntry, model: str) -> Device:
    gateway = entry.runtime_data
    ieee = ieee_of(gateway, model)
    return Device(gateway.hass, gateway, ieee, network(gateway).devices[ieee])


async def configured(entry: AqaraConfigEntry, model: str) -> Device:
    """A device whose pairing configuration and initial read are over (the network is idle).

    The gateway configures and reads each device in background tasks after its interview;
    a test that spoils deliveries must not have them eaten by those.
    """
    await entry.runtime_data.hass.async_block_till_done(wait_background_tasks=True)
    dev = device(entry, model)
    if dev.sim.action_values:  # the wall switches: event mode written at pairing
        assert dev.sim.event_mode == 1
    return dev


@dataclass
class StateRecorder:
    """Records every new state of one entity, plus a probe of the device at that moment."""

    probe: Callable[[], Any] = lambda: None
    states: list[State] = field(default_factory=list)
    probed: list[Any] = field(default_factory=list)

    @callback
    def on_event(self, event: Event[EventStateChangedData]) -> None:
        new_state = event.data["new_state"]
        if new_state is not None:
            self.states.append(new_state)
            self.probed.append(self.probe())


def record_states(
    hass: HomeAssistant, entity: str, probe: Callable[[], Any] = lambda: None
) -> StateRecorder:
    """Start recording the state changes of ``entity`` (until the test ends)."""
    recorder = StateRecorder(probe)
    hass.bus.async_listen(
        EVENT_STATE_CHANGED,
        recorder.on_event,
        event_filter=callback(lambda data: data["entity_id"] == entity),
    )
    return recorder


def event_types(recorder: StateRecorder) -> list[str]:
    """The event types an event entity fired, in order."""
    return [
        state.attributes["event_type"]
        for state in recorder.states
        if state.attributes.get("event_type") is not None and state.state != "unavailable"
    ]


async def call(hass: HomeAssistant, domain: str, service: str, entity: str, **data: Any) -> None:
    """Call an entity service and wait for it (raises what the entity raises)."""
    await hass.services.async_call(domain, service, {"entity_id": entity, **data}, blocking=True)


async def update_entity(hass: HomeAssistant, entity: str) -> None:
    """``homeassistant.update_entity``: read the value from the device on request."""
    assert await async_setup_component(hass, "homeassistant", {})
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": entity}, blocking=True
    )


async def write_confirmed(
    dev: Device,
    platform: str,
    key: str,
    service: str,
    *,
    probe: Callable[[], Any],
    state: str,
    device_value: Any,
    **data: Any,
) -> None:
    """Write through an entity service; check the device took it and HA followed the device.

    Every state change recorded during the call must show a value the simulated device
    already held at that moment: Home Assistant's state is never ahead of the device.
    """
    entity = dev.entity(platform, key)
    recorder = record_states(dev.hass, entity, probe)
    await call(dev.hass, platform, service, entity, **data)
    await dev.hass.async_block_till_done()
    assert probe() == device_value, f"{key}: the device holds {probe()!r}"
    assert dev.state(platform, key) == state
    assert recorder.states, f"{key}: the state never changed"
    for new_state, probed in zip(recorder.states, recorder.probed, strict=True):
        if new_state.state == state:
            assert probed == device_value, f"{key}: HA showed {state} before the device had it"


async def set_device_options(
    hass: HomeAssistant, entry: AqaraConfigEntry, ieee: str, options: dict[str, Any]
) -> None:
    """Set a device's options through the options flow (menu → device → device_options)."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "device"}
    )
    assert result["step_id"] == "device"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": ieee}
    )
    assert result["step_id"] == "device_options"
    result = await hass.config_entries.options.async_configure(result["flow_id"], options)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
