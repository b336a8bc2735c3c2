"""The coordinator's permit-join button, and devices' commands (identify)."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_PERMIT_JOIN_DURATION, DEFAULT_PERMIT_JOIN_DURATION, DOMAIN
from .descriptions import AqaraButtonEntityDescription
from .devices.handle import WriteFailed
from .entity import AqaraDeviceEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_add_entities([PermitJoinButton(entry.runtime_data)])
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraButtonEntityDescription, AqaraButton
    )


class PermitJoinButton(ButtonEntity):
    """Opens the network for new devices for the configured duration."""

    _attr_has_entity_name = True
    _attr_translation_key = "permit_join"
    _attr_entity_category = EntityCategory.CONFIG

    def __init__(self, gateway: AqaraGateway) -> None:
        self._gateway = gateway
        self._attr_unique_id = f"{gateway.coordinator_ieee}-permit_join"
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, gateway.coordinator_ieee)})

    @property
    def available(self) -> bool:
        return self._gateway.connected

    async def async_press(self) -> None:
        duration = int(
            self._gateway.entry.options.get(CONF_PERMIT_JOIN_DURATION, DEFAULT_PERMIT_JOIN_DURATION)
        )
        await self._gateway.async_permit_join(duration)


class AqaraButton(AqaraDeviceEntity, ButtonEntity):
    """A device command of the page (identify): pressed, it is sent; no state to follow."""

    entity_description: AqaraButtonEntityDescription

    def __init__(
        self, gateway: AqaraGateway, ieee: str, description: AqaraButtonEntityDescription
    ) -> None:
        super().__init__(gateway, ieee)
        self.entity_description = description
        self._attr_unique_id = f"{ieee}-{description.key}"

    async def async_press(self) -> None:
        handle = self._gateway.handles.get(self._ieee)
        if handle is None or not self.available:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
        try:
            await handle.async_write(self.entity_description.key, None)
        except WriteFailed as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="write_failed",
                translation_placeholders={"entity": self.entity_id, "error": exc.reason},
            ) from exc
