"""Integration actions: permit_join (and simulate, for simulated networks)."""

from __future__ import annotations

import re

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
import probatio as vol

from .const import DEFAULT_PERMIT_JOIN_DURATION, DOMAIN, MAX_PERMIT_JOIN_DURATION
from .gateway import AqaraConfigEntry

SERVICE_PERMIT_JOIN = "permit_join"
ATTR_CONFIG_ENTRY_ID = "config_entry_id"
ATTR_DURATION = "duration"
ATTR_IEEE = "ieee"

IEEE_PATTERN = r"^([0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}$"

PERMIT_JOIN_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
        # Ranges are checked in the handler so the user gets a translated message.
        vol.Optional(ATTR_DURATION, default=DEFAULT_PERMIT_JOIN_DURATION): vol.Coerce(int),
        vol.Optional(ATTR_IEEE): cv.string,
    }
)


def target_entry(hass: HomeAssistant, call: ServiceCall) -> AqaraConfigEntry:
    """The loaded entry an action is for: the one named, or the only one there is."""
    entry_id = call.data.get(ATTR_CONFIG_ENTRY_ID)
    loaded: list[AqaraConfigEntry] = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]
    if entry_id is not None:
        loaded = [entry for entry in loaded if entry.entry_id == entry_id]
    if len(loaded) == 1:
        return loaded[0]
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="entry_not_loaded" if not loaded else "entry_ambiguous",
    )


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    async def permit_join(call: ServiceCall) -> None:
        duration: int = call.data[ATTR_DURATION]
        ieee: str | None = call.data.get(ATTR_IEEE)
        if not 1 <= duration <= MAX_PERMIT_JOIN_DURATION:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_duration",
                translation_placeholders={"max": str(MAX_PERMIT_JOIN_DURATION)},
            )
        if ieee is not None and not re.fullmatch(IEEE_PATTERN, ieee):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_ieee",
                translation_placeholders={"ieee": ieee},
            )
        entry = target_entry(hass, call)
        await entry.runtime_data.async_permit_join(duration, ieee.lower() if ieee else None)

    hass.services.async_register(
        DOMAIN, SERVICE_PERMIT_JOIN, permit_join, schema=PERMIT_JOIN_SCHEMA
    )
