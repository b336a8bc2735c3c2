"""Read-only booleans (consumer_connected)."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .devices.model import Expose, Platform
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, Platform.BINARY_SENSOR, factory=AqaraBinarySensor
    )


class AqaraBinarySensor(AqaraEntity, BinarySensorEntity):
    """A boolean the device reports."""

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        if expose.device_class is not None:
            self._attr_device_class = BinarySensorDeviceClass(expose.device_class)

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)
