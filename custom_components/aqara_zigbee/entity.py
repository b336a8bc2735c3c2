"""Base entities: a device's own (available while it is), and one expose of a device."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, partial

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.restore_state import RestoreEntity

from .const import DOMAIN, SIGNAL_DEVICE_OPTIONS, SIGNAL_NEW_DEVICE
from .descriptions import AqaraEntityDescription, describe
from .devices.handle import ReadFailed, WriteFailed, WritePending
from .devices.model import Expose
from .gateway import AqaraConfigEntry, AqaraGateway


@cache
def _options_signal(entry_id: str) -> str:
    """The entry's device-options signal: one string, not one per entity that follows it
    (the dispatcher keeps it with each connection)."""
    return SIGNAL_DEVICE_OPTIONS.format(entry_id)


class AqaraDeviceEntity(Entity):
    """An entity of one joined device, available while the device is."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, gateway: AqaraGateway, ieee: str) -> None:
        self._gateway = gateway
        self._ieee = ieee

    @property
    def device_info(self) -> DeviceInfo:
        # Made when Home Assistant asks (when the entity is added), not kept by each entity
        return DeviceInfo(identifiers={(DOMAIN, self._ieee)})

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        # The entity itself subscribes (no bound method kept); ended in
        # async_will_remove_from_hass (no unsubscribe object kept)
        self._gateway.availability.add_subscriber(self._ieee, self)

    async def async_will_remove_from_hass(self) -> None:
        await super().async_will_remove_from_hass()
        self._gateway.availability.remove_subscriber(self._ieee, self)

    @property
    def available(self) -> bool:
        return self._gateway.is_available(self._ieee)

    @callback
    def async_on_availability(self) -> None:
        """The device's availability may have changed (the availability tracker calls)."""
        self.async_write_ha_state()


class AqaraEntity(AqaraDeviceEntity):
    """The entity of one Zigbee2MQTT expose of one device, shaped by its description."""

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraEntityDescription
    ) -> None:
        super().__init__(gateway, ieee)
        self.entity_description = description
        self._expose = description.expose

    @property
    def unique_id(self) -> str:
        # Asked for only while the entity is added (the registry keeps its own copy)
        return f"{self._ieee}-{self.entity_description.key}"

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        # Looked up before subscribing: no value can arrive between the subscription and
        # the first state, so a restored value never hides a newer one
        restored = await self._async_last_value()
        self._gateway.value_bus.add_subscriber(self._ieee, self._expose.key, self)
        value = self._gateway.current_value(self._ieee, self._expose.key)
        if value is None:
            # Until the device answers the read at start-up (or ever, for what it cannot be
            # asked about), the last confirmed value is shown
            value = restored
            handle = self._gateway.handles.get(self._ieee)
            if restored is not None and handle is not None:
                handle.restore_assumed(self._expose.key, restored)
        if value is not None:
            self._apply_value(value)

    async def async_will_remove_from_hass(self) -> None:
        await super().async_will_remove_from_hass()
        self._gateway.value_bus.remove_subscriber(self._ieee, self._expose.key, self)

    async def _async_last_value(self) -> object | None:
        """The value confirmed before the last restart (platforms that keep one override)."""
        return None

    @callback
    def _async_follow_device_options(self, on_change: Callable[[], None]) -> None:
        """Call ``on_change`` whenever the entry's device options change (while added)."""
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass, _options_signal(self._gateway.entry.entry_id), on_change
            )
        )

    @callback
    def async_on_value(self, value: object) -> None:
        """A new value the device confirmed (the value bus calls)."""
        self._apply_value(value)
        self.async_write_ha_state()

    def _apply_value(self, value: object) -> None:
        """Store a value the device confirmed (platforms override)."""
        raise NotImplementedError

    async def async_update(self) -> None:
        """Read the value from the device (``homeassistant.update_entity``).

        An assumed setting is not asked for: the device would answer nothing, its state is
        the last confirmed write.
        """
        if not self._expose.readable or self._expose.assumed:
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

    async def _async_write(self, value: object, key: str | None = None) -> None:
        """Send a value (of ``key``, a member; default the entity's own expose); the state
        follows only when the device confirms it."""
        handle = self._gateway.handles.get(self._ieee)
        if handle is None or not self.available:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
        try:
            await handle.async_write(key or self._expose.key, value)
        except WritePending as exc:
            # Battery devices sleep: the change is kept and sent when the device next talks
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="write_pending",
                translation_placeholders={"entity": self.entity_id},
            ) from exc
        except WriteFailed as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="write_failed",
                translation_placeholders={"entity": self.entity_id, "error": exc.reason},
            ) from exc


class AqaraOnOffEntity(AqaraEntity, RestoreEntity):
    """A switch or binary sensor: the on/off value, kept across restarts."""

    _attr_is_on: bool | None  # declared, not set: the platform's class owns the attribute

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)

    async def _async_last_value(self) -> object | None:
        last = await self.async_get_last_state()
        if last is None or last.state not in (STATE_ON, STATE_OFF):
            return None
        return last.state == STATE_ON


class AqaraCompositeEntity(AqaraEntity):
    """The entity of a composite expose (a light's ``state``) and of its members
    (brightness, colour temperature...), each followed as the device confirms it.

    Members are known by their role: their key without the endpoint suffix the composite
    carries (``brightness_2`` of ``state_2`` is ``brightness``).
    """

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraEntityDescription
    ) -> None:
        super().__init__(gateway, ieee, description)
        handle = gateway.handles.get(ieee)
        definition = handle.definition if handle is not None else None
        members = definition.members(self._expose.key) if definition is not None else ()
        label = self._expose.translation_placeholders.get("endpoint")
        suffix = f"_{label}" if label else ""
        #: role → member expose
        self._members: dict[str, Expose] = {
            member.key.removesuffix(suffix) if suffix else member.key: member for member in members
        }
        self._member_values: dict[str, object] = {}

    async def async_added_to_hass(self) -> None:
        for role, member in self._members.items():
            self.async_on_remove(
                self._gateway.subscribe(
                    self._ieee, member.key, partial(self._async_on_member, role)
                )
            )
            value = self._gateway.current_value(self._ieee, member.key)
            if value is not None:
                self._member_values[role] = value
        await super().async_added_to_hass()

    @callback
    def _async_on_member(self, role: str, value: object) -> None:
        self._member_values[role] = value
        self.async_write_ha_state()

    def _member(self, role: str) -> object:
        return self._member_values.get(role)

    def _number(self, role: str) -> float | None:
        value = self._member_values.get(role)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return float(value)

    async def _async_write_member(self, role: str, value: object) -> None:
        await self._async_write(value, self._members[role].key)


def async_setup_expose_entities[D: AqaraEntityDescription](
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    description_type: type[D],
    factory: Callable[[AqaraGateway, str, D], Entity],
    *,
    extra: Callable[[AqaraGateway, str], Iterable[Entity]] | None = None,
) -> None:
    """Add an entity for every device's exposes described by ``description_type`` (the
    platform's own description class), now and as devices join."""
    gateway = entry.runtime_data

    @callback
    def add_device(ieee: object) -> None:
        handle = gateway.handles.get(str(ieee))
        if handle is None or not gateway.claim_entities(handle.ieee, description_type):
            return
        # The handle's own string: every entity of the device shares it
        key = handle.ieee
        entities = [
            factory(gateway, key, description)
            for expose in handle.exposes
            # A member shows in its composite's entity (a light's brightness)
            if expose.member_of is None
            and isinstance(description := describe(expose), description_type)
        ]
        if extra is not None:
            entities.extend(extra(gateway, key))
        if entities:
            async_add_entities(entities)

    for ieee in list(gateway.handles):
        add_device(ieee)
    entry.async_on_unload(
        async_dispatcher_connect(hass, SIGNAL_NEW_DEVICE.format(entry.entry_id), add_device)
    )
