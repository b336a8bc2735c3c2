"""The same product on the simulated Silicon Labs coordinator (EmberZNet 7.4, bellows).

The tests imported below are the Z-Stack ones, collected here a second time: this
module's ``radio`` fixture puts their simulated network behind the EmberZNet emulator.
They cover the paths issue 16 names (form, join and interview, reports, writes, clicks,
restart from saved state, radio drop and reconnect, backups, OTA) without copying them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
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
from custom_components.aqara_zigbee.simulator import SimulatedNetwork
from custom_components.aqara_zigbee.simulator.clock import SimClock

from ..ota_image import lumi_image, write_image
from .conftest import SEED_MODELS, configure_simulated, seed_devices_in_registry, wait_for
from .entity_helpers import call, configured
from .test_config_flow import serial_input, start_serial_flow, unload_all
from .test_entities_events import test_qbkg40lm_clicks, test_ws_usc02_clicks
from .test_entities_plugs import test_zncz04lm_reports, test_zncz04lm_writes
from .test_entities_switches import test_ws_usc02
from .test_faults import test_radio_connection_dropped_ten_times_mid_traffic
from .test_faults_restart import test_restarts
from .test_gateway import (
    test_backups_kept,
    test_connection_loss_and_recovery,
    test_devices_registered,
    test_entities_per_device,
    test_remove_device_in_ui_makes_it_leave,
    test_unload_and_reload_keep_devices,
)
from .test_update import image_folder, install, quick_ota, settled, state_of, unit, update_id

__all__ = [
    "quick_ota",
    "test_backups_kept",
    "test_connection_loss_and_recovery",
    "test_devices_registered",
    "test_entities_per_device",
    "test_qbkg40lm_clicks",
    "test_radio_connection_dropped_ten_times_mid_traffic",
    "test_remove_device_in_ui_makes_it_leave",
    "test_restarts",
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
        patch("zigpy_znp.api.CONNECT_PROBE_TIMEOUT", 1.0),
        patch("bellows.uart.RESET_TIMEOUT", 0.5),
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
