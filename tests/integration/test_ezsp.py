"""The same product on the simulated Silicon Labs coordinator (EmberZNet 7.4, bellows).

The tests imported below are the Z-Stack ones, collected here a second time: this
module's ``radio`` fixture puts their simulated network behind the EmberZNet emulator.
They cover the paths issue 16 names (form, join and interview, reports, writes, clicks,
restart from saved state, radio drop and reconnect, backups, OTA) without copying them.
The Z-Stack restart storm (test_faults_restart) is not among them: its energy counter
once stepped back under heavy machine load on EmberZNet (an initial read answered before
a newer heartbeat, it seems, not a radio matter); the restarts here are orderly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
import logging
from pathlib import Path
from unittest.mock import patch

import bellows.zigbee.application
from homeassistant.components.update import ATTR_INSTALLED_VERSION
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.hardening import REDACTED
from custom_components.aqara_zigbee.simulator import SimulatedNetwork
from custom_components.aqara_zigbee.simulator.clock import SimClock

from ..ota_image import lumi_image, write_image
from .conftest import (
    SEED_MODELS,
    configure_simulated,
    join_all,
    seed_devices_in_registry,
    wait_for,
)
from .entity_helpers import call, configured
from .test_config_flow import serial_input, start_serial_flow, unload_all
from .test_entities_events import test_qbkg40lm_clicks, test_ws_usc02_clicks
from .test_entities_plugs import test_zncz04lm_reports, test_zncz04lm_writes
from .test_entities_registry import test_entities_are_native
from .test_entities_switches import test_qbkg40lm, test_ssm_u02, test_ws_usc02
from .test_faults import test_radio_connection_dropped_ten_times_mid_traffic
from .test_gateway import (
    test_backups_kept,
    test_connection_loss_and_recovery,
    test_devices_registered,
    test_entities_per_device,
    test_remove_device_in_ui_makes_it_leave,
    test_unload_and_reload_keep_devices,
)
from .test_security import HARNESS_LOGGERS, forms, leaks, record_text
from .test_update import image_folder, install, quick_ota, settled, state_of, unit, update_id

__all__ = [
    "quick_ota",
    "test_backups_kept",
    "test_connection_loss_and_recovery",
    "test_devices_registered",
    "test_entities_are_native",
    "test_entities_per_device",
    "test_qbkg40lm",
    "test_qbkg40lm_clicks",
    "test_radio_connection_dropped_ten_times_mid_traffic",
    "test_remove_device_in_ui_makes_it_leave",
    "test_ssm_u02",
    "test_unload_and_reload_keep_devices",
    "test_ws_usc02",
    "test_ws_usc02_clicks",
    "test_zncz04lm_reports",
    "test_zncz04lm_writes",
]


@pytest.fixture
def radio() -> str:
    return "ezsp"


async def test_simulated_emberznet_network(hass: HomeAssistant) -> None:
    """The config flow forms the simulated network on the EmberZNet coordinator."""
    entry = await configure_simulated(hass, "ezsp")
    assert entry.data["simulated_radio"] == "ezsp"
    gateway = entry.runtime_data
    assert gateway.simulator is not None
    assert gateway.simulator.radio == "ezsp"
    assert isinstance(gateway.app, bellows.zigbee.application.ControllerApplication)
    coordinator = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, str(entry.unique_id)), entry.entry_id
    )
    assert coordinator is not None
    assert coordinator.model == "Simulated EmberZNet coordinator"
    assert coordinator.sw_version is not None
    assert coordinator.sw_version.startswith("7.4.4.0")
    await unload_all(hass)


async def test_the_ncp_saw_only_frames_it_implements(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Everything bellows sent while starting and joining the seeds has a handler."""
    simulator = simulated_entry.runtime_data.simulator
    assert simulator is not None
    coordinator = simulator.coordinator
    assert coordinator.unsupported == {}  # type: ignore[attr-defined]
    assert coordinator.received  # type: ignore[attr-defined]


async def test_restarts_resume_the_network_from_saved_state(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Each reload starts a new NCP session: networkInit on the saved tokens, zigpy's
    database for the devices; states come back and commands work."""
    plug = await configured(simulated_entry, "ZNCZ04LM")
    await call(hass, "switch", "turn_on", plug.entity("switch", "state"))
    plug.sim.set_load(1200.0)
    plug.sim.send_heartbeat()
    await plug.wait_state("sensor", "power", "1200.0")
    before = {d.id for d in seed_devices_in_registry(hass, simulated_entry)}
    for _ in range(2):
        assert await hass.config_entries.async_reload(simulated_entry.entry_id)
        await hass.async_block_till_done()
        assert simulated_entry.state is ConfigEntryState.LOADED
        gateway = simulated_entry.runtime_data
        await wait_for(hass, lambda: len(gateway.handles) == len(SEED_MODELS))  # noqa: B023
        plug = await configured(simulated_entry, "ZNCZ04LM")
        assert plug.state("switch", "state") == STATE_ON
    assert {d.id for d in seed_devices_in_registry(hass, simulated_entry)} == before
    await call(hass, "switch", "turn_off", plug.entity("switch", "state"))
    assert plug.sim.relays[1] is False
    plug.sim.set_load(0.0)
    plug.sim.send_heartbeat()
    await plug.wait_state("sensor", "power", "0.0")


async def test_undelivered_writes_fail_visibly(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """bellows reports the failed delivery; the entity raises write_failed, nothing changes."""
    plug = await configured(simulated_entry, "ZNCZ04LM")
    entity = plug.entity("switch", "state")
    plug.network.fail_next(plug.ieee, 5, "MAC_NO_ACK")
    try:
        with pytest.raises(HomeAssistantError) as err:
            await call(hass, "switch", "turn_on", entity)
    finally:
        plug.network.fail_next(plug.ieee, 0)
    assert err.value.translation_key == "write_failed"
    assert "DELIVERY_FAILED" in str(err.value)
    assert plug.sim.relays[1] is False
    assert plug.state("switch", "state") == STATE_OFF
    await call(hass, "switch", "turn_on", entity)
    assert plug.sim.relays[1] is True


async def test_firmware_update_over_emberznet(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """An OTA transfer through bellows (a small image: each block costs two EZSP commands)."""
    ieee, plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(image_folder(hass), "plug-93.ota", lumi_image("lumi.plug", 93, size=3_000))
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=20))
    await wait_for(hass, lambda: state_of(hass, entity).state == STATE_ON)
    await install(hass, entity)
    assert plug.file_version == 93
    assert plug.ota is not None
    assert plug.ota.stats.upgrades_applied == 1
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "93"


# -- real (not simulated) radio entries on the emulated sticks --------------------------


@pytest.fixture
def fast_probes() -> Iterator[None]:
    """A stick of the other kind never answers: give up sooner than the libraries do."""
    with (
        patch("zigpy_znp.api.CONNECT_PROBE_TIMEOUT", 0.6),
        patch("bellows.uart.RESET_TIMEOUT", 0.3),
    ):
        yield


async def _stick(path: Path, radio: str) -> SimulatedNetwork:
    network = SimulatedNetwork(path, auto_join=True, clock=SimClock(speed=1.0), radio=radio)
    await network.start()
    return network


@pytest.fixture
async def sticks(tmp_path: Path) -> AsyncIterator[dict[str, SimulatedNetwork]]:
    """A blank Z-Stack stick and a blank EmberZNet one, both on socket:// ports."""
    found = {radio: await _stick(tmp_path / radio, radio) for radio in ("znp", "ezsp")}
    yield found
    for network in found.values():
        await network.stop()


@pytest.mark.usefixtures("fast_probes")
async def test_the_probe_tells_the_two_kinds_apart(
    hass: HomeAssistant, sticks: dict[str, SimulatedNetwork]
) -> None:
    """An EZSP probe of a Z-Stack stick is not_this_radio, and the reverse; the right one
    forms the network and the entry runs on bellows, devices and all."""
    for radio, other in (("ezsp", "znp"), ("znp", "ezsp")):
        flow_id = await start_serial_flow(hass, radio)
        result = await hass.config_entries.flow.async_configure(
            flow_id, serial_input(sticks[other].url)
        )
        assert result["type"] is FlowResultType.FORM
        assert result["errors"] == {"base": "not_this_radio"}, (radio, other)
        hass.config_entries.flow.async_abort(flow_id)

    flow_id = await start_serial_flow(hass, "ezsp")
    result = await hass.config_entries.flow.async_configure(
        flow_id, serial_input(sticks["ezsp"].url)
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["radio_type"] == "ezsp"
    await hass.async_block_till_done()
    entry: AqaraConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    assert isinstance(entry.runtime_data.app, bellows.zigbee.application.ControllerApplication)
    assert entry.unique_id == str(entry.runtime_data.app.state.node_info.ieee)
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 60}, blocking=True)
    await wait_for(hass, lambda: len(seed_devices_in_registry(hass, entry)) == len(SEED_MODELS))
    coordinator = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, str(entry.unique_id)), entry.entry_id
    )
    assert coordinator is not None
    assert coordinator.model == "EZSP coordinator"
    await unload_all(hass)


async def test_the_network_key_stays_out_of_bellows_logs(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """bellows logs every ASH and EZSP frame at DEBUG, keys included: none reaches a record."""
    caplog.set_level(logging.DEBUG)
    entry = await configure_simulated(hass, "ezsp")
    assert entry.runtime_data.app is not None
    info = entry.runtime_data.app.state.network_info
    # The network key, and the hashed TC link key bellows keeps in backups.
    secrets = [
        info.network_key.key.serialize(),
        bytes.fromhex(info.stack_specific["ezsp"]["hashed_tclk"]),
    ]
    await join_all(hass, entry)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    await unload_all(hass)
    spelled = forms(secrets)
    records = [r for r in caplog.records if not r.name.startswith(HARNESS_LOGGERS)]
    assert any(r.name.startswith("bellows") for r in records)
    leaked = [(r.name, found[0]) for r in records if (found := leaks(record_text(r), spelled))]
    assert leaked == []
    assert sum(REDACTED in r.getMessage() for r in records) > 0
