"""Helpers of the definition-driven suite (``test_models.py``): one joined twin per test.

The suite knows no model: it reads each definition's exposes and drives the twin of the
same Zigbee model id through its Zigbee2MQTT properties (``exercise`` / ``setting``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
import math
from typing import Any
from unittest.mock import patch

from homeassistant.core import Event, EventStateChangedData, HomeAssistant, State, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.event import async_track_state_change_event
import pytest

from custom_components.aqara_zigbee.climate import HVAC_MODES
from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.devices.model import Expose, Platform
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator.models import find_twin

from .conftest import _form_once, set_up_formed_network, wait_for
from .entity_helpers import Device, network

# Numbers travel as ZCL floats and are rounded by the definitions' codecs
NUMBER_TOLERANCE = {"rel": 1e-3, "abs": 0.011}


class KnownGapError(Exception):
    """Only the failures a model's definition is known to have (see ``GAPS``)."""


def params(model_ids: Iterable[str], gaps: Mapping[str, Mapping[str, str]]) -> list[Any]:
    """One test parameter per Zigbee model id (the test id); known gaps are strict xfails."""
    found = []
    for model_id in sorted(model_ids):
        known = gaps.get(model_id)
        marks = (
            [
                pytest.mark.xfail(
                    strict=True,
                    raises=KnownGapError,
                    reason="; ".join(f"{key}: {why}" for key, why in sorted(known.items())),
                )
            ]
            if known
            else []
        )
        found.append(pytest.param(model_id, id=model_id, marks=marks))
    return found


class Checks:
    """Collects failures per expose key; only the known ones may remain."""

    def __init__(self, model_id: str, known: Mapping[str, str] | None) -> None:
        self.model_id = model_id
        self.known = dict(known or {})
        self.failures: dict[str, str] = {}

    def timeout(self, key: str) -> float:
        """How long to wait for a value: long for a check expected to pass, short for a gap."""
        return 0.2 if key in self.known else 2.0

    async def run(self, key: str, check: Callable[[], Any]) -> None:
        try:
            await check()
        except (AssertionError, TimeoutError) as err:
            self.failures[key] = f"{type(err).__name__}: {err}"

    def finish(self) -> None:
        unexpected = {key: why for key, why in self.failures.items() if key not in self.known}
        assert not unexpected, f"{self.model_id}: {unexpected}"
        if self.failures:
            raise KnownGapError(f"{self.model_id}: {self.failures}")


async def join_twin(
    hass: HomeAssistant, model_id: str, options: dict[str, Any] | None = None
) -> Device:
    """A loaded simulated network holding one twin of ``model_id``, joined and configured
    (``options``: the entry's, e.g. a faster simulated clock)."""
    await _form_once(hass)  # formed with the default devices, shared with other suites
    with patch("custom_components.aqara_zigbee.simulator.network.DEFAULT_MODELS", (model_id,)):
        entry: AqaraConfigEntry = await set_up_formed_network(hass, options)
    gateway = entry.runtime_data
    registry = dr.async_get(hass)
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 60}, blocking=True)
    await wait_for(
        hass,
        lambda: any(
            device.model_id == model_id
            for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        ),
    )
    # The pairing configuration (event mode...) and the first reads run in the background
    await hass.async_block_till_done(wait_background_tasks=True)
    (sim,) = network(gateway).devices.values()
    assert find_twin(model_id) is not None
    return Device(hass, gateway, sim.ieee_str, sim)


async def wait_state(
    hass: HomeAssistant, entity: str, done: Callable[[State | None], bool], timeout: float = 2.0
) -> None:
    """Wait until ``done(state)`` holds for the entity (woken by its state changes)."""
    reached = asyncio.Event()

    @callback
    def changed(_event: Event[EventStateChangedData]) -> None:
        if done(hass.states.get(entity)):
            reached.set()

    unsubscribe = async_track_state_change_event(hass, [entity], changed)
    try:
        if not done(hass.states.get(entity)):
            async with asyncio.timeout(timeout):
                await reached.wait()
    finally:
        unsubscribe()


def ha_state(expose: Expose, z2m_value: object) -> object:
    """What Home Assistant shows for a Zigbee2MQTT value (numbers as floats)."""
    if expose.platform in (Platform.SWITCH, Platform.BINARY_SENSOR):
        # A lock's page values (child_lock) are LOCK/UNLOCK
        assert z2m_value in ("ON", "OFF", True, False, "LOCK", "UNLOCK"), z2m_value
        # ``contact`` is true when closed; the door sensor is on when open
        return "on" if (z2m_value in ("ON", True, "LOCK")) != expose.z2m_inverted else "off"
    if expose.platform is Platform.SENSOR and expose.kind == "text":
        assert isinstance(z2m_value, str), z2m_value
        return z2m_value
    if expose.platform is Platform.SENSOR and expose.options:
        assert z2m_value in expose.options, z2m_value  # an enum sensor shows the option
        return z2m_value
    if expose.platform in (Platform.SENSOR, Platform.NUMBER):
        assert isinstance(z2m_value, int | float), z2m_value
        return float(z2m_value)
    return z2m_value


def shows(expose: Expose, state: str | None, expected: object) -> bool:
    """Whether an entity state shows ``expected`` (:func:`ha_state`), numbers within tolerance."""
    if state is None:
        return False
    if isinstance(expected, float):
        try:
            number = float(state)
        except ValueError:
            return False
        return math.isclose(
            number, expected, rel_tol=NUMBER_TOLERANCE["rel"], abs_tol=NUMBER_TOLERANCE["abs"]
        )
    return state == expected


#: a thermostat member's key → the climate entity's attribute showing it
CLIMATE_ATTRIBUTES: Mapping[str, str] = {
    "local_temperature": "current_temperature",
    "occupied_heating_setpoint": "temperature",
    "fan_mode": "fan_mode",
}


@dataclass(frozen=True)
class Shown:
    """Where an expose's value shows: its entity's state, or (a composite's member) an
    attribute of its composite's entity."""

    expose: Expose
    entity: str
    attribute: str | None  # None: the state

    @classmethod
    def of(cls, dev: Device, expose: Expose) -> Shown:
        if expose.member_of is None:
            return cls(expose, dev.entity(expose.platform.value, expose.key), None)
        composite = dev.entity(expose.platform.value, expose.member_of)
        return cls(expose, composite, CLIMATE_ATTRIBUTES[expose.key])

    def expected(self, z2m_value: object) -> object:
        """What Home Assistant shows for a Zigbee2MQTT value here."""
        if self.expose.platform is not Platform.CLIMATE:
            return ha_state(self.expose, z2m_value)
        if self.attribute is None:
            return HVAC_MODES[str(z2m_value)].value
        if isinstance(z2m_value, int | float) and not isinstance(z2m_value, bool):
            return float(z2m_value)
        return z2m_value

    def matches(self, state: State | None, expected: object) -> bool:
        if state is None:
            return False
        if self.attribute is None:
            return shows(self.expose, state.state, expected)
        value = state.attributes.get(self.attribute)
        if isinstance(expected, float):
            # A climate entity shows temperatures in tenths (its precision)
            tolerance = (
                0.051 if self.attribute == "current_temperature" else NUMBER_TOLERANCE["abs"]
            )
            return isinstance(value, int | float) and math.isclose(
                value, expected, rel_tol=NUMBER_TOLERANCE["rel"], abs_tol=tolerance
            )
        return bool(value == expected)


def write_values(expose: Expose, current: str | None) -> list[tuple[str, dict[str, Any], str]]:
    """Every value to write, as (service, data, expected HA state), each unlike the one before.

    Switches: on and off; selects: every option; numbers: min, max and a middle value on
    the step. The first value differs from the entity's current state, so each write is
    seen to change it.
    """
    writes: list[tuple[str, dict[str, Any], str]]
    if expose.platform is Platform.SWITCH:
        writes = [("turn_on", {}, "on"), ("turn_off", {}, "off")]
    elif expose.platform is Platform.SELECT:
        writes = [("select_option", {"option": option}, option) for option in expose.options]
    elif expose.platform is Platform.NUMBER or expose.kind == "numeric":
        assert expose.native_min is not None
        assert expose.native_max is not None
        step = expose.native_step or 1.0
        # Rounded: a 0.1 step must give 1.1, not 1.1000000000000003
        middle = round(
            expose.native_min + round((expose.native_max - expose.native_min) / 2 / step) * step,
            10,
        )
        writes = [
            ("set_value", {"value": value}, str(float(value)))
            for value in (expose.native_min, middle, expose.native_max)
        ]
    else:
        raise AssertionError(f"{expose.key}: no writes for {expose.platform}")
    while writes[0][2] == current:
        writes = [*writes[1:], writes[0]]
    return writes
