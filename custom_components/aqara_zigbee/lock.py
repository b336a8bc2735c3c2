"""Locks: ZCL Door Lock state, locked and unlocked without a PIN."""

from __future__ import annotations

from typing import Any

from homeassistant.components.lock import LockEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .descriptions import AqaraLockEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraLockEntityDescription, AqaraLock
    )


class AqaraLock(AqaraEntity, LockEntity):
    """Locked or not as the lock reports its LockState (the command's answer is not)."""

    entity_description: AqaraLockEntityDescription

    def _apply_value(self, value: object) -> None:
        self._attr_is_locked = None if value is None else value == "locked"

    async def async_lock(self, **kwargs: Any) -> None:
        await self._async_write("LOCK")

    async def async_unlock(self, **kwargs: Any) -> None:
        await self._async_write("UNLOCK")
