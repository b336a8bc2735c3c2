"""Numeric settings (overload_protection)."""

from __future__ import annotations

from homeassistant.components.number import NumberEntity
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .descriptions import AqaraNumberEntityDescription
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry
from .validation import is_number, on_step, quote_input

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraNumberEntityDescription, AqaraNumber
    )


class AqaraNumber(AqaraEntity, NumberEntity):
    """A writable number with the page's range and unit."""

    def _apply_value(self, value: object) -> None:
        self._attr_native_value = float(value) if isinstance(value, int | float) else None

    async def async_set_native_value(self, value: float) -> None:
        # HA checks the range only, and NaN passes every comparison
        if not is_number(value):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_number",
                translation_placeholders={"value": quote_input(value)},
            )
        if not on_step(value, self.native_min_value, self.native_step or 1):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="number_off_step",
                translation_placeholders={
                    "value": quote_input(value),
                    "step": f"{self.native_step or 1:g}",
                },
            )
        await self._async_write(value)
