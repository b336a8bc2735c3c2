"""Measurements: power, energy, voltage, current, temperatures, counters, link quality."""

from __future__ import annotations

from homeassistant.components.sensor import (
    DOMAIN as SENSOR_DOMAIN,
    RestoreSensor,
    SensorDeviceClass,
    SensorStateClass,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .devices.model import Expose, Platform
from .entity import AqaraEntity, async_setup_expose_entities
from .features import LINKQUALITY
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    def link_quality_for_unknown(gateway: AqaraGateway, ieee: str) -> list[AqaraSensor]:
        # Devices without a definition still show how well they are heard.
        handle = gateway.handles[ieee]
        if any(expose.key == LINKQUALITY.key for expose in handle.exposes):
            return []
        return [AqaraSensor(gateway, ieee, LINKQUALITY)]

    async_setup_expose_entities(
        hass,
        entry,
        async_add_entities,
        Platform.SENSOR,
        factory=AqaraSensor,
        extra=link_quality_for_unknown,
    )


class AqaraSensor(AqaraEntity, RestoreSensor):
    """A reported measurement; the last value is restored across restarts."""

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        self._attr_native_unit_of_measurement = expose.unit
        if expose.device_class is not None:
            self._attr_device_class = SensorDeviceClass(expose.device_class)
        if expose.state_class is not None:
            self._attr_state_class = SensorStateClass(expose.state_class)
        self._attr_suggested_display_precision = self._display_precision()

    def _display_precision(self) -> int | None:
        """The configured ``<key>_precision`` option, else the expose's own suggestion."""
        handle = self._gateway.handles.get(self._ieee)
        configured = handle.options.precisions.get(self._expose.key) if handle else None
        return configured if configured is not None else self._expose.suggested_display_precision

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self._async_follow_device_options(self._async_options_changed)
        if self._attr_native_value is None and (last := await self.async_get_last_sensor_data()):
            self._attr_native_value = last.native_value

    def _apply_value(self, value: object) -> None:
        self._attr_native_value = value if isinstance(value, int | float) else None

    @callback
    def _async_options_changed(self) -> None:
        precision = self._display_precision()
        if precision == self.suggested_display_precision:
            return
        self._attr_suggested_display_precision = precision
        if self.registry_entry is None:
            return
        # HA copies the suggestion into the entity registry (what the frontend shows) only at
        # registration and on registry updates; the update re-derives it from the property
        # above, unit conversions included. A user's own display_precision still wins.
        sensor_options = dict(self.registry_entry.options.get(SENSOR_DOMAIN, {}))
        sensor_options.pop("suggested_display_precision", None)
        if precision is not None:
            sensor_options["suggested_display_precision"] = precision
        er.async_get(self.hass).async_update_entity_options(
            self.entity_id, SENSOR_DOMAIN, sensor_options or None
        )
