"""Button clicks (action), including in decoupled mode."""

from __future__ import annotations

from homeassistant.components.event import EventDeviceClass, EventEntity
from homeassistant.core import HomeAssistant, callback
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
    async_setup_expose_entities(hass, entry, async_add_entities, Platform.EVENT, factory=AqaraEvent)


class AqaraEvent(AqaraEntity, EventEntity):
    """Fires one event per click the device reports, with the page's action values."""

    _attr_device_class = EventDeviceClass.BUTTON

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        self._attr_event_types = list(expose.event_types)

    async def async_added_to_hass(self) -> None:
        # Skip the base class's replay of the last value: an old click is not a new event.
        await EventEntity.async_added_to_hass(self)
        self.async_on_remove(
            self._gateway.subscribe(self._ieee, self._expose.key, self._async_on_value)
        )
        self.async_on_remove(
            self._gateway.subscribe_availability(self._ieee, self._async_on_availability)
        )

    @callback
    def _async_on_value(self, value: object) -> None:
        if value in self._attr_event_types:
            self._trigger_event(str(value))
            self.async_write_ha_state()

    def _apply_value(self, value: object) -> None:
        """Events carry no state between clicks."""
