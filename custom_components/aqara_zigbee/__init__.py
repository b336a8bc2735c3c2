"""Aqara Zigbee: a Zigbee coordinator integration for Xiaomi/Aqara devices."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .const import (
    CONF_DEVICE,
    CONF_DEVICE_OPTIONS,
    CONF_SIMULATION_SPEED,
    DEFAULT_SIMULATION_SPEED,
    DOMAIN,
    LOGGER,
)
from .devices import async_load_definitions
from .gateway import AqaraConfigEntry, AqaraGateway
from .migrate.takeover import async_apply_imported_names
from .network_storage import remove_entry_storage
from .services import (
    async_setup_services,
    async_setup_simulate_service,
    async_unload_simulate_service,
)
from .validation import quote_input, sanitize_device_options, sanitize_network_options

PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CLIMATE,
    Platform.COVER,
    Platform.EVENT,
    Platform.FAN,
    Platform.LIGHT,
    Platform.LOCK,
    Platform.NUMBER,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TIME,
    Platform.UPDATE,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the integration's actions (they validate their target entry themselves)."""
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AqaraConfigEntry) -> bool:
    """Start the radio and the platforms."""
    _async_repair_options(hass, entry)
    # Before the radio starts: zigpy resolves the devices of its database while it starts,
    # in the event loop, where discovering definitions (imports, a listing) would block
    await async_load_definitions(hass.async_add_import_executor_job)
    gateway = AqaraGateway(hass, entry)
    try:
        await gateway.async_start()
    except BaseException:
        await gateway.async_stop()
        raise
    entry.runtime_data = gateway
    started_with = entry.data.get(CONF_DEVICE)

    async def _async_entry_updated(hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
        if entry.data.get(CONF_DEVICE) != started_with:
            # A new port or address: only a fresh start uses it (HA asks update listeners
            # to schedule the reload rather than flows reloading entries that have one).
            hass.config_entries.async_schedule_reload(entry.entry_id)
            return
        _async_apply_options(entry)

    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    # A network taken over from ZHA or Zigbee2MQTT: its names, now that the devices exist
    async_apply_imported_names(hass, entry)
    if gateway.simulator is not None:
        async_setup_simulate_service(hass)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AqaraConfigEntry) -> bool:
    """Stop the platforms, close permit join and release the radio."""
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unloaded:
        if entry.runtime_data.simulator is not None:
            async_unload_simulate_service(hass, entry)
        await entry.runtime_data.async_stop()
    return unloaded


async def async_remove_entry(hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
    """Delete the zigpy database and network backups of a removed entry."""
    await remove_entry_storage(hass, entry)


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: AqaraConfigEntry, device_entry: dr.DeviceEntry
) -> bool:
    """Removing a device in the UI makes it leave the network (not the coordinator)."""
    gateway = entry.runtime_data
    for domain, ieee in device_entry.identifiers:
        if domain != DOMAIN:
            continue
        if ieee == gateway.coordinator_ieee:
            return False
        if ieee in gateway.handles or gateway.zigpy_device(ieee) is not None:
            await gateway.async_remove_device(ieee)
    return True


def _async_repair_options(hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
    """Replace saved network options that are not usable numbers by their defaults, and
    drop saved device options the options form would refuse."""
    options, replaced = sanitize_network_options(entry.options)
    for key in replaced:
        LOGGER.warning(
            "Saved option %s (%s) is not a usable number; using the default %s",
            key,
            quote_input(entry.options[key]),
            options[key],
        )
    dropped: list[str] = []
    if CONF_DEVICE_OPTIONS in options:
        options[CONF_DEVICE_OPTIONS], dropped = sanitize_device_options(
            options[CONF_DEVICE_OPTIONS]
        )
    for what in dropped:
        LOGGER.warning("Saved device option %s is not valid; it is dropped", quote_input(what))
    if replaced or dropped:
        hass.config_entries.async_update_entry(entry, options=options)


def _async_apply_options(entry: AqaraConfigEntry) -> None:
    gateway = entry.runtime_data
    gateway.apply_options()
    if gateway.simulator is not None:
        # Live: the simulated clock re-anchors, so time never jumps.
        gateway.simulator.clock.speed = float(
            entry.options.get(CONF_SIMULATION_SPEED, DEFAULT_SIMULATION_SPEED)
        )
