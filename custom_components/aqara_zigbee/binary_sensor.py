"""Read-only booleans (consumer_connected, occupancy, vibration...)."""

from __future__ import annotations

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
)
from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

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
    A value the hub clears after a timeout (motion: the device only says "occupied") is
    restored only while its timeout runs, so a stale "on" never outlives a restart.
    """

    async def _async_last_value(self) -> object | None:
        restored = await super()._async_last_value()
        if restored is not True or self._expose.clears_after is None:
            return restored
        last = await self.async_get_last_state()
        handle = self._gateway.handles.get(self._ieee)
        if last is None or last.state != STATE_ON or handle is None:
            return False
        elapsed = (dt_util.utcnow() - last.last_changed).total_seconds()
        return handle.resume_clearing(self._expose.key, elapsed)
