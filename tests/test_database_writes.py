"""Coalesced writes to zigpy's database (database_writes.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zigpy.config as conf
from zigpy.zcl import (
    AttributeReadEvent,
    AttributeReportedEvent,
    AttributeWrittenEvent,
    ClusterType,
    foundation,
)

from custom_components.aqara_zigbee.database_writes import (
    DRAIN_PERIOD,
    DRAIN_SLICE,
    FLUSH_INTERVAL,
    CoalescedDatabaseWrites,
    coalesce_database_writes,
)
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.lumi.device import LumiDevice
from tests.devices.fakes import FakeApp, build_device, make_packet, record, report_frame

PLUG = "00:15:8d:00:01:02:03:04"
OTHER = "00:15:8d:00:01:02:03:05"


class FakeLoop:
    """A simulated clock: call_later callbacks run when the test says so."""

    def __init__(self) -> None:
        self.timers: list[tuple[float, Callable[[], None], asyncio.TimerHandle]] = []

    def call_later(self, delay: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        handle = asyncio.TimerHandle(0, callback, (), asyncio.get_running_loop())
        self.timers.append((delay, callback, handle))
        return handle

    def fire(self) -> None:
        timers, self.timers = self.timers, []
        for _delay, callback, handle in timers:
            if not handle.cancelled():
                callback()


class FakeListener:
    """zigpy's database worker as the coalescer sees it: enqueue and shutdown."""

    def __init__(self) -> None:
        self.queued: list[tuple[str, tuple[Any, ...]]] = []
        self.shut_down_with: list[tuple[str, tuple[Any, ...]]] | None = None
        self.removed: list[tuple[Any, dict[str, Any]]] = []

    def enqueue(self, name: str, *args: Any) -> None:
        self.queued.append((name, args))

    async def shutdown(self) -> None:
        self.shut_down_with = list(self.queued)

    async def _remove_device(self, device: Any, **kwargs: Any) -> None:
        self.removed.append((device, kwargs))


class FakeDevice:
    def __init__(self, ieee: str) -> None:
        self.ieee = ieee


def report(value: float, *, ieee: str = PLUG, attribute: int = 0x0055) -> AttributeReportedEvent:
    return AttributeReportedEvent(
        device_ieee=ieee,
        endpoint_id=21,
        cluster_type=ClusterType.Server,
        cluster_id=0x000C,
        attribute_name=None,
        attribute_id=attribute,
        manufacturer_code=None,
        raw_value=value,
        value=value,
    )


def seen(second: int) -> datetime:
    return datetime(2026, 12, 5, 4, 0, second, tzinfo=UTC)


@pytest.fixture
def listener() -> FakeListener:
    return FakeListener()


@pytest.fixture
def loop() -> FakeLoop:
    return FakeLoop()


@pytest.fixture
def writes(listener: FakeListener, loop: FakeLoop) -> CoalescedDatabaseWrites:
    return CoalescedDatabaseWrites(listener, loop)  # type: ignore[arg-type]


async def test_latest_value_per_attribute_and_device_after_the_interval(
    listener: FakeListener, loop: FakeLoop, writes: CoalescedDatabaseWrites
) -> None:
    for value in (1.0, 2.0, 3.0):
        listener.enqueue("_save_attribute", report(value))
        listener.enqueue("_save_device_last_seen", PLUG, seen(int(value)))
    listener.enqueue("_save_attribute", report(7.0, attribute=0x0056))
    listener.enqueue("_save_attribute", report(9.0, ieee=OTHER))

    assert listener.queued == []
    assert writes.pending == 4
    assert [delay for delay, *_ in loop.timers] == [FLUSH_INTERVAL]  # one timer, not one each
    loop.fire()

    assert listener.queued == [
        ("_save_attribute", (report(3.0),)),
        ("_save_attribute", (report(7.0, attribute=0x0056),)),
        ("_save_attribute", (report(9.0, ieee=OTHER),)),
        ("_save_device_last_seen", (PLUG, seen(3))),
    ]
    assert writes.pending == 0
    listener.enqueue("_save_attribute", report(4.0))
    assert len(loop.timers) == 1  # the next write arms the next flush


async def test_an_interval_is_handed_over_a_slice_at_a_time(
    listener: FakeListener, loop: FakeLoop, writes: CoalescedDatabaseWrites
) -> None:
    reports = [report(1.0, attribute=attribute) for attribute in range(DRAIN_SLICE + 5)]
    for event in reports:
        listener.enqueue("_save_attribute", event)
    loop.fire()
    assert [args[0] for _name, args in listener.queued] == reports[:DRAIN_SLICE]
    assert [delay for delay, *_ in loop.timers] == [DRAIN_PERIOD]

    # A newer value while the slices drain waits for the next interval; other work
    # first hands over everything, in order
    listener.enqueue("_save_attribute", report(2.0, attribute=0))
    listener.enqueue("_remove_device", "device")
    assert [args[0] for _name, args in listener.queued[DRAIN_SLICE:-1]] == [
        *reports[DRAIN_SLICE:],
        report(2.0, attribute=0),
    ]
    assert listener.queued[-1] == ("_remove_device", ("device",))
    assert writes.pending == 0
    loop.fire()  # both timers were cancelled
    assert len(listener.queued) == len(reports) + 2


async def test_other_work_keeps_its_order_after_what_is_kept(
    listener: FakeListener, loop: FakeLoop, writes: CoalescedDatabaseWrites
) -> None:
    listener.enqueue("_save_attribute", report(1.0))
    listener.enqueue("_save_device_last_seen", PLUG, seen(1))
    listener.enqueue("_remove_device", "device")
    listener.enqueue("_save_attribute", report(2.0))

    assert listener.queued == [
        ("_save_attribute", (report(1.0),)),
        ("_save_device_last_seen", (PLUG, seen(1))),
        ("_remove_device", ("device",)),
    ]
    loop.fire()  # the first timer was cancelled by the flush; the second is armed
    assert listener.queued[3:] == [("_save_attribute", (report(2.0),))]


async def test_reads_and_writes_pass_through(
    listener: FakeListener, writes: CoalescedDatabaseWrites
) -> None:
    common: dict[str, Any] = {
        "device_ieee": PLUG,
        "endpoint_id": 1,
        "cluster_type": ClusterType.Server,
        "cluster_id": 0x0006,
        "attribute_name": "on_off",
        "attribute_id": 0x0000,
        "manufacturer_code": None,
        "value": True,
    }
    read = AttributeReadEvent(**common, raw_value=True)
    failed_write = AttributeWrittenEvent(**common, status=foundation.Status.READ_ONLY)
    listener.enqueue("_save_attribute", report(1.0))
    listener.enqueue("_save_attribute", read)
    listener.enqueue("_save_attribute", failed_write)

    assert listener.queued == [
        ("_save_attribute", (report(1.0),)),
        ("_save_attribute", (read,)),
        ("_save_attribute", (failed_write,)),
    ]


async def test_a_device_whose_rows_are_removed_loses_its_kept_writes(
    listener: FakeListener, loop: FakeLoop, writes: CoalescedDatabaseWrites
) -> None:
    """zigpy removes a re-interviewed device's rows directly, not through its queue."""
    listener.enqueue("_save_attribute", report(1.0))
    listener.enqueue("_save_device_last_seen", PLUG, seen(1))
    listener.enqueue("_save_attribute", report(2.0, ieee=OTHER))
    old = FakeDevice(PLUG)

    await listener._remove_device(old, force_commit=False)

    assert listener.removed == [(old, {"force_commit": False})]
    loop.fire()
    assert listener.queued == [("_save_attribute", (report(2.0, ieee=OTHER),))]


async def test_shutdown_writes_what_is_kept_first(
    listener: FakeListener, loop: FakeLoop, writes: CoalescedDatabaseWrites
) -> None:
    listener.enqueue("_save_attribute", report(5.0))
    await listener.shutdown()
    assert listener.shut_down_with == [("_save_attribute", (report(5.0),))]
    loop.fire()
    assert len(listener.queued) == 1  # the timer was cancelled: nothing twice


async def test_installed_once_and_only_on_a_database() -> None:
    app = FakeApp()
    assert coalesce_database_writes(app) is None  # no database configured

    app._dblistener = FakeListener()  # type: ignore[assignment]
    first = coalesce_database_writes(app)
    assert first is not None
    assert coalesce_database_writes(app) is first


async def test_zigpy_database_keeps_the_latest_report_across_a_restart(tmp_path: Path) -> None:
    """With zigpy's real database (2.3 commits every write, 2.4 defers its commits)."""
    config = {
        conf.CONF_DEVICE: {conf.CONF_DEVICE_PATH: "/dev/null"},
        conf.CONF_DATABASE: str(tmp_path / "zigpy.db"),
    }
    first = await FakeApp.new(config, start_radio=False, device_resolver=resolve_device)
    assert isinstance(first, FakeApp)
    writes = coalesce_database_writes(first)
    assert writes is not None
    raw = build_device(first, "lumi.plug", [(1, 0x51, (0x0000, 0x000C), ())])
    raw.endpoints[1].in_clusters[0x0000].update_attribute(0x0005, "lumi.plug")
    raw.endpoints[1].in_clusters[0x0000].update_attribute(0x0004, "LUMI")
    first.device_initialized(raw)
    device = first.get_device(ieee=raw.ieee)
    assert isinstance(device, LumiDevice)
    for tsn, value in enumerate((b"\x00\x00\x80\x3f", b"\x00\x00\x00\x40", b"\x00\x00\x40\x40")):
        device.packet_received(
            make_packet(device, 1, 0x000C, report_frame(tsn, record(0x0055, 0x39, value)))
        )
    assert writes.pending >= 1
    await asyncio.sleep(0)
    await first.shutdown()

    second = await FakeApp.new(config, start_radio=False, device_resolver=resolve_device)
    try:
        restored = second.get_device(ieee=raw.ieee)
        assert isinstance(restored, LumiDevice)
        assert restored.endpoints[1].in_clusters[0x000C].get(0x0055) == 3.0
        assert restored.last_seen is not None
    finally:
        await second.shutdown()
