"""The definition-driven suite: every model's exposes against its simulated twin.

Parametrized over every Zigbee model id of every definition (the test id), it knows no
model: adding a definition and its twin adds their tests. For each model:

* registry: one entity per expose, as the expose describes it; the twin has exactly the
  definition's properties (a definition and a twin that disagree fail here);
* reports: each property changed at the device reaches its entity, every action string the
  event entity;
* writes: every value of every writable expose reaches the device, and Home Assistant shows
  it only once the device holds it;
* reads: every readable expose changed silently at the device is read on request;
* assumed settings (``Expose.assumed``: old firmware's genBasic 0xFFF0 settings, never
  reported nor read back): the entity keeps the write the device confirmed, update or not.

A composite's members (a thermostat's set point, fan mode, temperature) have no entity of
their own: they are checked in their composite's entity (``model_helpers.Shown``).

A gap of the integration (a path a definition lacks) is listed in ``GAPS`` as
``"<check>:<expose key>"``: the model's test then is a strict xfail, which still fails on
any other failure, and once the gap is closed.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.aqara_zigbee import devices
from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.model import (
    DEFAULT_IDENTIFY_TIMEOUT,
    OPTION_IDENTIFY_TIMEOUT,
    OPTION_STATE_ACTION,
    Access,
    Definition,
    Expose,
    Platform,
)
from custom_components.aqara_zigbee.simulator import models as twin_models
from custom_components.aqara_zigbee.simulator.behaviours.groups import Identify
from custom_components.aqara_zigbee.simulator.models import find_twin

from .conftest import wait_for
from .entity_helpers import (
    Device,
    call,
    event_types,
    record_states,
    set_device_options,
    state_of,
    update_entity,
    write_confirmed,
)
from .model_helpers import (
    Checks,
    Shown,
    ha_state,
    join_twin,
    params,
    shows,
    wait_state,
    write_values,
)

#: Failures of the integration's definitions: model id -> "<check>:<expose key>" -> why
GAPS: dict[str, dict[str, str]] = {
    # Settings a firmware never tells (e.g. the Honeywell detectors' sensitivity, DJT11LM's)
    # are Expose.assumed and checked as such: none is left here
}
#: Not a property of the device: zigpy's measure of the last frame's link
LINK_QUALITY = "linkquality"


def _definition(model_id: str) -> Definition:
    return DEFINITIONS[model_id]


def _exposes(model_id: str) -> list[Expose]:
    return [expose for expose in _definition(model_id).exposes if expose.key != LINK_QUALITY]


def test_every_definition_has_a_twin() -> None:
    """The suite can only test a model whose twin exists (same Zigbee model id)."""
    missing = sorted(model_id for model_id in DEFINITIONS if find_twin(model_id) is None)
    assert not missing, f"definitions without a simulated twin: {missing}"


def _modules_by_model_id(package: ModuleType, attribute: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        described = getattr(module, attribute, None)
        for model_id in getattr(described, "model_ids", getattr(described, "zigbee_models", ())):
            found[model_id] = info.name
    return found


def test_a_twin_lives_in_the_module_named_like_its_definition() -> None:
    """devices/<name>.py and simulator/models/<name>.py describe the same model."""
    definitions = _modules_by_model_id(devices, "DEFINITION")
    twins = _modules_by_model_id(twin_models, "TWIN")
    assert {model_id: twins.get(model_id) for model_id in definitions} == definitions


@pytest.mark.parametrize("model_id", params(DEFINITIONS, {}))
def test_twin_matches_definition(model_id: str) -> None:
    """The twin has the properties of the device's Zigbee2MQTT page: so has the definition."""
    twin = find_twin(model_id)
    assert twin is not None
    exposes = _exposes(model_id)
    assert twin.properties == {expose.key for expose in exposes}
    actions = {option for expose in exposes if expose.key == "action" for option in expose.options}
    assert set(twin.action_values) == actions
    # A router keeps its radio on and routes; an end device sleeps between polls
    assert twin.router == _definition(model_id).is_router


@pytest.mark.parametrize("model_id", params(DEFINITIONS, GAPS))
async def test_model(hass: HomeAssistant, model_id: str) -> None:
    """Registry, reports, writes and reads of every expose of one model."""
    dev = await join_twin(hass, model_id)
    checks = Checks(model_id, GAPS.get(model_id))
    await checks.run("registry", lambda: _registry(dev, _definition(model_id)))
    for expose in _exposes(model_id):
        if Access.REPORT not in expose.access or expose.assumed:
            continue  # a setting the device never tells (its state is the confirmed write)
        key = f"reports:{expose.key}"
        report = _actions if expose.platform is Platform.EVENT else _report
        timeout = checks.timeout(key)
        await checks.run(key, lambda e=expose, r=report, t=timeout: r(dev, e, t))
    for expose in _exposes(model_id):
        if expose.writable:
            await checks.run(f"writes:{expose.key}", lambda e=expose: _write(dev, e))
    for expose in _exposes(model_id):
        if expose.assumed:
            await checks.run(f"assumed:{expose.key}", lambda e=expose: _assumed(dev, e))
        elif expose.readable:
            await checks.run(f"reads:{expose.key}", lambda e=expose: _read(dev, e))
    if OPTION_STATE_ACTION in _definition(model_id).options:
        await checks.run("state_action", lambda: _state_action(dev, _definition(model_id)))
    checks.finish()


async def _registry(dev: Device, definition: Definition) -> None:
    """One entity per expose, on its platform, as the expose describes it."""
    registry = er.async_get(dev.hass)
    ours = {
        entry.unique_id: entry
        for entry in registry.entities.values()
        if entry.platform == DOMAIN
        and entry.unique_id.startswith(f"{dev.ieee}-")
        and entry.domain in {platform.value for platform in Platform}
    }
    entities = [expose for expose in definition.exposes if expose.member_of is None]
    assert sorted(ours) == sorted(f"{dev.ieee}-{expose.key}" for expose in entities)
    for expose in entities:
        entry = ours[f"{dev.ieee}-{expose.key}"]
        assert entry.domain == expose.platform.value, expose.key
        # The device's main feature may go by the device's name instead of a translation
        assert entry.translation_key == (expose.translation_key or expose.key) or (
            entry.translation_key is None and entry.original_name is None
        ), expose.key
        if expose.device_class is not None:
            assert entry.original_device_class == expose.device_class, expose.key
        assert entry.entity_category == expose.entity_category, expose.key
        assert (entry.disabled_by is None) == expose.enabled_by_default, expose.key
        if expose.unit is not None:
            assert entry.unit_of_measurement == expose.unit, expose.key
        capabilities = entry.capabilities or {}
        if expose.platform is Platform.SELECT:
            assert capabilities["options"] == list(expose.options), expose.key
        if expose.platform is Platform.EVENT:
            assert capabilities["event_types"] == list(expose.event_types), expose.key
        if expose.platform is Platform.NUMBER:
            assert (capabilities["min"], capabilities["max"]) == (
                expose.native_min,
                expose.native_max,
            ), expose.key


async def _report(dev: Device, expose: Expose, timeout: float) -> None:
    """What the device sends about the property shows in its entity."""
    shown = Shown.of(dev, expose)
    expected = shown.expected(dev.sim.exercise(expose.key))
    await wait_state(dev.hass, shown.entity, lambda state: shown.matches(state, expected), timeout)


async def _actions(dev: Device, expose: Expose, timeout: float) -> None:
    """Every action string the device sends fires the event entity."""
    entity = dev.entity(expose.platform.value, expose.key)
    recorder = record_states(dev.hass, entity)
    assert dev.sim.action_values, "an event expose on a twin that sends no action"
    for action in dev.sim.action_values:
        count = len(recorder.states)
        assert dev.sim.exercise(expose.key, action) == action
        # One frame may fire several actions (an old switch's release: single, release)
        await wait_state(
            dev.hass,
            entity,
            lambda _state, n=count, a=action: a in _fired(recorder.states[n:]),
            timeout,
        )


def _fired(states: list[State]) -> list[object]:
    return [state.attributes.get("event_type") for state in states]


async def _write(dev: Device, expose: Expose) -> None:
    """Every value reaches the device before Home Assistant shows it."""
    if expose.key == "identify" and not _definition(dev.sim.zigbee_model).sleepy:
        await _press(dev, expose)
        return
    platform = expose.platform.value
    if expose.platform is Platform.CLIMATE:
        await _write_climate(dev, expose)
        return
    if expose.platform is Platform.BUTTON:
        # A command (identify): the device acts on it; the button shows only the press
        await call(dev.hass, platform, "press", dev.entity(platform, expose.key))
        assert dev.sim.setting(expose.key) == expose.options[0], expose.key
        return
    current = state_of(dev.hass, dev.entity(platform, expose.key)).state
    for service, data, state in write_values(expose, current):
        expected = ha_state(expose, float(data["value"])) if "value" in data else state
        await write_confirmed(
            dev,
            platform,
            expose.key,
            service,
            probe=lambda: ha_state(expose, dev.sim.setting(expose.key)),
            state=state,
            device_value=expected,
            **data,
        )


async def _write_climate(dev: Device, expose: Expose) -> None:
    """Every mode, fan mode and set point reaches the device before the entity shows it."""
    shown = Shown.of(dev, expose)
    if expose.member_of is None:
        calls = [("set_hvac_mode", {"hvac_mode": shown.expected(o)}, o) for o in expose.options]
    elif expose.options:
        calls = [("set_fan_mode", {expose.key: option}, option) for option in expose.options]
    else:
        numbers = [float(data["value"]) for _, data, _ in write_values(expose, None)]
        calls = [("set_temperature", {"temperature": n}, n) for n in numbers]
    recorder = record_states(dev.hass, shown.entity, lambda: dev.sim.setting(expose.key))
    for service, data, value in calls:
        count = len(recorder.states)
        await call(dev.hass, "climate", service, shown.entity, **data)
        await dev.hass.async_block_till_done()
        assert dev.sim.setting(expose.key) == value, f"{expose.key}: {dev.sim.setting(expose.key)}"
        expected = shown.expected(value)
        assert shown.matches(dev.hass.states.get(shown.entity), expected), expose.key
        for new_state, probed in zip(recorder.states[count:], recorder.probed[count:], strict=True):
            if shown.matches(new_state, expected):
                assert probed == value, f"{expose.key}: HA showed {value} before the device"


async def _press(dev: Device, expose: Expose) -> None:
    """Identify reaches the device, for the option's duration once one is set."""
    entity = dev.entity("button", expose.key)
    identify = dev.sim.find(Identify)
    assert identify is not None, "the twin cannot identify"
    await call(dev.hass, "button", "press", entity)
    assert identify.last_request == DEFAULT_IDENTIFY_TIMEOUT
    pressed = state_of(dev.hass, entity).state
    await set_device_options(dev.hass, dev.gateway.entry, dev.ieee, {OPTION_IDENTIFY_TIMEOUT: 12})
    await call(dev.hass, "button", "press", entity)
    assert identify.last_request == 12
    assert state_of(dev.hass, entity).state not in ("unknown", pressed)


async def _state_action(dev: Device, definition: Definition) -> None:
    """With ``state_action`` on, every relay's confirmed switching also fires its action."""
    relays = [expose for expose in definition.exposes if expose.state_actions]
    # Every relay off first: a module's interlock then has nothing to switch off
    for relay in relays:
        await call(dev.hass, "switch", "turn_off", dev.entity("switch", relay.key))
    await set_device_options(dev.hass, dev.gateway.entry, dev.ieee, {"state_action": True})
    recorder = record_states(dev.hass, dev.entity("event", "action"))
    expected: list[str] = []
    for relay in relays:
        for service, action in zip(("turn_on", "turn_off"), relay.state_actions or (), strict=True):
            await call(dev.hass, "switch", service, dev.entity("switch", relay.key))
            expected.append(action)
            await wait_for(
                dev.hass, lambda want=tuple(expected): tuple(event_types(recorder)) == want
            )


async def _assumed(dev: Device, expose: Expose) -> None:
    """A setting the device never tells: its entity keeps the write the device confirmed,
    even when asked to update (there is nothing to ask the device)."""
    entity = dev.entity(expose.platform.value, expose.key)
    shown = state_of(dev.hass, entity).state
    expected = ha_state(expose, dev.sim.setting(expose.key))
    assert shows(expose, shown, expected), f"{entity}: {shown}"
    await update_entity(dev.hass, entity)
    assert state_of(dev.hass, entity).state == shown


async def _read(dev: Device, expose: Expose) -> None:
    """A value changed silently at the device is read on request (``update_entity``)."""
    shown = Shown.of(dev, expose)
    expected = shown.expected(dev.sim.exercise(expose.key, report=False))
    await update_entity(dev.hass, shown.entity)
    state = dev.hass.states.get(shown.entity)
    assert shown.matches(state, expected), f"{shown.entity}: {state} after a read, not {expected}"
