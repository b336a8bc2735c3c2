"""Fans: ZCL Fan Control's mode; off/low/medium/high as speeds, on/auto/smart as presets."""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components.fan import FanEntity
from homeassistant.components.fan.const import FanEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util.percentage import (
    ordered_list_item_to_percentage,
    percentage_to_ordered_list_item,
)

from .descriptions import AqaraFanEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1

SPEEDS: Final = ["low", "medium", "high"]
_OFF: Final = "off"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraFanEntityDescription, AqaraFan
    )


class AqaraFan(AqaraEntity, FanEntity):
    """A fan whose mode follows the device's confirmation."""

    entity_description: AqaraFanEntityDescription
    _attr_speed_count = len(SPEEDS)

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraFanEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        self._attr_preset_modes = [
            mode for mode in self._expose.options if mode not in (*SPEEDS, _OFF)
        ]
        self._attr_supported_features = (
            FanEntityFeature.SET_SPEED
            | FanEntityFeature.PRESET_MODE
            | FanEntityFeature.TURN_ON
            | FanEntityFeature.TURN_OFF
        )
        self._mode: str | None = None

    def _apply_value(self, value: object) -> None:
        self._mode = value if isinstance(value, str) else None

    @property
    def is_on(self) -> bool | None:
        return None if self._mode is None else self._mode != _OFF

    @property
    def percentage(self) -> int | None:
        if self._mode == _OFF:
            return 0
        if self._mode in SPEEDS:
            return ordered_list_item_to_percentage(SPEEDS, self._mode)
        return None

    @property
    def preset_mode(self) -> str | None:
        return self._mode if self._mode in (self._attr_preset_modes or ()) else None

    async def async_set_percentage(self, percentage: int) -> None:
        await self._async_write(
            _OFF if percentage == 0 else percentage_to_ordered_list_item(SPEEDS, percentage)
        )

    async def async_set_preset_mode(self, preset_mode: str) -> None:
        await self._async_write(preset_mode)

    async def async_turn_on(
        self, percentage: int | None = None, preset_mode: str | None = None, **kwargs: Any
    ) -> None:
        if preset_mode is not None:
            await self.async_set_preset_mode(preset_mode)
        elif percentage is not None:
            await self.async_set_percentage(percentage)
        else:
            await self._async_write("on")

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self._async_write(_OFF)
