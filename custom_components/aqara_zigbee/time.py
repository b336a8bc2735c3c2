"""Times of day: a night LED's schedule ends (``HH:MM`` on the device's page)."""

from __future__ import annotations

from datetime import time

from homeassistant.components.time import TimeEntity
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .descriptions import AqaraTimeEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraTimeEntityDescription, AqaraTime
    )


def _parse(value: object) -> time | None:
    """An ``HH:MM`` expose value as a time; None for anything else."""
    if not isinstance(value, str):
        return None
    hour, _, minute = value.partition(":")
    try:
        return time(int(hour), int(minute))
    except ValueError:
        return None


class AqaraTime(AqaraEntity, TimeEntity):
    """A time of day the device holds to the minute."""

    def _apply_value(self, value: object) -> None:
        self._attr_native_value = _parse(value)

    async def async_set_value(self, value: time) -> None:
        # The device keeps hours and minutes: a time with seconds would be cut silently
        if value.second or value.microsecond:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="time_has_seconds",
                translation_placeholders={"value": value.isoformat()},
            )
        await self._async_write(f"{value.hour:02d}:{value.minute:02d}")
