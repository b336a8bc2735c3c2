"""Measurements: power, energy, voltage, current, temperatures, counters, link quality."""

from __future__ import annotations

from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN, RestoreSensor
from homeassistant.const import MAX_LENGTH_STATE_STATE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_platform, entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import SIGNAL_DEVICE_OPTIONS
from .descriptions import AqaraSensorEntityDescription, sensor_description
from .entity import AqaraEntity, async_setup_expose_entities
from .features import LINKQUALITY
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 0
#: the whole of a text sensor's value longer than a state may be
ATTR_FULL_TEXT = "full_text"


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
        return [AqaraSensor(gateway, ieee, sensor_description(LINKQUALITY))]

    async_setup_expose_entities(
        hass,
        entry,
        async_add_entities,
        AqaraSensorEntityDescription,
        AqaraSensor,
        extra=link_quality_for_unknown,
    )
    platform = entity_platform.async_get_current_platform()

    @callback
    def options_changed() -> None:
        # One listener for the platform's sensors rather than one each (several per device)
        for entity in list(platform.entities.values()):
            if isinstance(entity, AqaraSensor):
                entity.async_options_changed()

    entry.async_on_unload(
        async_dispatcher_connect(
            hass, SIGNAL_DEVICE_OPTIONS.format(entry.entry_id), options_changed
        )
    )


class AqaraSensor(AqaraEntity, RestoreSensor):
    """A reported measurement; the last value is restored across restarts."""

    entity_description: AqaraSensorEntityDescription

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraSensorEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        self._attr_suggested_display_precision = self._display_precision()

    def _display_precision(self) -> int | None:
        """The configured ``<key>_precision`` option, else the description's suggestion."""
        handle = self._gateway.handles.get(self._ieee)
        configured = handle.options.precisions.get(self._expose.measurement_key) if handle else None
        if configured is not None:
            return configured
        return self.entity_description.suggested_display_precision

    async def _async_last_value(self) -> object | None:
        if self._expose.kind == "text":
            # a text too long for a state was kept whole in an attribute
            state = await self.async_get_last_state()
            whole = state.attributes.get(ATTR_FULL_TEXT) if state is not None else None
            if isinstance(whole, str):
                return whole
        last = await self.async_get_last_sensor_data()
        return None if last is None else last.native_value

    def _apply_value(self, value: object) -> None:
        if isinstance(value, str) and self._expose.kind == "text":
            # a text the device sent or confirmed (no options); a state holds 255 characters,
            # a longer text (the FP1's regions) is cut there and shown whole in an attribute
            self._attr_native_value = value
            self._attr_extra_state_attributes = {}
            if len(value) > MAX_LENGTH_STATE_STATE:
                self._attr_native_value = value[: MAX_LENGTH_STATE_STATE - 1] + "…"
                self._attr_extra_state_attributes = {ATTR_FULL_TEXT: value}
            return
        if isinstance(value, str):
            # an enum sensor's state is one of its options
            options = self.entity_description.options or ()
            self._attr_native_value = value if value in options else None
            return
        self._attr_native_value = value if isinstance(value, int | float) else None

    @callback
    def async_options_changed(self) -> None:
        """The entry's device options changed (the platform calls, for all its sensors)."""
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
