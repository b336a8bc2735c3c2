"""Relays and configuration toggles."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .descriptions import AqaraSwitchEntityDescription
from .entity import AqaraOnOffEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraSwitchEntityDescription, AqaraSwitch
    )


class AqaraSwitch(AqaraOnOffEntity, SwitchEntity):
    """A relay (state, state_top, state_bottom) or a config toggle.

    A toggle the device cannot be asked about (``auto_off`` is write-only, lumi.plug's
    power_outage_memory reads back nothing) keeps its last confirmed value across restarts.
    """

    async def async_turn_on(self, **kwargs: Any) -> None:
        await self._async_write(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self._async_write(False)
