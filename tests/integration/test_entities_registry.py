"""What each device's entities are: native Home Assistant platforms, classes and units.

One snapshot per device of every entity's registry entry (platform, translation key,
device class, unit, state class, entity category, enabled by default, options / event
types / range), so any change to a definition's presentation is a visible diff.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.sensor import SensorDeviceClass, SensorStateClass
from homeassistant.const import STATE_UNKNOWN, EntityCategory, UnitOfEnergy
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from syrupy.assertion import SnapshotAssertion

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.model import Platform
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry

from .conftest import SEED_MODELS
from .entity_helpers import configured, device

MODELS = sorted(SEED_MODELS.values())
RELAY_KEYS = {"state", "state_top", "state_bottom"}
EXPOSE_PLATFORMS = frozenset(platform.value for platform in Platform)


def _entries_of(hass: HomeAssistant, ieee: str) -> list[er.RegistryEntry]:
    """The entities of a device's exposes (not e.g. its firmware update entity)."""
    registry = er.async_get(hass)
    return sorted(
        (
            entry
            for entry in registry.entities.values()
            if entry.platform == DOMAIN
            and entry.unique_id.startswith(f"{ieee}-")
            and entry.domain in EXPOSE_PLATFORMS
        ),
        key=lambda entry: entry.unique_id,
    )


def _describe(hass: HomeAssistant, entry: er.RegistryEntry, ieee: str) -> dict[str, Any]:
    """The stable, presentation-relevant part of an entity (ieee normalised)."""
    state = hass.states.get(entry.entity_id)
    return {
        "entity_id": entry.entity_id,
        "unique_id": entry.unique_id.replace(ieee, "<ieee>"),
        "platform": entry.domain,
        "translation_key": entry.translation_key,
        "original_name": entry.original_name,
        "device_class": entry.original_device_class,
        "unit_of_measurement": entry.unit_of_measurement,
        "entity_category": entry.entity_category,
        "enabled_by_default": entry.disabled_by is None,
        "capabilities": entry.capabilities,
        "options": {domain: dict(options) for domain, options in entry.options.items()},
        "state_attributes": (
            None
            if state is None
            else {
                key: value
                for key, value in state.attributes.items()
                if key not in ("event_type", "friendly_name")
            }
        ),
        "friendly_name": None if state is None else state.attributes.get("friendly_name"),
    }


async def test_entities_snapshot(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, snapshot: SnapshotAssertion
) -> None:
    """Every entity of every seed device, as Home Assistant registers it (one per model)."""
    for model in MODELS:
        dev = device(simulated_entry, model)
        described = [_describe(hass, entry, dev.ieee) for entry in _entries_of(hass, dev.ieee)]
        assert described == snapshot(name=model)


async def test_entities_are_native(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """One entity per expose, on the expose's own platform; no light; classes as HA wants."""
    registry = er.async_get(hass)
    gateway = simulated_entry.runtime_data
    entries = [
        e for e in registry.entities.values() if e.config_entry_id == simulated_entry.entry_id
    ]
    assert not [e.entity_id for e in entries if e.domain == "light"]

    for ieee, handle in gateway.handles.items():
        assert handle.definition is not None
        entities = {e.unique_id.removeprefix(f"{ieee}-"): e for e in _entries_of(hass, ieee)}
        assert set(entities) == {expose.key for expose in handle.definition.exposes}
        for expose in handle.definition.exposes:
            entry = entities[expose.key]
            assert entry.domain == expose.platform.value
            model = handle.definition.model
            if expose.key in RELAY_KEYS:
                # The relay is the device itself: named after it, outlet for plugs
                expected = "outlet" if model.startswith("ZNCZ") else "switch"
                assert entry.original_device_class == expected, model
                assert entry.entity_category is None
                assert entry.translation_key == (
                    None if expose.key == "state" else expose.translation_key
                )
            else:
                assert entry.translation_key == (expose.translation_key or expose.key)
            if expose.key == "energy":
                assert entry.original_device_class == SensorDeviceClass.ENERGY
                assert entry.unit_of_measurement == UnitOfEnergy.KILO_WATT_HOUR
                assert entry.capabilities == {"state_class": SensorStateClass.TOTAL_INCREASING}
            if expose.key == "linkquality":
                assert entry.entity_category is EntityCategory.DIAGNOSTIC
                assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
            else:
                assert entry.disabled_by is None, entry.entity_id
            if expose.key in ("device_temperature", "power_outage_count"):
                assert entry.entity_category is EntityCategory.DIAGNOSTIC
            if expose.platform.value in ("select", "number") or expose.key in (
                "power_outage_memory",
                "led_disabled_night",
                "auto_off",
                "flip_indicator_light",
            ):
                assert entry.entity_category is EntityCategory.CONFIG, entry.entity_id
            if expose.platform.value == "event":
                assert entry.original_device_class == "button"
                assert entry.capabilities is not None
                assert entry.capabilities["event_types"] == list(expose.event_types)
            if expose.platform.value == "select":
                assert entry.capabilities == {"options": list(expose.options)}


async def test_every_seed_is_in_the_snapshot() -> None:
    """The snapshots above cover the five seed models (test_models.py covers every model)."""
    assert set(MODELS) <= {definition.model for definition in DEFINITIONS.values()}


async def test_link_quality_when_enabled(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Link quality is disabled by default; once enabled it follows the device's frames."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    entity = dev.entity("sensor", "linkquality")
    registry = er.async_get(hass)
    registry.async_update_entity(entity, disabled_by=None)
    assert await hass.config_entries.async_reload(simulated_entry.entry_id)
    # The reload started a new simulator; wait for the start-up reads to finish
    dev = await configured(simulated_entry, "ZNCZ04LM")
    assert hass.states.get(entity) is not None
    dev.network.set_link_quality(dev.ieee, 123)
    dev.network.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "linkquality", "123")
    dev.network.set_link_quality(dev.ieee, 45)
    dev.network.press(dev.ieee)
    await dev.wait_state("sensor", "linkquality", "45")
    assert dev.state("sensor", "linkquality") != STATE_UNKNOWN
