"""Thermostats: ZCL Thermostat's system mode, local temperature and set points."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Final

from homeassistant.components.climate import ClimateEntity
from homeassistant.components.climate.const import (
    ATTR_HVAC_MODE,
    ATTR_TARGET_TEMP_HIGH,
    ATTR_TARGET_TEMP_LOW,
    ClimateEntityFeature,
    HVACAction,
    HVACMode,
)
from homeassistant.const import ATTR_TEMPERATURE, UnitOfTemperature
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .descriptions import AqaraClimateEntityDescription
from .devices.handle import ReadFailed
from .devices.model import (
    OPTION_MAX_TARGET_TEMP,
    OPTION_MIN_TARGET_TEMP,
    AttributeSource,
    Expose,
)
from .entity import AqaraCompositeEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1

#: ZCL system modes Home Assistant has a mode for (auto keeps between both set points)
HVAC_MODES: Final = MappingProxyType(
    {
        "off": HVACMode.OFF,
        "heat": HVACMode.HEAT,
        "cool": HVACMode.COOL,
        "auto": HVACMode.HEAT_COOL,
        "fan_only": HVACMode.FAN_ONLY,
        "dry": HVACMode.DRY,
    }
)
_SYSTEM_MODES: Final = MappingProxyType({mode: system for system, mode in HVAC_MODES.items()})
HVAC_ACTIONS: Final = MappingProxyType(
    {
        "idle": HVACAction.IDLE,
        "heat": HVACAction.HEATING,
        "cool": HVACAction.COOLING,
        "fan_only": HVACAction.FAN,
    }
)
_HEATING: Final = "occupied_heating_setpoint"
_COOLING: Final = "occupied_cooling_setpoint"
#: a fan speed the thermostat keeps with its state (the W100's), not a fan of its own
_FAN_MODE: Final = "fan_mode"


def _routes(expose: Expose) -> set[tuple[int, int, int]]:
    """The attributes an expose is read from (a W100's values share one)."""
    return {
        (source.endpoint, source.cluster, source.attribute)
        for source in expose.sources
        if isinstance(source, AttributeSource) and source.readable
    }


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraClimateEntityDescription, AqaraClimate
    )


class AqaraClimate(AqaraCompositeEntity, ClimateEntity):
    """A thermostat; mode and set points show what the device confirmed."""

    entity_description: AqaraClimateEntityDescription
    _attr_temperature_unit = UnitOfTemperature.CELSIUS

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraClimateEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        self._attr_hvac_modes = [
            HVAC_MODES[mode] for mode in self._expose.options if mode in HVAC_MODES
        ]
        features = ClimateEntityFeature.TURN_OFF | ClimateEntityFeature.TURN_ON
        if _HEATING in self._members or _COOLING in self._members:
            features |= ClimateEntityFeature.TARGET_TEMPERATURE
        if _HEATING in self._members and _COOLING in self._members:
            features |= ClimateEntityFeature.TARGET_TEMPERATURE_RANGE
        fan = self._members.get(_FAN_MODE)
        if fan is not None:
            features |= ClimateEntityFeature.FAN_MODE
            self._attr_fan_modes = list(fan.options)
        self._attr_supported_features = features
        setpoint = self._members.get(_HEATING) or self._members.get(_COOLING)
        self._limits_of = "heat" if _HEATING in self._members else "cool"
        if setpoint is not None:
            if setpoint.native_min is not None:
                self._attr_min_temp = setpoint.native_min
            if setpoint.native_max is not None:
                self._attr_max_temp = setpoint.native_max
            self._attr_target_temperature_step = setpoint.native_step
        self._system_mode: str | None = None

    def _apply_value(self, value: object) -> None:
        self._system_mode = value if isinstance(value, str) else None

    @property
    def hvac_mode(self) -> HVACMode | None:
        return HVAC_MODES.get(self._system_mode or "")

    @property
    def hvac_action(self) -> HVACAction | None:
        if self._system_mode == "off":
            return HVACAction.OFF
        running = self._member("running_state")
        return HVAC_ACTIONS.get(running) if isinstance(running, str) else None

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self._async_follow_device_options(self._async_options_changed)

    @callback
    def _async_options_changed(self) -> None:
        self.async_write_ha_state()  # the target range options may have changed

    def _option(self, key: str) -> float | None:
        handle = self._gateway.handles.get(self._ieee)
        return handle.options.numbers.get(key) if handle is not None else None

    @property
    def min_temp(self) -> float:
        """The device's own lower limit once read, else the user's (min_target_temp), else
        the definition's range."""
        limit = self._number(f"min_{self._limits_of}_setpoint_limit")
        if limit is None:
            limit = self._option(OPTION_MIN_TARGET_TEMP)
        return limit if limit is not None else super().min_temp

    @property
    def max_temp(self) -> float:
        limit = self._number(f"max_{self._limits_of}_setpoint_limit")
        if limit is None:
            limit = self._option(OPTION_MAX_TARGET_TEMP)
        return limit if limit is not None else super().max_temp

    @property
    def current_temperature(self) -> float | None:
        return self._number("local_temperature")

    @property
    def fan_mode(self) -> str | None:
        mode = self._member(_FAN_MODE)
        return mode if isinstance(mode, str) else None

    async def async_set_fan_mode(self, fan_mode: str) -> None:
        await self._async_write_member(_FAN_MODE, fan_mode)

    async def async_update(self) -> None:
        """Read the mode, then the members the device answers that the mode's read did
        not bring (a thermostat's temperature may live on another cluster)."""
        await super().async_update()
        handle = self._gateway.handles.get(self._ieee)
        read = _routes(self._expose)
        others = [
            member.key
            for member in self._members.values()
            if member.readable and not member.assumed and not _routes(member) <= read
        ]
        if handle is None or not others:
            return
        try:
            await handle.async_read(others)
        except ReadFailed as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="read_failed",
                translation_placeholders={"entity": self.entity_id, "error": exc.reason},
            ) from exc

    def _setpoint_role(self) -> str:
        """The set point the current mode keeps (cooling only when cooling)."""
        if (self._system_mode == "cool" and _COOLING in self._members) or (
            _HEATING not in self._members
        ):
            return _COOLING
        return _HEATING

    @property
    def target_temperature(self) -> float | None:
        # Auto keeps between both set points, where there are two
        if self._system_mode == "auto" and (
            ClimateEntityFeature.TARGET_TEMPERATURE_RANGE in self._attr_supported_features
        ):
            return None
        return self._number(self._setpoint_role())

    @property
    def target_temperature_low(self) -> float | None:
        return self._number(_HEATING)

    @property
    def target_temperature_high(self) -> float | None:
        return self._number(_COOLING)

    async def async_set_hvac_mode(self, hvac_mode: HVACMode) -> None:
        await self._async_write(_SYSTEM_MODES[hvac_mode])

    async def async_turn_on(self) -> None:
        mode = next((m for m in self._attr_hvac_modes if m is not HVACMode.OFF), None)
        if mode is not None:
            await self.async_set_hvac_mode(mode)

    async def async_turn_off(self) -> None:
        await self.async_set_hvac_mode(HVACMode.OFF)

    async def async_set_temperature(self, **kwargs: Any) -> None:
        if (mode := kwargs.get(ATTR_HVAC_MODE)) is not None:
            await self.async_set_hvac_mode(mode)
        if (temperature := kwargs.get(ATTR_TEMPERATURE)) is not None:
            await self._async_write_member(self._setpoint_role(), float(temperature))
        if (low := kwargs.get(ATTR_TARGET_TEMP_LOW)) is not None and _HEATING in self._members:
            await self._async_write_member(_HEATING, float(low))
        if (high := kwargs.get(ATTR_TARGET_TEMP_HIGH)) is not None and _COOLING in self._members:
            await self._async_write_member(_COOLING, float(high))
