"""Home Assistant restarting mid-traffic; energy totals across restarts and counter resets.

A restart is what Home Assistant does to an entry: unload, then set up again on the same
config directory (zigpy's database, the simulated devices' saved state). Devices, entities,
options and states must all come back; energy must never go backwards except for a real
counter reset, which Home Assistant's ``total_increasing`` statistics take as a new cycle.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import math
from pathlib import Path
import random
import sqlite3
import struct
import time

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STOP, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er

from custom_components.aqara_zigbee.database_writes import coalesce_database_writes
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.network_storage import database_path
from custom_components.aqara_zigbee.simulator.behaviours import Heartbeat, Metering
from custom_components.aqara_zigbee.simulator.tlv import encode as tlv_encode
from tests.devices.fakes import lv, record, report_frame
from tests.figures import report, scale

from .conftest import SEED_MODELS, wait_for
from .faults_helpers import (
    Unit,
    log_states,
    network,
    on_off,
    problem_log,
    settled,
    unit,
    until,
)

MISSING = (STATE_UNAVAILABLE, STATE_UNKNOWN)
ANALOG_INPUT = 0x000C
PRESENT_VALUE = 0x0055


def _registry_snapshot(
    hass: HomeAssistant, entry: AqaraConfigEntry
) -> tuple[set[str], dict[str, str]]:
    devices = {d.id for d in dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)}
    entities = {
        e.unique_id: e.entity_id
        for e in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    }
    return devices, entities


def _states(hass: HomeAssistant, entity_ids: list[str]) -> dict[str, str]:
    return {e: s.state for e in entity_ids if (s := hass.states.get(e)) is not None}


async def _restart(hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
    assert await hass.config_entries.async_reload(entry.entry_id)
    assert entry.state is ConfigEntryState.LOADED
    gateway = entry.runtime_data
    await until(hass, lambda: gateway.connected and len(gateway.handles) == len(SEED_MODELS))


async def test_restarts(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Restart the entry again and again while the devices keep clicking and metering;
    then energy across restarts, garbage and a counter reset; then Home Assistant stops."""
    entry = simulated_entry
    await settled(hass)
    plug = unit(entry, "ZNCZ04LM")
    ieees = {model: unit(entry, model).ieee for model in ("ZNCZ04LM", "ZNCZ02LM", "WS-USC02")}
    options = {
        **entry.options,
        "mains_availability_timeout": 5400,
        "device_options": {plug.ieee: {"device_temperature_calibration": 1.5}},
    }
    hass.config_entries.async_update_entry(entry, options=options)
    plug.sim.set_relay(1, True)
    plug.sim.set_load(2000.0)
    plug.sim.behaviour(Metering).energy_kwh = 3.0
    plug.sim.send_heartbeat()
    energy = plug.entity("sensor", "energy")
    await plug.wait_state("sensor", "energy", "3.0")
    devices_before, entities_before = _registry_snapshot(hass, entry)
    watched = sorted(entities_before.values())
    log = log_states(hass, energy)
    await settled(hass)
    known_before = {e for e, value in _states(hass, watched).items() if value not in MISSING}
    rng = random.Random(9)
    stop = asyncio.Event()
    sent = {"frames": 0}

    def sim(model: str) -> Unit | None:
        gateway = getattr(entry, "runtime_data", None)  # gone while the entry is unloaded
        if gateway is None or gateway.simulator is None:
            return None
        ieee = ieees[model]
        return Unit(hass, gateway, ieee, network(gateway).devices[ieee])

    async def traffic() -> None:
        while not stop.is_set():
            await asyncio.sleep(0.02)
            model = rng.choice(list(ieees))
            dev = sim(model)
            if dev is None:
                continue
            if model == "WS-USC02":
                dev.sim.press(rng.choice(("top", "bottom")), "single")
            elif model == "ZNCZ02LM":
                dev.sim.press("main", "single")
            else:
                dev.sim.behaviour(
                    Metering
                ).energy_kwh += 0.01  # a metered load, faster than real time
                dev.sim.send_heartbeat()
            sent["frames"] += 1

    restarts = scale(3, 20)
    restored_before_first_report = 0
    started = time.perf_counter()
    with problem_log() as problems:
        task = asyncio.get_running_loop().create_task(traffic())
        for _ in range(restarts):
            await asyncio.sleep(rng.uniform(0.1, 0.4))
            before = float(hass.states.get(energy).state)  # type: ignore[union-attr]
            await _restart(hass, entry)
            # Restored before the plug said anything: never unknown, never lower
            value = hass.states.get(energy).state  # type: ignore[union-attr]
            if value not in MISSING and float(value) >= before:
                restored_before_first_report += 1
        stop.set()
        await task
        await settled(hass)
        plug = unit(entry, "ZNCZ04LM")
        plug.sim.send_heartbeat()
        await plug.wait_state(
            "sensor", "energy", str(round(plug.sim.behaviour(Metering).energy_kwh, 2))
        )
        for model in ("ZNCZ02LM", "QBKG40LM", "ZNCZ04LM"):
            dev = unit(entry, model)
            await dev.wait_state("switch", "state", on_off(dev.sim.relays[1]))
        wall = unit(entry, "WS-USC02")
        await wall.wait_state("switch", "state_top", on_off(wall.sim.relays[1]))
        await wall.wait_state("switch", "state_bottom", on_off(wall.sim.relays[2]))
    elapsed = time.perf_counter() - started

    devices_after, entities_after = _registry_snapshot(hass, entry)
    energies = log.numbers(energy)
    backwards = sum(b < a for a, b in itertools.pairwise(energies))
    missing_now = [e for e, s in _states(hass, watched).items() if s == STATE_UNAVAILABLE]
    lost = sorted(
        e for e, s in _states(hass, watched).items() if e in known_before and s in MISSING
    )
    gateway = entry.runtime_data
    handle = gateway.handles[plug.ieee]
    figures = report(
        "Home Assistant restarted mid-traffic (simulated network)",
        restarts=restarts,
        device_frames_sent=sent["frames"],
        devices_kept=len(devices_after & devices_before),
        devices_lost=len(devices_before - devices_after),
        entities_kept=len(entities_after.items() & entities_before.items()),
        entities_changed=len(entities_before.items() ^ entities_after.items()),
        energy_readings=len(energies),
        energy_went_backwards=backwards,
        energy_restored_before_report=restored_before_first_report,
        entities_unavailable_after=len(missing_now),
        states_known_before=len(known_before),
        states_lost=len(lost),
        errors_logged=len(problems.records),
        seconds=round(elapsed, 1),
    )
    assert figures["devices_lost"] == 0
    assert figures["entities_changed"] == 0
    assert figures["energy_went_backwards"] == 0
    assert figures["energy_restored_before_report"] == restarts
    assert figures["entities_unavailable_after"] == 0, missing_now
    assert figures["states_lost"] == 0, lost
    assert figures["errors_logged"] == 0, problems.messages()[:5]
    assert entry.options == options
    assert handle.options.calibrations["device_temperature"] == 1.5
    await _energy_never_goes_backwards_but_a_counter_reset_does(hass, entry)
    await _home_assistant_stop_releases_the_radio(hass, entry)


async def _heartbeat_from(dev: Unit, tlv: bytes, tsn: int) -> None:
    """Make the plug send a heartbeat carrying ``tlv`` (crafted, or damaged)."""
    heartbeat = dev.sim.behaviour(Heartbeat)
    frame = report_frame(
        tsn, record(heartbeat.attribute, heartbeat.type_id, lv(tlv)), manufacturer=0x115F
    )
    handle = dev.gateway.handles[dev.ieee]
    marker: dict[str, object] = {}
    handle.last_heartbeat = marker
    dev.send(1, heartbeat.cluster, frame)
    await until(dev.hass, lambda: handle.last_heartbeat is not marker)


async def _energy_never_goes_backwards_but_a_counter_reset_does(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Restored across restarts, untouched by garbage, reset only by the device's counter."""
    await settled(hass)
    plug = unit(simulated_entry, "ZNCZ02LM")  # energy from its heartbeat only
    energy = plug.entity("sensor", "energy")
    log = log_states(hass, energy)
    plug.sim.behaviour(Metering).energy_kwh = 12.5
    plug.sim.send_heartbeat()
    await plug.wait_state("sensor", "energy", "12.5")

    await _restart(hass, simulated_entry)
    assert hass.states.get(energy).state == "12.5"  # type: ignore[union-attr]
    plug = unit(simulated_entry, "ZNCZ02LM")
    assert plug.sim.behaviour(Metering).energy_kwh == 12.5

    real = plug.sim.heartbeat_payload()
    energy_entry = real.index(bytes([149, 0x39]))
    bogus = [
        tlv_encode([(149, 0x39, -3.0)]),  # a negative total
        bytes([149, 0x39]) + struct.pack("<f", math.nan),
        bytes([149, 0x39]) + struct.pack("<f", math.inf),
        bytes([149, 0x39]) + struct.pack("<f", -math.inf),
        real[: energy_entry + 4],  # cut inside the energy value
        real[:energy_entry] + bytes([149, 0x39, 0x00]),  # energy entry truncated
        real[:energy_entry] + bytes([149, 0xFE]) + real[energy_entry + 2 :],  # unknown type
    ]
    for tsn, tlv in enumerate(bogus, start=1):
        await _heartbeat_from(plug, tlv, tsn)
    await hass.async_block_till_done()
    assert hass.states.get(energy).state == "12.5"  # type: ignore[union-attr]

    # The plug's own counter restarts (replaced, or reset): published, a new meter cycle
    plug.sim.behaviour(Metering).energy_kwh = 0.0
    plug.sim.send_heartbeat()
    await plug.wait_state("sensor", "energy", "0.0")
    plug.sim.behaviour(Metering).energy_kwh = 0.25
    plug.sim.send_heartbeat()
    await plug.wait_state("sensor", "energy", "0.25")
    await _restart(hass, simulated_entry)
    await wait_for(hass, lambda: hass.states.get(energy).state == "0.25")  # type: ignore[union-attr]

    energies = log.numbers(energy)
    # Each restart shows the restored value again (after "unavailable" while unloaded)
    changes = [
        value for index, value in enumerate(energies) if index == 0 or value != energies[index - 1]
    ]
    assert changes == [12.5, 0.0, 0.25]
    report(
        "energy across restarts, garbage and a counter reset (simulated network)",
        bogus_heartbeats=len(bogus),
        bogus_values_published=0,
        counter_resets_published=1,
        restarts=2,
        readings=",".join(str(e) for e in energies),
    )
    attributes = hass.states.get(energy).attributes  # type: ignore[union-attr]
    assert attributes["state_class"] == "total_increasing"


async def _home_assistant_stop_releases_the_radio(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Home Assistant does not unload entries when it stops: the gateway shuts down itself
    (permit join closed, zigpy's database flushed and closed, the devices' state saved)."""
    gateway = simulated_entry.runtime_data
    sim = network(gateway)
    await hass.services.async_call("aqara_zigbee", "permit_join", {"duration": 60}, blocking=True)
    assert sim.coordinator.permit_join_open
    plug = unit(simulated_entry, "ZNCZ04LM")
    plug.sim.set_relay(1, True)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await hass.async_block_till_done()
    assert gateway.app is None
    assert gateway.simulator is None
    assert not gateway.connected
    assert not sim.coordinator.permit_join_open
    assert sim.state_dir is not None
    saved = (sim.state_dir / "devices.json").read_text()
    assert '"1": true' in saved


def _cached_values(database: Path, ieee: str, cluster_id: int, attr_id: int) -> list[object]:
    """The values zigpy's database holds for one attribute of a device (any endpoint)."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        (table,) = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'attributes_cache%'"
            " ORDER BY name DESC LIMIT 1"
        ).fetchone()
        return [
            value
            for (value,) in db.execute(
                f"SELECT value FROM {table} WHERE ieee = ? AND cluster_id = ? AND attr_id = ?",
                (ieee, cluster_id, attr_id),
            )
        ]


async def test_a_report_just_before_an_unload_is_in_the_database(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Reports write zigpy's database coalesced: what is still waiting when the entry
    unloads is written before the database closes, and is there after a restart."""
    entry = simulated_entry
    await settled(hass)
    plug = unit(entry, "ZNCZ04LM")
    writes = coalesce_database_writes(plug.gateway.app)
    assert writes is not None
    plug.sim.set_relay(1, True)
    plug.sim.set_load(1234.0)
    await plug.wait_state("sensor", "power", "1234.0")
    assert writes.pending > 0  # the report's writes have not reached zigpy's queue yet

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    database = database_path(hass, entry)
    assert 1234.0 in _cached_values(database, plug.ieee, ANALOG_INPUT, PRESENT_VALUE)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    gateway = entry.runtime_data
    await until(hass, lambda: gateway.connected and plug.ieee in gateway.handles)
    device = gateway.zigpy_device(plug.ieee)
    assert device is not None
    assert 1234.0 in [
        endpoint.in_clusters[ANALOG_INPUT].get(PRESENT_VALUE)
        for endpoint in device.non_zdo_endpoints
        if ANALOG_INPUT in endpoint.in_clusters
    ]
