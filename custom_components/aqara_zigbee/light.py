"""Lights: On/Off with brightness, colour temperature and xy colour (ZCL Level and Colour
Control) of devices served by a generated definition."""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components.light import LightEntity
from homeassistant.components.light.const import (
    ATTR_BRIGHTNESS,
    ATTR_COLOR_TEMP_KELVIN,
    ATTR_TRANSITION,
    ATTR_XY_COLOR,
    ColorMode,
    LightEntityFeature,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util.color import (
    color_temperature_kelvin_to_mired,
    color_temperature_mired_to_kelvin,
)

from .descriptions import AqaraLightEntityDescription
from .entity import AqaraCompositeEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1

#: ZCL levels run 1-254, Home Assistant's brightness 1-255
_MAX_LEVEL: Final = 254
#: mireds assumed until the lamp tells its physical range (ZHA's defaults)
DEFAULT_MIN_MIREDS: Final = 153
DEFAULT_MAX_MIREDS: Final = 500


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraLightEntityDescription, AqaraLight
    )


class AqaraLight(AqaraCompositeEntity, LightEntity):
    """A ZCL light; its state follows the device's reports and command confirmations."""

    entity_description: AqaraLightEntityDescription

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraLightEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        modes: set[ColorMode] = set()
        if "color_temp" in self._members:
            modes.add(ColorMode.COLOR_TEMP)
        if "color_x" in self._members:
            modes.add(ColorMode.XY)
        if not modes:
            modes.add(ColorMode.BRIGHTNESS if "brightness" in self._members else ColorMode.ONOFF)
        self._attr_supported_color_modes = modes
        if modes != {ColorMode.ONOFF}:
            self._attr_supported_features = LightEntityFeature.TRANSITION

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)

    @property
    def brightness(self) -> int | None:
        level = self._number("brightness")
        return None if level is None else max(1, min(255, round(level * 255 / _MAX_LEVEL)))

    @property
    def color_mode(self) -> ColorMode:
        modes = self._attr_supported_color_modes or {ColorMode.ONOFF}
        current = self._member("color_mode")
        if current == "color_temp" and ColorMode.COLOR_TEMP in modes:
            return ColorMode.COLOR_TEMP
        if current in ("xy", "hs") and ColorMode.XY in modes:
            return ColorMode.XY
        for preferred in (ColorMode.COLOR_TEMP, ColorMode.XY, ColorMode.BRIGHTNESS):
            if preferred in modes:
                return preferred
        return ColorMode.ONOFF

    @property
    def color_temp_kelvin(self) -> int | None:
        mireds = self._number("color_temp")
        return None if not mireds else color_temperature_mired_to_kelvin(mireds)

    @property
    def min_color_temp_kelvin(self) -> int:
        """The warmest: the lamp's largest mireds."""
        mireds = self._number("color_temp_max") or DEFAULT_MAX_MIREDS
        return color_temperature_mired_to_kelvin(mireds)

    @property
    def max_color_temp_kelvin(self) -> int:
        mireds = self._number("color_temp_min") or DEFAULT_MIN_MIREDS
        return color_temperature_mired_to_kelvin(mireds)

    @property
    def xy_color(self) -> tuple[float, float] | None:
        x, y = self._number("color_x"), self._number("color_y")
        return None if x is None or y is None else (x, y)

    async def async_turn_on(self, **kwargs: Any) -> None:
        transition = kwargs.get(ATTR_TRANSITION)
        brightness = kwargs.get(ATTR_BRIGHTNESS)
        if brightness is not None and "brightness" in self._members:
            # Move to Level "with On/Off" turns the light on as it goes
            level = max(1, min(_MAX_LEVEL, round(brightness * _MAX_LEVEL / 255)))
            await self._async_write_member(
                "brightness", {"brightness": level, "transition": transition}
            )
        elif not self.is_on or not (ATTR_COLOR_TEMP_KELVIN in kwargs or ATTR_XY_COLOR in kwargs):
            await self._async_write(True)
        if (
            kelvin := kwargs.get(ATTR_COLOR_TEMP_KELVIN)
        ) is not None and "color_temp" in self._members:
            await self._async_write_member(
                "color_temp",
                {"color_temp": color_temperature_kelvin_to_mired(kelvin), "transition": transition},
            )
        if (xy := kwargs.get(ATTR_XY_COLOR)) is not None and "color_x" in self._members:
            await self._async_write_member(
                "color_x", {"x": xy[0], "y": xy[1], "transition": transition}
            )

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self._async_write(False)
