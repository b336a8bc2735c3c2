"""Base entity: one expose of one device, fed by the gateway's subscriptions."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN, SIGNAL_DEVICE_OPTIONS, SIGNAL_NEW_DEVICE
from .devices.handle import ReadFailed, WriteFailed
from .devices.model import Expose, Platform
from .gateway import AqaraConfigEntry, AqaraGateway

# The expose that is the device's main function is named after the device itself.
PRIMARY_KEYS = frozenset({"state"})


class AqaraEntity(Entity):
    """An entity for one Zigbee2MQTT expose of one device."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        self._gateway = gateway
        self._ieee = ieee
        self._expose = expose
        self._attr_unique_id = f"{ieee}-{expose.key}"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, ieee)})
        self._attr_entity_registry_enabled_default = expose.enabled_by_default
        if expose.entity_category is not None:
            self._attr_entity_category = EntityCategory(expose.entity_category)
        if expose.key in PRIMARY_KEYS:
            self._attr_name = None
        else:
            self._attr_translation_key = expose.translation_key or expose.key
            self._attr_translation_placeholders = dict(expose.translation_placeholders)

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(
            self._gateway.subscribe(self._ieee, self._expose.key, self._async_on_value)
        )
        self.async_on_remove(
            self._gateway.subscribe_availability(self._ieee, self._async_on_availability)
        )
        value = self._gateway.current_value(self._ieee, self._expose.key)
        if value is not None:
            self._apply_value(value)

    @callback
    def _async_follow_device_options(self, on_change: Callable[[], None]) -> None:
        """Call ``on_change`` whenever the entry's device options change (while added)."""
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass, SIGNAL_DEVICE_OPTIONS.format(self._gateway.entry.entry_id), on_change
            )
        )

    @property
    def available(self) -> bool:
        return self._gateway.is_available(self._ieee)

    @callback
    def _async_on_value(self, value: object) -> None:
        self._apply_value(value)
        self.async_write_ha_state()

    @callback
    def _async_on_availability(self) -> None:
        self.async_write_ha_state()

    def _apply_value(self, value: object) -> None:
        """Store a value the device confirmed (platforms override)."""
        raise NotImplementedError

    async def async_update(self) -> None:
        """Read the value from the device (``homeassistant.update_entity``)."""
        if not self._expose.readable:
            return
        handle = self._gateway.handles.get(self._ieee)
        if handle is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
        try:
            await handle.async_read([self._expose.key])
        except ReadFailed as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="read_failed",
                translation_placeholders={"entity": self.entity_id, "error": exc.reason},
            ) from exc

    async def _async_write(self, value: object) -> None:
        """Send a value; the state follows only when the device confirms it."""
        handle = self._gateway.handles.get(self._ieee)
        if handle is None or not self.available:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
        try:
            await handle.async_write(self._expose.key, value)
        except WriteFailed as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="write_failed",
                translation_placeholders={"entity": self.entity_id, "error": exc.reason},
            ) from exc


def async_setup_expose_entities(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    platform: Platform,
    *,
    factory: Callable[[AqaraGateway, str, Expose], Entity],
    extra: Callable[[AqaraGateway, str], Iterable[Entity]] | None = None,
) -> None:
    """Add entities for every device's exposes of ``platform``, now and as devices join."""
    gateway = entry.runtime_data
    added: set[str] = set()

    @callback
    def add_device(ieee: object) -> None:
        key = str(ieee)
        handle = gateway.handles.get(key)
        if handle is None or key in added:
            return
        added.add(key)
        entities = [
            factory(gateway, key, expose)
            for expose in handle.exposes
            if expose.platform == platform
        ]
        if extra is not None:
            entities.extend(extra(gateway, key))
        if entities:
            async_add_entities(entities)

    @callback
    def forget_device(ieee: object) -> None:
        added.discard(str(ieee))

    for ieee in list(gateway.handles):
        add_device(ieee)
    entry.async_on_unload(
        async_dispatcher_connect(hass, SIGNAL_NEW_DEVICE.format(entry.entry_id), add_device)
    )
    entry.async_on_unload(gateway.on_device_forgotten(forget_device))
