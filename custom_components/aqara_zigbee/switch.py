"""Relays and configuration toggles."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.components.switch.const import SwitchDeviceClass
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.restore_state import RestoreEntity

from .devices.model import Expose, Platform
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, Platform.SWITCH, factory=AqaraSwitch
    )


class AqaraSwitch(AqaraEntity, SwitchEntity, RestoreEntity):
    """A relay (state, state_top, state_bottom) or a config toggle.

    Until the device answers the read at start-up, the last confirmed value is shown; a
    toggle the device cannot be asked about (``auto_off`` is write-only, lumi.plug's
    power_outage_memory reads back nothing) keeps it across restarts.
    """

    def __init__(self, gateway: AqaraGateway, ieee: str, expose: Expose) -> None:
        super().__init__(gateway, ieee, expose)
        if expose.device_class is not None:
            self._attr_device_class = SwitchDeviceClass(expose.device_class)

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        last = await self.async_get_last_state()
        if self._attr_is_on is None and last is not None and last.state in (STATE_ON, STATE_OFF):
            self._attr_is_on = last.state == STATE_ON

    def _apply_value(self, value: object) -> None:
        self._attr_is_on = bool(value)

    async def async_turn_on(self, **kwargs: Any) -> None:
        await self._async_write(True)

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self._async_write(False)
