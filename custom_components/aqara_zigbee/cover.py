"""Covers: ZCL Window Covering motors with lift position and tilt."""

from __future__ import annotations

from typing import Any

from homeassistant.components.cover import (
    ATTR_POSITION,
    ATTR_TILT_POSITION,
    CoverEntity,
    CoverEntityFeature,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .descriptions import AqaraCoverEntityDescription
from .entity import AqaraCompositeEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraCoverEntityDescription, AqaraCover
    )


class AqaraCover(AqaraCompositeEntity, CoverEntity):
    """A cover whose position and tilt follow the motor's reports as it moves."""

    entity_description: AqaraCoverEntityDescription

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraCoverEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        features = CoverEntityFeature.OPEN | CoverEntityFeature.CLOSE | CoverEntityFeature.STOP
        if "position" in self._members:
            features |= CoverEntityFeature.SET_POSITION
        if "tilt" in self._members:
            features |= (
                CoverEntityFeature.OPEN_TILT
                | CoverEntityFeature.CLOSE_TILT
                | CoverEntityFeature.STOP_TILT
                | CoverEntityFeature.SET_TILT_POSITION
            )
        self._attr_supported_features = features

    def _apply_value(self, value: object) -> None:
        """The motion commands carry no state: the position reports do."""

    @property
    def current_cover_position(self) -> int | None:
        position = self._number("position")
        return None if position is None else round(position)

    @property
    def current_cover_tilt_position(self) -> int | None:
        tilt = self._number("tilt")
        return None if tilt is None else round(tilt)

    @property
    def is_closed(self) -> bool | None:
        position = self.current_cover_position
        return None if position is None else position == 0

    async def async_open_cover(self, **kwargs: Any) -> None:
        await self._async_write("OPEN")

    async def async_close_cover(self, **kwargs: Any) -> None:
        await self._async_write("CLOSE")

    async def async_stop_cover(self, **kwargs: Any) -> None:
        await self._async_write("STOP")

    async def async_set_cover_position(self, **kwargs: Any) -> None:
        await self._async_write_member("position", kwargs[ATTR_POSITION])

    async def async_open_cover_tilt(self, **kwargs: Any) -> None:
        await self._async_write_member("tilt", 100)

    async def async_close_cover_tilt(self, **kwargs: Any) -> None:
        await self._async_write_member("tilt", 0)

    async def async_stop_cover_tilt(self, **kwargs: Any) -> None:
        await self._async_write("STOP")

    async def async_set_cover_tilt_position(self, **kwargs: Any) -> None:
        await self._async_write_member("tilt", kwargs[ATTR_TILT_POSITION])
