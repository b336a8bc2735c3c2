"""Read-only booleans (consumer_connected)."""

from __future__ import annotations

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.restore_state import RestoreEntity

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


class AqaraBinarySensor(AqaraEntity, BinarySensorEntity, RestoreEntity):
    """A boolean the device reports.

    ``consumer_connected`` is only reported when it changes and cannot be read, so the
    last reported value is kept across restarts (like the sensors' last measurement).
    """

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        if expose.device_class is not None:
            self._attr_device_class = BinarySensorDeviceClass(expose.device_class)

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        last = await self.async_get_last_state()
        if self._attr_is_on is None and last is not None and last.state in (STATE_ON, STATE_OFF):
            self._attr_is_on = last.state == STATE_ON

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)
