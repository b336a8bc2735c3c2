"""Carry a network read from ZHA or Zigbee2MQTT over to an entry of this integration.

The config flow restores the network onto the stick (Zigbee2MQTT) or finds it there
already (ZHA, same stick), and stores the device list in the new entry's data
(``CONF_MIGRATION``). At the entry's first start the devices are written to its zigpy
database before the radio starts, complete with endpoints, clusters, node descriptor and
model, so zigpy knows them as interviewed devices: nothing is interviewed again. Once the
platforms have registered them, the names (and areas, entity names) follow, and the
migration data is dropped from the entry.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
)
import zigpy.application
import zigpy.backups
import zigpy.device
import zigpy.endpoint
import zigpy.types as zigpy_t
import zigpy.zdo.types as zdo_t

from ..const import DOMAIN, LOGGER, RadioType
from ..radio import FORM_TIMEOUT, ProbeResult, RadioError, connected_app, describe_network
from .model import MigrationSource

CONF_MIGRATION = "migration"
#: IEEE -> the entity names a user gave: (platform, the name the integration gave or None
#: for the device's main entity of that platform, the user's name)
type EntityNames = dict[str, list[tuple[str, str | None, str]]]
BASIC_CLUSTER = 0x0000
MANUFACTURER_ATTR = 0x0004
MODEL_ATTR = 0x0005
ROUTER = 1
# MAC capability flags of the node descriptor: allocate address (0x80), and for a router
# also receiver on when idle (0x08), mains powered (0x04) and full-function device (0x02)
END_DEVICE_MAC_FLAGS = 0x80
ROUTER_MAC_FLAGS = 0x8E


def migration_data(
    source: MigrationSource, entity_names: EntityNames | None = None
) -> dict[str, Any]:
    """What the new entry keeps until its first start (JSON: stored in the entry)."""
    return {
        "source": source.source,
        "devices": [
            {
                "ieee": device.ieee,
                "nwk": device.nwk,
                "manufacturer": device.manufacturer,
                "model": device.model,
                "manufacturer_code": device.manufacturer_code,
                "logical_type": device.logical_type,
                "endpoints": [
                    [
                        endpoint.endpoint_id,
                        endpoint.profile_id,
                        endpoint.device_type,
                        list(endpoint.in_clusters),
                        list(endpoint.out_clusters),
                    ]
                    for endpoint in device.endpoints
                ],
                "name": device.name,
                "area": device.area,
            }
            for device in source.devices
        ],
        "entity_names": {
            ieee: [list(name) for name in names] for ieee, names in (entity_names or {}).items()
        },
    }


async def async_restore_network(
    radio_type: RadioType, device: Mapping[str, Any], backup: dict[str, Any]
) -> ProbeResult:
    """Write the network of an open coordinator backup onto the stick; what it holds then."""
    network_backup = zigpy.backups.NetworkBackup.from_open_coordinator_json(backup)
    async with connected_app(radio_type, device) as app:
        try:
            async with asyncio.timeout(FORM_TIMEOUT):
                await app.backups.restore_backup(network_backup)
                await app.load_network_info(load_devices=False)
        except TimeoutError as exc:
            raise RadioError("form_timeout") from exc
        except Exception as exc:
            LOGGER.debug("Restoring the network failed", exc_info=True)
            raise RadioError("restore_failed") from exc
        return describe_network(app)


def add_imported_devices(
    app: zigpy.application.ControllerApplication, data: Mapping[str, Any]
) -> int:
    """Give zigpy the devices of a migration as interviewed devices (saved to its database).

    Called before the radio starts, with zigpy's database loaded: a device it knows already
    is left as it is. Returns how many devices were added.
    """
    added = 0
    for item in data.get("devices", ()):
        ieee = zigpy_t.EUI64.convert(item["ieee"])
        if ieee in app.devices or not item.get("endpoints"):
            continue
        device = app.add_device(ieee, zigpy_t.NWK(item["nwk"]))  # type: ignore[no-untyped-call]
        router = item.get("logical_type") == ROUTER
        device.node_desc = zdo_t.NodeDescriptor(  # type: ignore[no-untyped-call]
            logical_type=zdo_t.LogicalType(item.get("logical_type") or 2),  # type: ignore[no-untyped-call]
            complex_descriptor_available=0,
            user_descriptor_available=0,
            reserved=0,
            aps_flags=0,
            frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
            mac_capability_flags=ROUTER_MAC_FLAGS if router else END_DEVICE_MAC_FLAGS,
            manufacturer_code=item.get("manufacturer_code") or 0,
            maximum_buffer_size=82,
            maximum_incoming_transfer_size=82,
            server_mask=0,
            maximum_outgoing_transfer_size=82,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
        )
        for endpoint_id, profile_id, device_type, in_clusters, out_clusters in item["endpoints"]:
            endpoint = device.add_endpoint(endpoint_id)
            endpoint.profile_id = profile_id
            endpoint.device_type = device_type
            for cluster_id in in_clusters:
                endpoint.add_input_cluster(cluster_id)
            for cluster_id in out_clusters:
                endpoint.add_output_cluster(cluster_id)
            endpoint.status = zigpy.endpoint.Status.ZDO_INIT
        _cache_identity(device, item.get("manufacturer"), item.get("model"))
        device.status = zigpy.device.Status.ENDPOINTS_INIT
        # zigpy saves the device and resolves it (our resolver) as after an interview
        app.device_initialized(device)
        added += 1
    return added


def _cache_identity(
    device: zigpy.device.Device, manufacturer: str | None, model: str | None
) -> None:
    """Manufacturer and model: on the device, and in the Basic cluster's attribute cache."""
    device.manufacturer = manufacturer
    device.model = model
    for endpoint_id, endpoint in device.endpoints.items():
        if endpoint_id == 0 or BASIC_CLUSTER not in endpoint.in_clusters:
            continue
        basic = endpoint.in_clusters[BASIC_CLUSTER]
        if manufacturer:
            basic.update_attribute(MANUFACTURER_ATTR, manufacturer)
        if model:
            basic.update_attribute(MODEL_ATTR, model)
        return


@callback
def async_apply_imported_names(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Names, areas and entity names of a migration on this entry's devices; then forget it.

    A name or area the device already has in Home Assistant's registry (a ZHA device is the
    same registry entry: it is found by its Zigbee address) is kept as it is.
    """
    data = entry.data.get(CONF_MIGRATION)
    if not data:
        return
    devices = dr.async_get(hass)
    entities = er.async_get(hass)
    areas = ar.async_get(hass)
    entity_names: dict[str, list[list[Any]]] = data.get("entity_names", {})
    for item in data.get("devices", ()):
        device = devices.async_get_device_by_identifier((DOMAIN, item["ieee"]), entry.entry_id)
        if device is None:
            continue
        changes: dict[str, Any] = {}
        if item.get("name") and not device.name_by_user and item["name"] != device.name:
            changes["name_by_user"] = item["name"]
        if item.get("area") and device.area_id is None:
            changes["area_id"] = areas.async_get_or_create(item["area"]).id
        if changes:
            devices.async_update_device(device.id, **changes)
        _name_entities(entities, entry, device, entity_names.get(item["ieee"], []))
    new_data = {key: value for key, value in entry.data.items() if key != CONF_MIGRATION}
    hass.config_entries.async_update_entry(entry, data=new_data)


def _name_entities(
    entities: er.EntityRegistry,
    entry: ConfigEntry,
    device: dr.DeviceEntry,
    names: list[list[Any]],
) -> None:
    """Give the user's entity names to the matching entities of ours.

    An entity matches on the same platform with the same given name (case aside; None for
    the entity named after the device, like a plug's relay), or as the device's only entity
    of that platform. No match, or more than one: the name is not carried over.
    """
    ours = [
        entity
        for entity in er.async_entries_for_device(entities, device.id, True)
        if entity.config_entry_id == entry.entry_id
    ]
    for domain, original_name, name in names:
        platform = [entity for entity in ours if entity.domain == domain]
        wanted = (original_name or "").casefold()
        matching = [e for e in platform if (e.original_name or "").casefold() == wanted]
        if not matching and len(platform) == 1:
            matching = platform
        if len(matching) == 1 and matching[0].name is None:
            entities.async_update_entity(matching[0].entity_id, name=name)
