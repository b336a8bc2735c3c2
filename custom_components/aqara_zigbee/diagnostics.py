"""Diagnostics for the entry and each device, with network secrets and addresses redacted."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from .const import CONF_DEVICE, CONF_NETWORK, DOMAIN
from .gateway import AqaraConfigEntry, AqaraGateway

TO_REDACT = {
    "network_key",
    "key",
    "tc_link_key",
    "pan_id",
    "extended_pan_id",
    "ieee",
    "partner_ieee",
    "nwk",
    "nwk_addresses",
    "key_table",
    "children",
    "unique_id",
    "path",
    "identifiers",
    "connections",
    "device_options",
}


def _device_summary(gateway: AqaraGateway, ieee: str) -> dict[str, Any]:
    handle = gateway.handles.get(ieee)
    device = gateway.zigpy_device(ieee)
    return {
        "ieee": ieee,
        "nwk": f"0x{device.nwk:04X}" if device is not None else None,
        "manufacturer": device.manufacturer if device is not None else None,
        "model_id": device.model if device is not None else None,
        "model": handle.definition.model if handle and handle.definition else None,
        # "model": written for the model; "generated": built from its clusters
        "definition": handle.definition.kind if handle and handle.definition else None,
        "available": gateway.is_available(ieee),
        "lqi": device.lqi if device is not None else None,
        "last_seen": device.last_seen if device is not None else None,
        "endpoints": (
            {
                str(endpoint_id): {
                    "in_clusters": sorted(f"0x{c:04X}" for c in endpoint.in_clusters),
                    "out_clusters": sorted(f"0x{c:04X}" for c in endpoint.out_clusters),
                }
                for endpoint_id, endpoint in device.endpoints.items()
                if endpoint_id != 0
            }
            if device is not None
            else {}
        ),
        "values": dict(handle.values) if handle is not None else {},
    }


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AqaraConfigEntry
) -> dict[str, Any]:
    gateway = entry.runtime_data
    network: dict[str, Any] = {}
    if gateway.app is not None:
        info = gateway.app.state.network_info
        network = {
            "channel": info.channel,
            "pan_id": info.pan_id,
            "extended_pan_id": str(info.extended_pan_id),
            "network_key": info.network_key.key.serialize().hex(),
            "tc_link_key": info.tc_link_key.key.serialize().hex(),
            "key_sequence": info.network_key.seq,
        }
    data = {
        "entry": {
            "data": {
                "radio_type": entry.data.get("radio_type"),
                CONF_DEVICE: dict(entry.data.get(CONF_DEVICE, {})),
                CONF_NETWORK: dict(entry.data.get(CONF_NETWORK, {})),
            },
            "options": dict(entry.options),
            "unique_id": entry.unique_id,
        },
        "connected": gateway.connected,
        "network": network,
        "devices": [_device_summary(gateway, ieee) for ieee in sorted(gateway.handles)],
    }
    redacted: dict[str, Any] = async_redact_data(data, TO_REDACT)
    return redacted


async def async_get_device_diagnostics(
    hass: HomeAssistant, entry: AqaraConfigEntry, device: dr.DeviceEntry
) -> dict[str, Any]:
    gateway = entry.runtime_data
    ieee = next(identifier for domain, identifier in device.identifiers if domain == DOMAIN)
    redacted: dict[str, Any] = async_redact_data(_device_summary(gateway, ieee), TO_REDACT)
    return redacted
