"""Relays and configuration toggles."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.components.switch.const import SwitchDeviceClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .devices.model import Expose, Platform
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, Platform.SWITCH, factory=AqaraSwitch
    )


class AqaraSwitch(AqaraEntity, SwitchEntity):
    """A relay (state, state_top, state_bottom) or a config toggle."""

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        if expose.device_class is not None:
            self._attr_device_class = SwitchDeviceClass(expose.device_class)

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)

    async def async_turn_on(self, **kwargs: Any) -> None:
        await self._async_write(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self._async_write(False)
