"""Enumerated settings: switch_type, operation_mode(_top/_bottom), mode_switch."""

from __future__ import annotations

from homeassistant.components.select import SelectEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .descriptions import AqaraSelectEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraSelectEntityDescription, AqaraSelect
    )


class AqaraSelect(AqaraEntity, SelectEntity):
    """One of the page's enum exposes, with exactly its values."""

    def _apply_value(self, value: object) -> None:
        self._attr_current_option = str(value) if value in self._expose.options else None

    async def async_select_option(self, option: str) -> None:
        await self._async_write(option)
