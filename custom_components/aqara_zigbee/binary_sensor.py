"""Read-only booleans (consumer_connected)."""

from __future__ import annotations

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .descriptions import AqaraBinarySensorEntityDescription
from .entity import AqaraOnOffEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraBinarySensorEntityDescription, AqaraBinarySensor
    )


class AqaraBinarySensor(AqaraOnOffEntity, BinarySensorEntity):
    """A boolean the device reports.

    ``consumer_connected`` is only reported when it changes and cannot be read, so the
    last reported value is kept across restarts (like the sensors' last measurement).
    """
