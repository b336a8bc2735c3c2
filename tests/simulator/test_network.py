"""The simulated network's control surface (and, end to end, zigpy-znp against it)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zigpy.device
import zigpy.exceptions
import zigpy.types as t
from zigpy.zcl import Cluster, foundation

from custom_components.aqara_zigbee.simulator import tlv
from custom_components.aqara_zigbee.simulator.air import DeliveryStatus
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.models import DEFAULT_MODELS
from custom_components.aqara_zigbee.simulator.network import DEVICES_FILE, SimulatedNetwork
from custom_components.aqara_zigbee.simulator.zcl import LUMI_MANUFACTURER_CODE as MFR
from tests.simulator.conftest import AppFactory


def _network(state_dir: Path | None, **kwargs: object) -> SimulatedNetwork:
    return SimulatedNetwork(state_dir, clock=SimClock(manual=True), **kwargs)  # type: ignore[arg-type]


def test_default_network_has_the_five_seed_models() -> None:
    network = _network(None)
    assert [device.zigbee_model for device in network.devices.values()] == list(DEFAULT_MODELS)
    prefixes = {ieee[:8] for ieee in network.devices}
    assert prefixes == {"00:15:8d", "04:cf:8c", "54:ef:44"}
    nwks = [device.nwk for device in network.devices.values()]
    assert len(set(nwks)) == len(nwks)
    assert all(not device.joined for device in network.devices.values())
    # Same construction, same addresses.
    assert list(_network(None).devices) == list(network.devices)


def test_device_lookup() -> None:
    network = _network(None, devices=["ZNCZ02LM", "lumi.plug", "WS-USC02"])
    plugs = [d for d in network.devices.values() if d.zigbee_model == "lumi.plug"]
    assert len(plugs) == 2
    assert plugs[0].ieee != plugs[1].ieee
    switch = network.device("WS-USC02")
    assert network.device(switch.ieee_str) is switch
    assert network.device("0x" + switch.ieee_str.replace(":", "")) is switch
    assert network.device(switch.ieee_str.upper()) is switch
    with pytest.raises(KeyError, match="2 devices"):
        network.device("lumi.plug")
    with pytest.raises(KeyError, match="no simulated device"):
        network.device("lumi.switch.b1nc01")
    with pytest.raises(TypeError, match="not a plug"):
        network.set_load(switch.ieee_str, 10)


async def test_join_all_and_state_survive_a_restart(tmp_path: Path) -> None:
    network = _network(tmp_path)
    await network.join_all()
    assert all(network.coordinator.is_joined(d.ieee) for d in network.devices.values())

    plug = network.device("ZNCZ04LM")
    plug.power_outage_memory = True
    plug.set_relay(1, True)
    network.set_load(plug.ieee_str, 2000)
    await network.clock.advance(1800)
    network.press("WS-USC02", "bottom")
    network.power_cycle("QBKG40LM")
    network.set_temperature("SSM-U02", 33)
    await network.stop()
    assert (tmp_path / DEVICES_FILE).exists()

    again = _network(tmp_path)
    restored = again.device("ZNCZ04LM")
    assert all(device.joined for device in again.devices.values())
    assert restored.relays[1] is True
    assert restored.power_outage_memory is True
    assert restored.behaviour(Metering).load_watts == 2000
    assert restored.behaviour(Metering).energy_kwh == pytest.approx(1.0)
    assert again.device("WS-USC02").relays == {1: False, 2: True}
    assert again.device("QBKG40LM").power_outage_count == 1
    assert again.device("SSM-U02").temperature == 33
    await again.stop()


async def test_a_reset_device_leaves_the_coordinator(tmp_path: Path) -> None:
    network = _network(tmp_path, devices=["QBKG40LM"])
    await network.join_all()
    switch = network.device("QBKG40LM")
    network.press(switch.ieee_str, kind="long")  # nobody answers the prevent-reset frame
    await network.clock.advance(30)
    assert not switch.joined
    assert not network.coordinator.is_joined(switch.ieee)
    await network.join_all()
    assert switch.joined
    await network.stop()


async def test_fail_next_accepts_names_and_enum(tmp_path: Path) -> None:
    network = _network(tmp_path, devices=["ZNCZ04LM"])
    network.fail_next("ZNCZ04LM", 2)
    network.fail_next("ZNCZ04LM", 1, "nwk_no_route")
    network.fail_next("ZNCZ04LM", 1, DeliveryStatus.MAC_TRANSACTION_EXPIRED)
    with pytest.raises(KeyError):
        network.fail_next("ZNCZ04LM", 1, "SOMETHING_ELSE")
    await network.stop()


def test_unreadable_state_is_ignored(tmp_path: Path) -> None:
    (tmp_path / DEVICES_FILE).write_text("{not json")
    network = _network(tmp_path)
    assert len(network.devices) == len(DEFAULT_MODELS)


# -- the simulated clock --------------------------------------------------------------------


def test_manual_clock_runs_due_timers_in_order() -> None:
    clock = SimClock(manual=True)
    fired: list[tuple[str, float]] = []
    clock.call_later(10, lambda: fired.append(("b", clock.now)))
    clock.call_later(5, lambda: fired.append(("a", clock.now)))
    cancelled = clock.call_later(7, lambda: fired.append(("x", clock.now)))
    cancelled.cancel()

    def chain() -> None:
        fired.append(("c", clock.now))
        clock.call_later(1, lambda: fired.append(("d", clock.now)))

    clock.call_later(12, chain)
    assert clock.pending == 3
    clock.advance_sync(12.5)
    assert fired == [("a", 5.0), ("b", 10.0), ("c", 12.0)]
    assert clock.now == 12.5
    clock.advance_sync(1)
    assert fired[-1] == ("d", 13.0)
    assert clock.pending == 0
    with pytest.raises(ValueError, match="forward"):
        clock.advance_sync(-1)
    with pytest.raises(ValueError, match="positive"):
        SimClock(speed=0)


def test_a_failing_timer_does_not_stop_the_clock() -> None:
    clock = SimClock(manual=True)
    fired: list[int] = []

    def boom() -> None:
        raise RuntimeError("boom")

    clock.call_later(1, boom)
    clock.call_later(2, lambda: fired.append(2))
    clock.advance_sync(3)
    assert fired == [2]


async def test_real_time_clock_follows_its_speed() -> None:
    clock = SimClock(speed=600)  # ten simulated minutes per real second
    fired = asyncio.Event()
    clock.start()
    try:
        started = clock.now
        clock.call_later(60, fired.set)  # 0.1 s of real time
        async with asyncio.timeout(5):
            await fired.wait()
        assert clock.now - started >= 60
        clock.speed = 6000
        assert clock.speed == 6000
        later = asyncio.Event()
        clock.call_later(600, later.set)
        async with asyncio.timeout(5):
            await later.wait()
        # advance() also works on a running clock (a demo "skip ahead").
        skipped = asyncio.Event()
        clock.call_later(3600, skipped.set)
        await clock.advance(3600)
        assert skipped.is_set()
    finally:
        clock.stop()


# -- end to end: the real zigpy-znp application against the simulated network ----------------


async def _wait_for(predicate: Callable[[], bool]) -> None:
    async with asyncio.timeout(30):
        while not predicate():  # polling zigpy's state: no event to await
            await asyncio.sleep(0.05)


async def _read_raw(cluster: Cluster, attr: int) -> object:
    response = await cluster.read_attributes_raw([attr], manufacturer=MFR)
    (record,) = response[0]
    assert record.status == foundation.Status.SUCCESS
    return record.value.value


async def test_zigpy_znp_forms_joins_and_talks_to_the_devices(
    tmp_path: Path, make_app: AppFactory
) -> None:
    network = SimulatedNetwork(tmp_path / "sim", auto_join=True, clock=SimClock(manual=True))
    await network.start()
    try:
        app = await make_app(network.coordinator)

        def interviewed() -> list[zigpy.device.Device]:
            return [
                device
                for device in app.devices.values()
                if device.nwk != 0x0000 and device.is_initialized and device.model is not None
            ]

        await app.permit(60)
        await _wait_for(lambda: len(interviewed()) == len(DEFAULT_MODELS))
        found = {str(device.ieee): device for device in interviewed()}
        for ieee, simulated in network.devices.items():
            assert found[ieee].manufacturer == "LUMI"
            assert found[ieee].model == simulated.zigbee_model
        # The WS-USC02's hidden endpoints and cluster stay hidden from the interview.
        usc02 = found[network.device("WS-USC02").ieee_str]
        assert sorted(usc02.endpoints) == [0, 1, 2]
        assert 0xFCC0 not in usc02.endpoints[1].in_clusters

        # FCC0 with the manufacturer code: read, write, read back.
        plug = network.device("ZNCZ04LM")
        lumi = found[plug.ieee_str].endpoints[1].in_clusters[0xFCC0]
        assert await _read_raw(lumi, 0x0201) == t.Bool.false
        response = await lumi.write_attributes_raw(
            [foundation.Attribute(0x0201, foundation.TypeValue(t.uint8_t(0x10), t.Bool.true))],
            manufacturer_code=MFR,
        )
        assert response[0][0].status == foundation.Status.SUCCESS
        assert plug.power_outage_memory is True
        assert await _read_raw(lumi, 0x0201) == t.Bool.true
        # Without the code the attribute does not exist for the firmware.
        response = await lumi.read_attributes_raw([0x0201], manufacturer=None)
        assert response[0][0].status == foundation.Status.UNSUPPORTED_ATTRIBUTE

        # A heartbeat (FCC0 0x00F7, manufacturer specific) reaches zigpy.
        reports: list[Any] = []
        unsubscribe = lumi.on_event("attribute_report", reports.append)
        network.send_heartbeat(plug.ieee_str)
        await _wait_for(lambda: any(event.attribute_id == 0x00F7 for event in reports))
        unsubscribe()
        event = next(event for event in reports if event.attribute_id == 0x00F7)
        assert event.manufacturer_code == MFR
        assert bytes(event.raw_value) == plug.heartbeat_payload()
        assert tlv.as_dict(bytes(event.raw_value))[100] is False

        # OnOff command: the relay switches and the report updates zigpy's cache.
        on_off = found[plug.ieee_str].endpoints[1].on_off
        await on_off.on()
        assert plug.relays[1] is True
        await _wait_for(lambda: on_off.get("on_off") == t.Bool.true)

        # Delivery failures injected through the control surface reach zigpy.
        # (zigpy retries a failed unicast, hence more failures than one.)
        network.fail_next(plug.ieee_str, 5, "MAC_NO_ACK")
        with pytest.raises(zigpy.exceptions.DeliveryError):
            await on_off.off()
        assert plug.relays[1] is True
        network.fail_next(plug.ieee_str, 0)
        await on_off.off()
        assert plug.relays[1] is False
    finally:
        await network.stop()
