"""The zigpy device resolver and the Lumi device class."""

from __future__ import annotations

from pathlib import Path
import struct
from unittest.mock import MagicMock

import pytest
import zigpy.config as conf
import zigpy.device
import zigpy.endpoint
from zigpy.zcl import foundation
from zigpy.zcl.clusters.general import MultistateInput

from custom_components.aqara_zigbee.devices import resolver
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.lumi.clusters import LumiBasic, LumiCluster
from custom_components.aqara_zigbee.lumi.device import MAX_AUTO_DECLARED, LumiDevice

from .fakes import (
    QBKG40LM_ENDPOINTS,
    WS_USC02_ENDPOINTS,
    ZNCZ02LM_ENDPOINTS,
    FakeApp,
    build_device,
    make_packet,
    record,
    report_frame,
    settle,
    u16,
)


def _in_clusters(device: zigpy.device.Device, endpoint_id: int) -> dict[int, object]:
    endpoint = device.endpoints[endpoint_id]
    assert isinstance(endpoint, zigpy.endpoint.Endpoint)
    return endpoint.in_clusters


def test_ws_usc02_hidden_endpoints_declared(app: FakeApp) -> None:
    raw = build_device(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS, end_device=True)
    raw.lqi = 99
    basic = raw.endpoints[1].in_clusters[0x0000]
    basic.update_attribute(0x0005, "lumi.switch.b2laus01")

    resolved = resolve_device(raw)

    assert isinstance(resolved, LumiDevice)
    assert resolved is not raw
    assert (resolved.ieee, resolved.nwk, resolved.model, resolved.lqi) == (
        raw.ieee,
        raw.nwk,
        "lumi.switch.b2laus01",
        99,
    )
    assert resolved.node_desc == raw.node_desc
    assert resolved.manufacturer_id == 0x115F
    for endpoint_id in (41, 42, 51):
        assert isinstance(_in_clusters(resolved, endpoint_id)[0x0012], MultistateInput)
        assert resolved.endpoints[endpoint_id].profile_id == 0x0104
        assert resolved.endpoints[endpoint_id].status == zigpy.endpoint.Status.ZDO_INIT
    assert isinstance(_in_clusters(resolved, 1)[0xFCC0], LumiCluster)
    assert isinstance(_in_clusters(resolved, 2)[0xFCC0], LumiCluster)
    new_basic = _in_clusters(resolved, 1)[0x0000]
    assert isinstance(new_basic, LumiBasic)
    assert new_basic.get("model") == "lumi.switch.b2laus01"  # attribute cache carried over
    # Announced clusters survive, client side included
    assert set(_in_clusters(resolved, 1)) >= {0x0000, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006}
    assert 0x0019 in resolved.endpoints[1].out_clusters
    assert resolved.is_initialized
    # The raw device is left alone
    assert 41 not in raw.endpoints
    # Idempotent
    assert resolve_device(resolved) is resolved


def test_qbkg40lm_declares_button_endpoint_and_fcc0(app: FakeApp) -> None:
    resolved = resolve_device(build_device(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS))
    assert isinstance(resolved, LumiDevice)
    assert 0x0012 in _in_clusters(resolved, 41)
    assert isinstance(_in_clusters(resolved, 1)[0xFCC0], LumiCluster)


@pytest.mark.parametrize(
    "model",
    [None, "", "lumi.unknown", "x" * 100_000, "лампа", "lumi.plug\udcff", "\x00" * 40],
)
def test_unknown_or_hostile_models_unchanged(app: FakeApp, model: str | None) -> None:
    raw = build_device(app, None, ZNCZ02LM_ENDPOINTS)
    raw._model = model  # bypass the setter: anything may come out of a database
    assert resolve_device(raw) is raw


def test_non_zigbee_devices_unchanged() -> None:
    other = MagicMock(spec=zigpy.device.BaseDevice)
    assert resolve_device(other) is other


def test_resolver_failure_returns_raw(app: FakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = build_device(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)

    def boom(device: zigpy.device.Device) -> LumiDevice:
        raise RuntimeError("boom")

    monkeypatch.setattr(resolver, "lumi_device_from", boom)
    assert resolve_device(raw) is raw


async def test_zigpy_finalizes_through_the_resolver(app: FakeApp) -> None:
    app.register_device_resolver(resolve_device)
    raw = build_device(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    seen: list[zigpy.device.BaseDevice] = []

    class Listener:
        def device_initialized(self, device: zigpy.device.BaseDevice) -> None:
            seen.append(device)

    app.add_listener(Listener())
    app.device_initialized(raw)
    resolved = app.get_device(ieee=raw.ieee)
    assert isinstance(resolved, LumiDevice)
    assert seen == [resolved]
    assert resolved.original_signature is not None


async def test_restored_from_database(tmp_path: Path) -> None:
    config = {
        conf.CONF_DEVICE: {conf.CONF_DEVICE_PATH: "/dev/null"},
        conf.CONF_DATABASE: str(tmp_path / "zigpy.db"),
    }
    first = await FakeApp.new(config, start_radio=False, device_resolver=resolve_device)
    assert isinstance(first, FakeApp)
    raw = build_device(first, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS, end_device=True)
    raw.endpoints[1].in_clusters[0x0000].update_attribute(0x0005, "lumi.switch.b2laus01")
    raw.endpoints[1].in_clusters[0x0000].update_attribute(0x0004, "LUMI")
    first.device_initialized(raw)
    live = first.get_device(ieee=raw.ieee)
    assert isinstance(live, LumiDevice)
    # A manufacturer specific report lands in the cache of the (virtual) 0xFCC0 cluster
    first.packet_received(
        make_packet(
            live,
            1,
            0xFCC0,
            report_frame(7, record(0x0201, 0x10, b"\x01"), manufacturer=0x115F),
        )
    )
    await settle()
    await first.shutdown()

    second = await FakeApp.new(config, start_radio=False, device_resolver=resolve_device)
    try:
        restored = second.get_device(ieee=raw.ieee)
        assert isinstance(restored, LumiDevice)
        assert restored.model == "lumi.switch.b2laus01"
        assert {41, 42, 51} <= set(restored.endpoints)
        fcc0 = _in_clusters(restored, 1)[0xFCC0]
        assert isinstance(fcc0, LumiCluster)
        assert fcc0.get("power_outage_memory") == 1
    finally:
        await second.shutdown()


def _resolved(app: FakeApp, model: str, endpoints: list) -> LumiDevice:  # type: ignore[type-arg]
    app.register_device_resolver(resolve_device)
    raw = build_device(app, model, endpoints)
    app.device_initialized(raw)
    device = app.get_device(ieee=raw.ieee)
    assert isinstance(device, LumiDevice)
    return device


async def test_wrong_direction_bit_is_tolerated(app: FakeApp) -> None:
    device = _resolved(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    reports: list[object] = []
    device.endpoints[41].in_clusters[0x0012].on_event(
        "attribute_report", lambda event: reports.append(event.value)
    )
    frame = report_frame(
        3,
        record(0x0055, 0x21, u16(1)),
        direction=foundation.Direction.Client_to_Server,  # Aqara's wrong bit
    )
    app.packet_received(make_packet(device, 41, 0x0012, frame))
    assert reports == [1]


async def test_frames_from_undeclared_endpoints_are_kept(app: FakeApp) -> None:
    device = _resolved(app, "lumi.plug.mmeu01", [(1, 0x51, (0x0000, 0x0006), ())])
    added: list[object] = []

    class Listener:
        def lumi_cluster_added(self, cluster: object) -> None:
            added.append(cluster)

    device.add_listener(Listener())
    frame = report_frame(9, record(0x0055, 0x39, struct.pack("<f", 42.5)))
    app.packet_received(make_packet(device, 21, 0x000C, frame))
    cluster = _in_clusters(device, 21)[0x000C]
    assert cluster.get("present_value") == 42.5  # type: ignore[attr-defined]
    assert added == [cluster]
    # And from an undeclared cluster on a known endpoint
    app.packet_received(make_packet(device, 1, 0x0002, report_frame(10, record(0, 0x29, u16(31)))))
    assert _in_clusters(device, 1)[0x0002].get("current_temperature") == 31  # type: ignore[attr-defined]


async def test_on_the_fly_declarations_are_bounded(app: FakeApp) -> None:
    device = _resolved(app, "lumi.plug.mmeu01", [(1, 0x51, (0x0000, 0x0006), ())])
    before = len(_in_clusters(device, 1))
    for cluster_id in range(0x0100, 0x0100 + MAX_AUTO_DECLARED + 10):
        frame = report_frame(cluster_id & 0xFF, record(0x0000, 0x20, b"\x01"))
        app.packet_received(make_packet(device, 1, cluster_id, frame))
    assert len(_in_clusters(device, 1)) == before + MAX_AUTO_DECLARED
