"""Keeps Home Assistant's device registry true to the Zigbee network.

The coordinator is the hub; every device hangs off it, named after its definition (or after
what it says about itself, cleaned: that text is untrusted), with its firmware build.
"""

from __future__ import annotations

import contextlib
from unicodedata import category

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import zigpy.application
import zigpy.device
import zigpy.zcl

from .const import DOMAIN, LOGGER, RadioType
from .devices.model import Definition
from .lumi.const import BASIC

#: longest text taken from a device for the device registry
MAX_DEVICE_TEXT = 64
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


class DeviceRegistrySync:
    """The registry entries of one config entry's coordinator and devices."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        self._hass = hass
        self._entry = entry

    def register_coordinator(
        self,
        app: zigpy.application.ControllerApplication,
        radio_type: RadioType,
        coordinator_ieee: str,
        *,
        library_radio: RadioType = RadioType.ZNP,
    ) -> None:
        if radio_type is RadioType.SIMULATED:
            kind = "EmberZNet" if library_radio is RadioType.EZSP else "Z-Stack"
            manufacturer, model = "Aqara Zigbee", f"Simulated {kind} coordinator"
        elif radio_type is RadioType.EZSP:
            manufacturer, model = "Silicon Labs", "EZSP coordinator"
        else:
            manufacturer, model = "Texas Instruments", "Z-Stack coordinator"
        dr.async_get(self._hass).async_get_or_create(
            config_entry_id=self._entry.entry_id,
            identifiers={(DOMAIN, coordinator_ieee)},
            connections={(dr.CONNECTION_ZIGBEE, coordinator_ieee)},
            manufacturer=manufacturer,
            model=model,
            name="Zigbee coordinator",
            sw_version=str(app.state.node_info.version or "") or None,
        )

    def register_device(
        self, device: zigpy.device.Device, definition: Definition | None, coordinator_ieee: str
    ) -> None:
        ieee = str(device.ieee)
        registry = dr.async_get(self._hass)
        coordinator = registry.async_get_device_by_identifier(
            (DOMAIN, coordinator_ieee), self._entry.entry_id
        )
        registry.async_get_or_create(
            config_entry_id=self._entry.entry_id,
            identifiers={(DOMAIN, ieee)},
            connections={(dr.CONNECTION_ZIGBEE, ieee)},
            # What a device says about itself is untrusted text: no control or bidi
            # characters, bounded length
            manufacturer=_clean(
                definition.vendor
                if definition and not definition.generated
                else device.manufacturer
            ),
            model=_model_label(device, definition),
            model_id=_clean(device.model),
            name=(
                f"{definition.vendor} {definition.model}"
                if definition and not definition.generated
                else _clean(
                    f"{_clean(device.manufacturer) or 'Zigbee'} {_clean(device.model) or ieee}"
                )
            ),
            sw_version=_clean(_sw_version(device)),
            via_device_id=coordinator.id if coordinator is not None else None,
        )

    async def async_read_sw_version(self, device: zigpy.device.Device) -> None:
        """Fill the registry's firmware version: zigpy's interview does not read it."""
        if _sw_version(device) is None and (basic := _basic_cluster(device)) is not None:
            try:
                await basic.read_attributes(["sw_build_id", "app_version"], allow_cache=False)
            except Exception:  # a sleeping device answers later, with its next heartbeat
                LOGGER.debug("Reading the firmware version of %s failed", device.ieee)
        version = _clean(_sw_version(device))
        registry = dr.async_get(self._hass)
        entry = registry.async_get_device_by_identifier(
            (DOMAIN, str(device.ieee)), self._entry.entry_id
        )
        if version is not None and entry is not None and entry.sw_version != version:
            registry.async_update_device(entry.id, sw_version=version)

    def remove_device(self, ieee: str) -> None:
        """The device left the network: it leaves this entry's devices too."""
        registry = dr.async_get(self._hass)
        if device_entry := registry.async_get_device_by_identifier(
            (DOMAIN, ieee), self._entry.entry_id
        ):
            registry.async_update_device(
                device_entry.id, remove_config_entry_id=self._entry.entry_id
            )


#: the device page's model line says when the entities come from the device's clusters
GENERATED_SUFFIX = " (generated definition)"


def _model_label(device: zigpy.device.Device, definition: Definition | None) -> str | None:
    if definition is None:
        return _clean(device.model)
    if definition.generated:
        model = _clean(device.model) or "Zigbee device"
        return f"{model[: MAX_DEVICE_TEXT - len(GENERATED_SUFFIX)]}{GENERATED_SUFFIX}"
    return _clean(definition.model)


def _clean(text: object) -> str | None:
    """Device-supplied text fit for the UI: printable, single spaced, bounded; None if empty."""
    if text is None:
        return None
    printable = "".join(
        char for char in str(text)[: 4 * MAX_DEVICE_TEXT] if category(char) not in _UNPRINTABLE
    )
    cleaned = " ".join(printable.split())
    if len(cleaned) > MAX_DEVICE_TEXT:
        cleaned = cleaned[: MAX_DEVICE_TEXT - 1] + "…"
    return cleaned or None


def _basic_cluster(device: zigpy.device.Device) -> zigpy.zcl.Cluster | None:
    for endpoint_id, endpoint in device.endpoints.items():
        if endpoint_id != 0 and BASIC in getattr(endpoint, "in_clusters", {}):
            cluster: zigpy.zcl.Cluster = endpoint.in_clusters[BASIC]
            return cluster
    return None


def _sw_version(device: zigpy.device.Device) -> str | None:
    """Basic's software build id, else its application version (from zigpy's cache)."""
    if (basic := _basic_cluster(device)) is None:
        return None
    for attribute in ("sw_build_id", "app_version"):
        with contextlib.suppress(Exception):
            value = basic.get(attribute)
            if value not in (None, ""):
                return str(value)
    return None
