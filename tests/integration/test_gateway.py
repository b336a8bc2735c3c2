"""The gateway against the simulated network: devices, availability, faults, services."""

from __future__ import annotations

import asyncio
import time
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.network_storage import database_path

from .conftest import (
    SEED_MODELS,
    configure_simulated,
    diagnostics_ready,
    ieee_of,
    seed_devices_in_registry,
    wait_for,
)


async def test_devices_registered(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Each seed device appears with its model, Zigbee model id and the coordinator as hub."""
    registry = dr.async_get(hass)
    gateway = simulated_entry.runtime_data
    coordinator = registry.async_get_device_by_identifier(
        (DOMAIN, gateway.coordinator_ieee), simulated_entry.entry_id
    )
    assert coordinator is not None
    devices = seed_devices_in_registry(hass, simulated_entry)
    assert {device.model_id: device.model for device in devices} == SEED_MODELS
    for device in devices:
        assert device.via_device_id == coordinator.id
        ieee = next(i for d, i in device.identifiers if d == DOMAIN)
        assert (dr.CONNECTION_ZIGBEE, ieee) in device.connections
        assert device.manufacturer


async def test_entities_per_device(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Every expose of every definition has an entity with a stable unique id."""
    entities = er.async_get(hass)
    gateway = simulated_entry.runtime_data
    for ieee, handle in gateway.handles.items():
        assert handle.definition is not None
        for expose in handle.definition.exposes:
            entity_id = entities.async_get_entity_id(
                expose.platform.value, DOMAIN, f"{ieee}-{expose.key}"
            )
            assert entity_id is not None, f"{handle.definition.model} {expose.key}"


async def test_link_quality_sensor(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    entities = er.async_get(hass)
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "ZNCZ04LM")
    entity_id = entities.async_get_entity_id("sensor", DOMAIN, f"{ieee}-linkquality")
    assert entity_id is not None
    entry = entities.async_get(entity_id)
    assert entry is not None
    assert entry.entity_category == "diagnostic"


async def test_unload_and_reload_keep_devices(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    before = {d.id for d in seed_devices_in_registry(hass, simulated_entry)}
    assert await hass.config_entries.async_reload(simulated_entry.entry_id)
    await hass.async_block_till_done()
    assert simulated_entry.state is ConfigEntryState.LOADED
    gateway = simulated_entry.runtime_data
    await wait_for(hass, lambda: len(gateway.handles) == len(SEED_MODELS))
    assert {d.id for d in seed_devices_in_registry(hass, simulated_entry)} == before


async def test_unload_ends_zigpy_replies_in_flight(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """zigpy answers devices from tasks nothing awaits (default responses, OTA replies):
    one whose delivery is never confirmed must not outlive the unloaded entry."""
    gateway = simulated_entry.runtime_data
    device = gateway.zigpy_device(ieee_of(gateway, "ZNCZ04LM"))
    assert device is not None
    cluster = device.endpoints[1].in_clusters[0x0000]
    never_confirmed = asyncio.Event()
    running = asyncio.all_tasks()
    cluster.create_catching_task(never_confirmed.wait())
    (reply,) = asyncio.all_tasks() - running
    with patch("custom_components.aqara_zigbee.radio_lifecycle.REPLY_GRACE", 0.01):
        assert await hass.config_entries.async_unload(simulated_entry.entry_id)
    assert reply.done()


async def test_firmware_version_in_device_info(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Each device shows the software build its Basic cluster reports, after a reload too."""
    registry = dr.async_get(hass)
    gateway = simulated_entry.runtime_data
    assert gateway.simulator is not None
    builds = {ieee: sim.sw_build_id for ieee, sim in gateway.simulator.devices.items()}
    assert all(builds.values())

    def shown() -> dict[str, str | None]:
        return {
            ieee: getattr(
                registry.async_get_device_by_identifier((DOMAIN, ieee), simulated_entry.entry_id),
                "sw_version",
                None,
            )
            for ieee in builds
        }

    await wait_for(hass, lambda: shown() == builds)
    assert await hass.config_entries.async_reload(simulated_entry.entry_id)
    await hass.async_block_till_done()
    gateway = simulated_entry.runtime_data
    await wait_for(hass, lambda: len(gateway.handles) == len(SEED_MODELS))
    assert shown() == builds


async def test_connection_loss_and_recovery(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Pulling the radio makes entities unavailable; they come back on their own."""
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "ZNCZ04LM")
    entity_id = er.async_get(hass).async_get_entity_id("switch", DOMAIN, f"{ieee}-state")
    assert entity_id is not None
    assert gateway.simulator is not None
    await gateway.simulator.drop_connection()
    await wait_for(hass, lambda: not gateway.connected)
    assert hass.states.get(entity_id).state == STATE_UNAVAILABLE  # type: ignore[union-attr]
    await wait_for(hass, lambda: gateway.connected)
    await wait_for(
        hass,
        lambda: hass.states.get(entity_id).state != STATE_UNAVAILABLE,  # type: ignore[union-attr]
    )
    lost = [r for r in caplog.records if "was lost" in r.getMessage()]
    back = [r for r in caplog.records if "is back" in r.getMessage()]
    assert len(lost) == 1
    assert len(back) == 1


async def test_permit_join_validation(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    for data, key in (
        ({"duration": 0}, "invalid_duration"),
        ({"duration": 255}, "invalid_duration"),
        ({"duration": 10, "ieee": "not-an-ieee"}, "invalid_ieee"),
        ({"duration": 10, "ieee": "00:11:22:33:44:55:66:77"}, "unknown_device"),
        ({"duration": 10, "config_entry_id": "nope"}, "entry_not_loaded"),
    ):
        with pytest.raises(ServiceValidationError) as err:
            await hass.services.async_call(DOMAIN, "permit_join", data, blocking=True)
        assert err.value.translation_key == key
    gateway = simulated_entry.runtime_data
    router = ieee_of(gateway, "ZNCZ04LM")
    await hass.services.async_call(
        DOMAIN, "permit_join", {"duration": 5, "ieee": router}, blocking=True
    )


async def test_permit_join_button(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    gateway = simulated_entry.runtime_data
    entity_id = er.async_get(hass).async_get_entity_id(
        "button", DOMAIN, f"{gateway.coordinator_ieee}-permit_join"
    )
    assert entity_id is not None
    assert gateway.simulator is not None
    coordinator = gateway.simulator.coordinator
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 1}, blocking=True)
    await wait_for(hass, lambda: not coordinator.permit_join_open, timeout=5)
    await hass.services.async_call("button", "press", {"entity_id": entity_id}, blocking=True)
    await wait_for(hass, lambda: coordinator.permit_join_open)
    await hass.config_entries.async_unload(simulated_entry.entry_id)
    assert not coordinator.permit_join_open


async def test_remove_device_in_ui_makes_it_leave(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, hass_ws_client: object
) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "SSM-U02")
    registry = dr.async_get(hass)
    device = registry.async_get_device_by_identifier((DOMAIN, ieee), simulated_entry.entry_id)
    assert device is not None
    from custom_components.aqara_zigbee import async_remove_config_entry_device

    assert await async_remove_config_entry_device(hass, simulated_entry, device)
    await wait_for(hass, lambda: ieee not in gateway.handles)
    await wait_for(
        hass,
        lambda: (
            registry.async_get_device_by_identifier((DOMAIN, ieee), simulated_entry.entry_id)
            is None
        ),
    )
    coordinator = registry.async_get_device_by_identifier(
        (DOMAIN, gateway.coordinator_ieee), simulated_entry.entry_id
    )
    assert coordinator is not None
    assert not await async_remove_config_entry_device(hass, simulated_entry, coordinator)


async def test_device_leaving_is_removed(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "QBKG40LM")
    assert gateway.simulator is not None
    device = gateway.simulator.devices[ieee]
    await gateway.simulator.coordinator.leave(device.node.nwk)
    registry = dr.async_get(hass)
    await wait_for(
        hass,
        lambda: (
            registry.async_get_device_by_identifier((DOMAIN, ieee), simulated_entry.entry_id)
            is None
        ),
    )


async def test_availability_timeout(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """A mains device silent for longer than its timeout becomes unavailable."""
    gateway = simulated_entry.runtime_data
    ieee = ieee_of(gateway, "ZNCZ02LM")
    entity_id = er.async_get(hass).async_get_entity_id("switch", DOMAIN, f"{ieee}-state")
    assert entity_id is not None
    zigpy_device = gateway.zigpy_device(ieee)
    assert zigpy_device is not None
    zigpy_device.last_seen = time.time() - 3 * 3600
    gateway.availability.async_check()
    assert hass.states.get(entity_id).state == STATE_UNAVAILABLE  # type: ignore[union-attr]
    hass.config_entries.async_update_entry(
        simulated_entry, options={"mains_availability_timeout": 4 * 3600}
    )
    gateway.availability.async_check()
    assert hass.states.get(entity_id).state != STATE_UNAVAILABLE  # type: ignore[union-attr]


async def test_network_settings_changed(hass: HomeAssistant) -> None:
    """A stick holding another network refuses to load and raises a repair issue."""
    entry = await configure_simulated(hass)
    await hass.config_entries.async_unload(entry.entry_id)
    hass.config_entries.async_update_entry(
        entry, data={**entry.data, "network": {**entry.data["network"], "pan_id": 0x1234}}
    )
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_ERROR
    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"network_settings_changed_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_key == "network_settings_changed"


async def test_remove_entry_deletes_database(hass: HomeAssistant) -> None:
    entry = await configure_simulated(hass)
    path = database_path(hass, entry)
    assert path.exists()
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not path.exists()


async def test_backups_kept(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    gateway = simulated_entry.runtime_data
    backups = await gateway.async_backups()
    assert len(backups) >= 1
    assert backups[-1].network_info.pan_id == simulated_entry.data["network"]["pan_id"]


async def test_diagnostics_redacted(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    simulated_entry: AqaraConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    gateway = simulated_entry.runtime_data
    await diagnostics_ready(hass)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, simulated_entry)
    text = str(diagnostics)
    assert gateway.app is not None
    key = gateway.app.state.network_info.network_key.key.serialize().hex()
    assert key not in text
    for ieee in gateway.handles:
        assert ieee not in text
    assert diagnostics["network"]["network_key"] == "**REDACTED**"
    stable = {
        "network": diagnostics["network"],
        "entry": {k: v for k, v in diagnostics["entry"].items() if k != "options"},
        "models": sorted(d["model"] for d in diagnostics["devices"]),
    }
    assert stable == snapshot
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, ieee_of(gateway, "ZNCZ04LM")), simulated_entry.entry_id
    )
    assert device is not None
    device_diagnostics = await get_diagnostics_for_device(
        hass, hass_client, simulated_entry, device
    )
    assert device_diagnostics["ieee"] == "**REDACTED**"
    assert device_diagnostics["model"] == "ZNCZ04LM"
    assert device_diagnostics["definition"] == "model"  # not generated from its clusters


async def test_undefined_lumi_model_gets_its_standard_clusters(hass: HomeAssistant) -> None:
    """A Lumi model we do not define yet gets a generated definition: the entities of its
    standard clusters (the plugs' On/Off as an outlet), link quality, and a device page
    that says so."""
    with patch("custom_components.aqara_zigbee.gateway.get_definition", return_value=None):
        entry = await configure_simulated(hass)
        await hass.services.async_call(DOMAIN, "permit_join", {"duration": 60}, blocking=True)
        gateway = entry.runtime_data
        await wait_for(hass, lambda: len(gateway.handles) == len(SEED_MODELS))
    entities = er.async_get(hass)
    devices = dr.async_get(hass)
    for ieee, handle in gateway.handles.items():
        assert handle.definition is not None
        assert handle.definition.generated
        assert entities.async_get_entity_id("sensor", DOMAIN, f"{ieee}-linkquality")
        device_entry = devices.async_get_device_by_identifier((DOMAIN, ieee), entry.entry_id)
        assert device_entry is not None
        assert device_entry.model is not None
        assert device_entry.model.endswith("(generated definition)")
    plug = next(ieee for ieee, h in gateway.handles.items() if h.device.model == "lumi.plug")
    outlet = entities.async_get_entity_id("switch", DOMAIN, f"{plug}-state")
    assert outlet is not None
    registered = entities.async_get(outlet)
    assert registered is not None
    assert registered.original_device_class == "outlet"
    await hass.config_entries.async_unload(entry.entry_id)
