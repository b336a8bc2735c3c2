"""Faults through the simulated network: garbage, radio drops, silent and slow devices.

Each test injects its faults into the real stack (Z-Stack emulator over TCP, zigpy-znp,
zigpy, the gateway and the entities), prints its figures and asserts them: faults injected
= faults survived, nothing lost, no error logged. ``make soak`` runs them at a larger scale.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import random
import time
from typing import Any
from unittest.mock import patch

from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, issue_registry as ir
import pytest

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator.air import ApsFrame
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from tests.figures import SOAK, report, scale

from .conftest import wait_for
from .faults_helpers import (
    Unit,
    garbage_frame,
    log_states,
    network,
    on_off,
    problem_log,
    settled,
    unit,
    until,
    zigpy_replies_pending,
)


async def _switch(hass: HomeAssistant, entity_id: str, value: bool) -> None:
    await hass.services.async_call(
        "switch", "turn_on" if value else "turn_off", {"entity_id": entity_id}, blocking=True
    )


# ---------------------------------------------------------------------------- garbage


async def _garbage_from_one_device_while_the_others_report(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """SSM-U02 transmits garbage ZCL/ZDO frames; the other four keep updating their entities."""
    await settled(hass)
    noisy = unit(simulated_entry, "SSM-U02")
    plug = unit(simulated_entry, "ZNCZ04LM")
    old_plug = unit(simulated_entry, "ZNCZ02LM")
    wall = unit(simulated_entry, "WS-USC02")
    qbkg = unit(simulated_entry, "QBKG40LM")
    power = plug.entity("sensor", "power")
    action = wall.entity("event", "action")
    log = log_states(hass, power, action)
    rng = random.Random(5)
    garbage = scale(1_000, 50_000)
    updates = 0
    expected_events = 0
    load = 0.0
    plug.sim.set_relay(1, True)
    # Each device's 8-bit TSN must not wrap within zigpy's 10 s duplicate-packet filter
    # (it would drop a click identical to one 128 clicks earlier): pace the clicks
    gap = 0.1 if SOAK else 0.0
    last_click = 0.0

    with problem_log() as problems:
        for index in range(garbage):
            endpoint, cluster, payload, profile = garbage_frame(
                rng, noisy.sim.zigbee_model, index & 0xFF
            )
            noisy.send(endpoint, cluster, payload, profile)
            if index % 40 == 20:
                # Real traffic from the others, in the middle of the noise
                await asyncio.sleep(max(0.0, last_click + gap - time.monotonic()))
                last_click = time.monotonic()
                load = 100.5 + (index // 40) % 1000  # under the overload protection
                plug.sim.set_load(load)
                wall.sim.press("top", "single")
                expected_events += 1
                old_plug.sim.press("main", "single")
                qbkg.sim.press("main", "single")
                updates += 4
                await until(hass, lambda n=expected_events: len(log.states.get(action, [])) >= n)
            if index % 50 == 0:
                await asyncio.sleep(0)
        await until(hass, lambda: plug.state("sensor", "power") == str(load))
        await settled(hass)

        # Everybody (the noisy one too) still follows its device
        for dev, key in ((old_plug, "state"), (qbkg, "state"), (plug, "state")):
            assert dev.state("switch", key) == on_off(dev.sim.relays[1])
        assert wall.state("switch", "state_top") == on_off(wall.sim.relays[1])
        noisy.sim.press("main", "single")
        updates += 1
        await noisy.wait_state("switch", "state", on_off(noisy.sim.relays[1]))
        assert hass.config_entries.async_get_entry(simulated_entry.entry_id) is simulated_entry

    # zigpy answers some garbage (default responses, read attribute responses): let it finish
    await until(hass, lambda: not zigpy_replies_pending())
    events = [s for s in log.states.get(action, []) if s != STATE_UNAVAILABLE]
    cache = noisy.gateway.zigpy_device(noisy.ieee).endpoints[1].in_clusters[0x0000]  # type: ignore[union-attr]
    oversized = [
        attr
        for attr in (0x000A, 0xFFF0)
        if isinstance(cache.get(attr), bytes | str) and len(cache.get(attr)) > 1024
    ]
    figures = report(
        "garbage device among reporting devices (simulated network)",
        garbage_frames=garbage,
        real_updates=updates,
        events_expected=expected_events,
        events_fired=len(events),
        errors_logged=len(problems.records),
        upstream_zigpy_db_errors=len(problems.upstream),
        oversized_cached_values=len(oversized),
        frames_lost=expected_events - len(events),
    )
    assert figures["frames_lost"] == 0
    assert figures["errors_logged"] == 0, problems.messages()[:5]
    assert figures["oversized_cached_values"] == 0
    assert noisy.gateway.connected


# ---------------------------------------------------------------------------- radio drops


def _consistent(units: list[tuple[Unit, str, int]]) -> Callable[[], bool]:
    """All relay switches show what the simulated relays hold."""

    def check() -> bool:
        return all(dev.state("switch", key) == on_off(dev.sim.relays[ep]) for dev, key, ep in units)

    return check


async def test_radio_connection_dropped_ten_times_mid_traffic(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """The link to the coordinator dies ten times in a row while devices are busy.

    Every third drop hits again while the gateway is still reconnecting (zigpy half way
    through its start-up). The gateway reconnects every time, the entities come back and
    end up showing what the devices hold, and commands work afterwards.
    """
    await settled(hass)
    gateway = simulated_entry.runtime_data
    sim = network(gateway)
    plug = unit(simulated_entry, "ZNCZ04LM")
    wall = unit(simulated_entry, "WS-USC02")
    qbkg = unit(simulated_entry, "QBKG40LM")
    relays = [
        (plug, "state", 1),
        (wall, "state_top", 1),
        (wall, "state_bottom", 2),
        (qbkg, "state", 1),
    ]
    plug.sim.set_relay(1, True)
    drops = scale(10, 100)
    rng = random.Random(7)
    stop = asyncio.Event()
    sent = {"frames": 0}

    async def traffic() -> None:
        while not stop.is_set():
            choice = rng.randrange(3)
            if choice == 0:
                wall.sim.press(rng.choice(("top", "bottom")), "single")
            elif choice == 1:
                plug.sim.set_load(round(rng.uniform(0, 2000), 1))
            else:
                qbkg.sim.press("main", "single")
            sent["frames"] += 1
            await asyncio.sleep(0.01)

    started = time.perf_counter()
    with problem_log() as problems:
        task = asyncio.get_running_loop().create_task(traffic())
        injected = 0
        for drop in range(drops):
            await sim.drop_connection()
            injected += 1
            await until(hass, lambda: not gateway.connected)
            if drop % 3 == 2:
                # Again while the gateway is reconnecting
                await asyncio.sleep(rng.uniform(0.02, 0.3))
                await sim.drop_connection()
                injected += 1
            await until(hass, lambda: gateway.connected, timeout=60)
            await until(hass, lambda: plug.state("switch", "state") != STATE_UNAVAILABLE)
        stop.set()
        await task
        await settled(hass)
        await wait_for(hass, lambda: gateway.connected)
        await until(hass, _consistent(relays))
        await until(
            hass, lambda: plug.state("sensor", "power") == str(plug.sim.behaviour(Metering).power_w)
        )

        # Commands work after the storm
        for value in (False, True):
            await _switch(hass, plug.entity("switch", "state"), value)
            assert plug.sim.relays[1] is value
            await plug.wait_state("switch", "state", on_off(value))
    elapsed = time.perf_counter() - started

    lost = [r for r in caplog.records if "Zigbee radio was lost" in r.getMessage()]
    back = [r for r in caplog.records if "Zigbee radio is back" in r.getMessage()]
    unavailable = [
        dev.entity("switch", key)
        for dev, key, _ in relays
        if dev.state("switch", key) == STATE_UNAVAILABLE
    ]
    figures = report(
        "radio connection dropped mid-traffic (simulated network)",
        drops_injected=injected,
        losses_seen=len(lost),
        reconnects=len(back),
        device_frames_sent=sent["frames"],
        frames_dropped_while_down=sim.coordinator.frames_dropped,
        states_wrong_after_recovery=0 if _consistent(relays)() else 1,
        entities_unavailable=len(unavailable),
        errors_logged=len(problems.records),
        seconds=round(elapsed, 1),
    )
    assert figures["reconnects"] == figures["losses_seen"] >= drops
    assert figures["entities_unavailable"] == 0
    assert figures["states_wrong_after_recovery"] == 0
    assert figures["errors_logged"] == 0, problems.messages()[:5]
    await _reconnect_edge_cases(hass, simulated_entry, caplog)


# ---------------------------------------------------------------------------- silent devices


async def _failing_write(hass: HomeAssistant, call: Callable[[], object]) -> HomeAssistantError:
    started = time.perf_counter()
    with pytest.raises(HomeAssistantError) as raised:
        await call()  # type: ignore[misc]
    assert time.perf_counter() - started < 15
    assert raised.value.translation_domain == DOMAIN
    assert raised.value.translation_key in {"write_failed", "device_offline"}
    return raised.value


async def _device_that_stops_answering(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Writes to a device that no longer answers raise a translated error; states stay put.

    Two ways to be silent: the router's MAC never acknowledges (the stick reports the
    delivery failure at once), and a powered-off end device that never answers (zigpy's
    reply timeout, shortened here).
    """
    await settled(hass)
    plug = unit(simulated_entry, "ZNCZ04LM")
    wall = unit(simulated_entry, "WS-USC02")
    sim = network(simulated_entry.runtime_data)
    rounds = scale(1, 20)
    failures = 0

    relay = plug.entity("switch", "state")
    led = plug.entity("switch", "led_disabled_night")
    overload = plug.entity("number", "overload_protection")
    for _ in range(rounds):
        snapshot = {e: hass.states.get(e).state for e in (relay, led, overload)}  # type: ignore[union-attr]
        device_relay = plug.sim.relays[1]
        sim.fail_next(plug.ieee, 100, "MAC_NO_ACK")
        for call in (
            lambda wanted=not device_relay: _switch(hass, relay, wanted),
            lambda: _switch(hass, led, True),
            lambda: hass.services.async_call(
                "number", "set_value", {"entity_id": overload, "value": 1500}, blocking=True
            ),
        ):
            await _failing_write(hass, call)
            failures += 1
        await hass.async_block_till_done()
        assert plug.sim.relays[1] is device_relay
        assert {e: hass.states.get(e).state for e in snapshot} == snapshot  # type: ignore[union-attr]
        sim.fail_next(plug.ieee, 0, "MAC_NO_ACK")
        # Answering again: the same write goes through
        await _switch(hass, relay, not device_relay)
        assert plug.sim.relays[1] is not device_relay
        await plug.wait_state("switch", "state", on_off(not device_relay))

    top = wall.entity("switch", "state_top")
    with patch("zigpy.device.APS_REPLY_TIMEOUT_EXTENDED", 0.15):
        wall.sim.power_off()
        try:
            for _ in range(rounds):
                snapshot_top = wall.state("switch", "state_top")
                wanted = snapshot_top != "on"
                await _failing_write(hass, lambda wanted=wanted: _switch(hass, top, wanted))
                failures += 1
                assert wall.state("switch", "state_top") == snapshot_top
        finally:
            wall.sim.power_on()
    await _switch(hass, top, not wall.sim.relays[1])
    await wall.wait_state("switch", "state_top", on_off(wall.sim.relays[1]))

    figures = report(
        "device stops answering (simulated network)",
        writes_refused=failures,
        translated_errors=failures,
        states_changed_by_failed_writes=0,
        recovered=1,
    )
    assert figures["writes_refused"] == rounds * 4


# ---------------------------------------------------------------------------- sleepy devices


def _slow_receiver(dev: Unit, delay: float) -> Callable[[], None]:
    """Frames to the device wait ``delay`` s at its parent (the child polls that rarely)."""
    original = dev.sim.receive
    loop = asyncio.get_running_loop()
    pending: list[asyncio.TimerHandle] = []

    def held(frame: ApsFrame) -> None:
        pending.append(loop.call_later(delay, original, frame))

    def restore() -> None:
        dev.sim.receive = original  # type: ignore[method-assign]
        for handle in pending:
            handle.cancel()

    dev.sim.receive = held  # type: ignore[method-assign]
    return restore


async def _slow_sleepy_end_device(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """A no-neutral end device whose parent holds frames until it polls.

    Writes wait for it and succeed; its own reports (clicks) still arrive at once; a poll
    later than zigpy's reply timeout makes the write fail with a translated error, and
    the state then follows what the device reports when it finally acts.
    """
    await settled(hass)
    wall = unit(simulated_entry, "WS-USC02")
    top = wall.entity("switch", "state_top")
    bottom = wall.entity("switch", "state_bottom")
    action = wall.entity("event", "action")
    log = log_states(hass, action)
    delay = 0.5
    writes = scale(2, 30)
    slowest = 0.0
    restore = _slow_receiver(wall, delay)
    try:
        for index in range(writes):
            wanted = not wall.sim.relays[1]
            started = time.perf_counter()
            # Two writes at once to the same sleepy device
            await asyncio.gather(_switch(hass, top, wanted), _switch(hass, bottom, wanted))
            slowest = max(slowest, time.perf_counter() - started)
            assert wall.sim.relays[1] is wanted
            assert wall.sim.relays[2] is wanted
            await wall.wait_state("switch", "state_top", on_off(wanted))
            # Its own frames are not held: a click is an event right away
            wall.sim.press("bottom", "double")
            await until(hass, lambda n=index: len(log.states.get(action, [])) > n, timeout=delay)
        # zigpy retries with the same TSN: a held answer to the first attempt still counts
        # while the third waits, so the poll must be later than all three
        with patch("zigpy.device.APS_REPLY_TIMEOUT_EXTENDED", delay / 10):
            wanted = not wall.sim.relays[1]
            await _failing_write(hass, lambda: _switch(hass, top, wanted))
        # The device acted late (the request did reach it) and reported: HA follows it
        await wall.wait_state("switch", "state_top", on_off(wall.sim.relays[1]))
        await until(hass, lambda: not zigpy_replies_pending())
        await asyncio.sleep(delay * 2)  # the last held frames
    finally:
        restore()
    await settled(hass)
    assert wall.state("switch", "state_top") == on_off(wall.sim.relays[1])
    figures = report(
        "slow sleepy end device (simulated network)",
        poll_delay_s=delay,
        writes_ok=writes * 2,
        slowest_write_s=round(slowest, 2),
        events_fired=len(log.states.get(action, [])),
        late_write_errors_translated=1,
    )
    assert figures["events_fired"] == writes
    assert delay <= slowest < delay * 10  # (two writes queue behind each other)


# ---------------------------------------------------------------------------- power cycles


async def _power_cycles_with_power_outage_memory_on_and_off(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Mains cut and restored, memory on (relay comes back) and off (relay stays off)."""
    await settled(hass)
    cycles = scale(2, 25)
    done = 0
    for model in ("ZNCZ04LM", "ZNCZ02LM", "QBKG40LM"):
        dev = unit(simulated_entry, model)
        relay = dev.entity("switch", "state")
        memory = dev.entity("switch", "power_outage_memory")
        for keep in (True, False, True):
            await _switch(hass, memory, keep)
            assert dev.sim.power_outage_memory is keep
            await dev.wait_state("switch", "power_outage_memory", on_off(keep))
            for _ in range(cycles):
                await _switch(hass, relay, True)
                await dev.wait_state("switch", "state", "on")
                count = dev.sim.power_on_count
                dev.sim.power_cycle()
                assert dev.sim.power_on_count == count + 1
                assert dev.sim.relays[1] is keep
                await dev.wait_state("switch", "state", on_off(keep))
                done += 1
        # The counter the heartbeat carries follows the outages
        dev.sim.send_heartbeat()
        await until(
            hass,
            lambda dev=dev: (
                dev.gateway.handles[dev.ieee].last_heartbeat.get("power_outage_count")
                == dev.sim.power_outage_count
            ),
        )
    figures = report(
        "power cycles with power_outage_memory on/off (simulated network)",
        power_cycles=done,
        relay_states_right=done,
    )
    assert figures["power_cycles"] == cycles * 9


# ---------------------------------------------------------------------------- repeats


async def _repeated_frames_fire_one_event(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Aqara repeats frames (same TSN): one click is one event; a repeated heartbeat or
    relay report changes nothing."""
    await settled(hass)
    wall = unit(simulated_entry, "WS-USC02")
    plug = unit(simulated_entry, "ZNCZ04LM")
    action = wall.entity("event", "action")
    energy = plug.entity("sensor", "energy")
    relay = wall.entity("switch", "state_top")
    log = log_states(hass, action, energy, relay)
    captured: list[ApsFrame] = []
    coordinator = network(simulated_entry.runtime_data).coordinator
    original = coordinator.transmit

    def capture(frame: ApsFrame) -> None:
        captured.append(frame)
        original(frame)

    clicks = scale(3, 30)
    repeats = 0
    for sim in (wall.sim, plug.sim):
        sim._transmit = capture
    plug.sim.set_relay(1, True)
    plug.sim.set_load(1000.0)
    for index in range(clicks):
        captured.clear()
        wall.sim.press("top", "single")
        await until(hass, lambda n=index: len(log.states.get(action, [])) == n + 1)
        await until(hass, lambda n=index: len(log.states.get(relay, [])) == n + 1)
        for frame in list(captured):  # the click and the relay report, three more times
            for _ in range(3):
                original(frame)
                repeats += 1
        captured.clear()
        plug.sim.send_heartbeat()
        heartbeat = captured[-1]
        for _ in range(3):
            original(heartbeat)
            repeats += 1
        await asyncio.sleep(0.2)
    await settled(hass)
    for sim in (wall.sim, plug.sim):
        sim._transmit = original
    events = log.states.get(action, [])
    energies = log.numbers(energy)
    figures = report(
        "repeated frames (simulated network)",
        clicks=clicks,
        repeated_frames=repeats,
        events_fired=len(events),
        relay_state_changes=len(log.states.get(relay, [])),
        energy_updates=len(energies),
    )
    assert figures["events_fired"] == clicks
    assert figures["relay_state_changes"] == clicks
    assert energies == sorted(energies)


# ---------------------------------------------------------------------------- announces

ZDO_PROFILE = 0x0000
DEVICE_ANNCE = 0x0013
PHANTOM_IEEE = bytes.fromhex("0102030405060708")  # air order
PHANTOM_NWK = 0x4321


def _device_annce(nwk: int, ieee: bytes, capability: int = 0x80) -> bytes:
    """TSN, NWKAddr, IEEEAddr (air order), Capability: a well-formed Device_annce."""
    return b"\x42" + nwk.to_bytes(2, "little") + ieee + bytes([capability])


# name → payload, from (sender's NWK, victim's IEEE, coordinator's IEEE); all sent by SSM-U02
MALFORMED_ANNOUNCES: dict[str, Callable[[int, bytes, bytes], bytes]] = {
    "short": lambda own, _v, _c: _device_annce(own, PHANTOM_IEEE)[:-1],
    "long": lambda own, _v, _c: _device_annce(own, PHANTOM_IEEE) + b"\x00",
    "reserved nwk": lambda _o, _v, _c: _device_annce(0xFFF8, PHANTOM_IEEE),
    "broadcast nwk": lambda _o, _v, _c: _device_annce(0xFFFD, PHANTOM_IEEE),
    "coordinator nwk": lambda _o, _v, _c: _device_annce(0x0000, PHANTOM_IEEE),
    "zero ieee": lambda own, _v, _c: _device_annce(own, bytes(8)),
    "broadcast ieee": lambda own, _v, _c: _device_annce(own, b"\xff" * 8),
    "coordinator ieee": lambda own, _v, coordinator: _device_annce(own, coordinator),
    "other source": lambda _o, _v, _c: _device_annce(PHANTOM_NWK, PHANTOM_IEEE),
    "other device's ieee": lambda _o, victim, _c: _device_annce(PHANTOM_NWK, victim),
}


async def test_malformed_announces_create_no_device(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Announces that cannot be genuine change no device; a genuine one still moves one."""
    await settled(hass)
    gateway = simulated_entry.runtime_data
    app = gateway.app
    assert app is not None
    noisy = unit(simulated_entry, "SSM-U02")
    victim = unit(simulated_entry, "QBKG40LM")
    plug = unit(simulated_entry, "ZNCZ04LM")
    coordinator_ieee = app.state.node_info.ieee.serialize()
    registry = dr.async_get(hass)
    registered = len(dr.async_entries_for_config_entry(registry, simulated_entry.entry_id))
    addresses = {ieee: device.nwk for ieee, device in app.devices.items()}
    plug.sim.set_relay(1, True)  # the plug reports its power while on

    changed: dict[str, object] = {}
    for index, (name, payload_of) in enumerate(MALFORMED_ANNOUNCES.items()):
        payload = payload_of(noisy.sim.nwk, victim.sim.ieee, coordinator_ieee)
        noisy.send(0, DEVICE_ANNCE, payload, ZDO_PROFILE)
        # Frames are handled in order: once a later report is in, the announce was seen
        load = 10.5 + index
        plug.sim.set_load(load)
        await until(hass, lambda load=load: plug.state("sensor", "power") == str(load))
        now = {ieee: device.nwk for ieee, device in app.devices.items()}
        if now != addresses:
            changed[name] = {k: v for k, v in now.items() if addresses.get(k) != v}
            addresses = now
    assert changed == {}

    # A genuine announce (address conflict resolved: the device moved) still updates zigpy
    victim.sim.nwk = PHANTOM_NWK
    network(gateway).coordinator.add_device(victim.sim)
    victim.sim.announce()
    victim_device = gateway.zigpy_device(victim.ieee)
    assert victim_device is not None
    await until(hass, lambda: victim_device.nwk == PHANTOM_NWK)
    victim.sim.press("main", "single")
    await victim.wait_state("switch", "state", on_off(victim.sim.relays[1]))

    await settled(hass)
    assert set(app.devices) == set(addresses)
    assert len(dr.async_entries_for_config_entry(registry, simulated_entry.entry_id)) == registered


# ---------------------------------------------------------------------------- the tests
# (two checks per test share one simulated network: each set-up forms a network)


async def test_garbage_and_repeated_frames(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    await _garbage_from_one_device_while_the_others_report(hass, simulated_entry)
    await _repeated_frames_fire_one_event(hass, simulated_entry)


async def test_silent_slow_and_power_cut_devices(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    await _device_that_stops_answering(hass, simulated_entry)
    await _slow_sleepy_end_device(hass, simulated_entry)
    await _power_cycles_with_power_outage_memory_on_and_off(hass, simulated_entry)


async def _reconnect_edge_cases(
    hass: HomeAssistant, entry: AqaraConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """The races a plain drop rarely hits, forced.

    * The link dies right after zigpy's start-up finished (nothing would report it again):
      that attempt counts as failed, the next one works.
    * The link dies while the start-up waits for an answer (the radio library would wait
      for its 15-30 s timeout): that attempt ends at once, the next one works.
    * The stick came back holding another network: not used, a repair issue is raised,
      and the gateway connects once the right stick is back.
    * The entry unloads while a reconnect is half way through zigpy's start-up: the
      half-started application is shut down (serial port and database released).
    """
    gateway = entry.runtime_data
    sim = network(gateway)
    app_class = type(gateway.app)
    real_startup = app_class.startup
    started: list[object] = []

    async def startup_then_lose_link(app: Any, *args: Any, **kwargs: Any) -> None:
        await real_startup(app, *args, **kwargs)
        started.append(app)
        if len(started) == 1:
            app.connection_lost(ConnectionError("link died at the end of the start-up"))

    caplog.clear()
    with patch.object(app_class, "startup", startup_then_lose_link):
        await sim.drop_connection()
        await until(hass, lambda: not gateway.connected)
        await until(hass, lambda: gateway.connected and len(started) == 2, timeout=30)
    assert gateway.app is started[1]
    assert any("Reconnect attempt 1 failed" in r.getMessage() for r in caplog.records)

    # The link dies while the start-up waits for an answer that will never come
    waiting: list[object] = []

    async def startup_waiting_for_an_answer(app: Any, *args: Any, **kwargs: Any) -> None:
        waiting.append(app)
        if len(waiting) == 1:
            app.connection_lost(ConnectionError("link died in the middle of the start-up"))
            await asyncio.Event().wait()  # the request in flight is never answered
        await real_startup(app, *args, **kwargs)

    with patch.object(app_class, "startup", startup_waiting_for_an_answer):
        await sim.drop_connection()
        await until(hass, lambda: not gateway.connected)
        # Well within zigpy-znp's 15 s request timeout: nothing waits for it
        await until(hass, lambda: gateway.connected and len(waiting) == 2, timeout=10)
    assert gateway.app is waiting[1]

    # Another network on the stick while it was away
    saved = dict(entry.data["network"])
    hass.config_entries.async_update_entry(
        entry, data={**entry.data, "network": {**saved, "pan_id": saved["pan_id"] ^ 0x5A5A}}
    )
    await sim.drop_connection()
    await until(hass, lambda: not gateway.connected)
    issue_id = f"network_settings_changed_{entry.entry_id}"
    issues = ir.async_get(hass)
    await until(hass, lambda: issues.async_get_issue(DOMAIN, issue_id) is not None)
    assert not gateway.connected
    hass.config_entries.async_update_entry(entry, data={**entry.data, "network": saved})
    await until(hass, lambda: gateway.connected, timeout=30)
    assert issues.async_get_issue(DOMAIN, issue_id) is None

    # Unloaded half way through a reconnect
    shut_down: list[object] = []
    entered = asyncio.Event()
    real_shutdown = app_class.shutdown

    async def slow_startup(app: Any, *args: Any, **kwargs: Any) -> None:
        entered.set()
        await asyncio.sleep(30)

    async def shutdown(app: Any, *args: Any, **kwargs: Any) -> None:
        shut_down.append(app)
        await real_shutdown(app, *args, **kwargs)

    with (
        patch.object(app_class, "startup", slow_startup),
        patch.object(app_class, "shutdown", shutdown),
    ):
        await sim.drop_connection()
        await until(hass, lambda: not gateway.connected)
        await asyncio.wait_for(entered.wait(), 30)
        assert await hass.config_entries.async_unload(entry.entry_id)
    assert len(shut_down) == 2  # the lost application, and the half-started one
    assert gateway.app is None
    assert gateway.simulator is None
