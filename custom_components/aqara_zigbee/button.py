"""The coordinator's permit-join button; devices' command buttons (identify)."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_PERMIT_JOIN_DURATION, DEFAULT_PERMIT_JOIN_DURATION, DOMAIN
from .descriptions import AqaraButtonEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
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


class AqaraButton(AqaraEntity, ButtonEntity):
    """Sends the expose's command (Identify); an error if the device does not answer."""

    entity_description: AqaraButtonEntityDescription

    def _apply_value(self, value: object) -> None:
        """A command has no state to show."""

    async def async_press(self) -> None:
        # An enum command's one value ("Start Learning"); a plain command takes True
        await self._async_write(self._expose.options[0] if self._expose.options else True)
