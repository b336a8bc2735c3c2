"""The Lumi zigpy clusters: definitions and wire tolerance."""

from __future__ import annotations

from typing import Any

import pytest
import zigpy.endpoint
from zigpy.zcl import Cluster, foundation
from zigpy.zcl.clusters.general import Basic

from custom_components.aqara_zigbee.lumi.clusters import (
    LUMI_CLUSTERS,
    LumiBasic,
    LumiCluster,
    LumiTlv,
)

from .fakes import LUMI, FakeApp, build_device, lv, record, report_frame, u16

WS_USC01 = bytes.fromhex("64 10 00 03 28 18 05 21 0500 9A 20 00 08 21 2001 0A 21 AD84 0B 20 00")


class Collector:
    """Legacy cluster listener + event collector."""

    def __init__(self, cluster: Cluster) -> None:
        self.commands: list[tuple[foundation.ZCLHeader, Any]] = []
        self.reports: list[tuple[str | None, int, int | None, object]] = []
        cluster.add_listener(self)
        cluster.on_event("attribute_report", self._on_report)

    def general_command(self, hdr: foundation.ZCLHeader, args: Any) -> None:
        self.commands.append((hdr, args))

    def _on_report(self, event: Any) -> None:
        self.reports.append(
            (event.attribute_name, event.attribute_id, event.manufacturer_code, event.value)
        )


@pytest.fixture
def endpoint(app: FakeApp) -> zigpy.endpoint.Endpoint:
    device = build_device(app, "lumi.plug", [(1, 0x51, (), ())])
    ep = device.endpoints[1]
    assert isinstance(ep, zigpy.endpoint.Endpoint)
    return ep


def _feed(cluster: Cluster, frame: bytes) -> None:
    cluster.handle_message(*cluster.deserialize(frame))


def test_not_in_zigpy_registry() -> None:
    assert Cluster._registry[0x0000] is Basic
    assert Cluster._registry.get(0xFCC0) is not LumiCluster
    assert dict(LUMI_CLUSTERS) == {0xFCC0: LumiCluster, 0x0000: LumiBasic}


def test_every_lumi_attribute_carries_the_manufacturer_code() -> None:
    for attr in LumiCluster.AttributeDefs:
        assert attr.manufacturer_code == LUMI, attr.name
    assert LumiCluster.find_attribute(0x020B, manufacturer_code=LUMI).name == (
        "overload_protection"
    )
    assert LumiBasic.find_attribute(0xFF01, manufacturer_code=LUMI).name == "lumi_heartbeat"
    assert LumiBasic.find_attribute(0xFFF0, manufacturer_code=LUMI).zcl_type == 0x41
    # genBasic's standard attributes are still there
    assert LumiBasic.find_attribute(0x0005, manufacturer_code=None).name == "model"


def test_lumi_tlv() -> None:
    assert LumiTlv(b"\x01\x02") == b"\x01\x02"
    text, _ = foundation.DataType.from_type_id(0x42).python_type.deserialize(lv(WS_USC01))
    assert LumiTlv(text) == WS_USC01  # binary survives zigpy's character string decoding
    assert LumiTlv("abc") == b"abc"
    assert LumiTlv(b"\x01").serialize() == b"\x01\x01"
    assert LumiTlv.deserialize(bytes([len(WS_USC01) + 1]) + WS_USC01) == (WS_USC01, b"")
    with pytest.raises(TypeError):
        LumiTlv(5)
    with pytest.raises(ValueError, match="too long"):
        LumiTlv(b"x" * 300).serialize()


@pytest.mark.parametrize("manufacturer", [None, LUMI])
def test_fcc0_reports_with_or_without_manufacturer_code(
    endpoint: zigpy.endpoint.Endpoint, manufacturer: int | None
) -> None:
    cluster = endpoint.add_input_cluster(0xFCC0, LumiCluster(endpoint))
    collector = Collector(cluster)
    _feed(cluster, report_frame(1, record(0x0201, 0x10, b"\x01"), manufacturer=manufacturer))
    assert collector.reports == [("power_outage_memory", 0x0201, LUMI, 1)]
    assert cluster.get("power_outage_memory") == 1
    # Listeners see the original frame
    assert collector.commands[0][0].manufacturer == manufacturer


def test_mixed_standard_and_manufacturer_attributes(endpoint: zigpy.endpoint.Endpoint) -> None:
    """Aqara's join report: model (standard) and 0xFF01 (Lumi) in one frame, one code."""
    cluster = endpoint.add_input_cluster(0x0000, LumiBasic(endpoint))
    collector = Collector(cluster)
    body = record(0x0005, 0x42, lv(b"lumi.plug")) + record(0xFF01, 0x42, lv(WS_USC01))
    _feed(cluster, report_frame(2, body, manufacturer=LUMI))
    assert collector.reports == [
        ("model", 0x0005, None, "lumi.plug"),
        ("lumi_heartbeat", 0xFF01, LUMI, WS_USC01),
    ]
    assert cluster.get("model") == "lumi.plug"


@pytest.mark.parametrize("delta", [1, -1])
def test_heartbeat_with_wrong_length_prefix(endpoint: zigpy.endpoint.Endpoint, delta: int) -> None:
    cluster = endpoint.add_input_cluster(0x0000, LumiBasic(endpoint))
    collector = Collector(cluster)
    body = record(0xFF01, 0x42, bytes([len(WS_USC01) + delta]) + WS_USC01)
    frame = report_frame(3, body)
    with pytest.raises(ValueError, match="too short"):  # zigpy's own Basic cannot parse it
        Basic(endpoint).deserialize(frame)
    _feed(cluster, frame)
    assert collector.reports == [("lumi_heartbeat", 0xFF01, LUMI, WS_USC01)]


def test_wrong_length_followed_by_another_record(endpoint: zigpy.endpoint.Endpoint) -> None:
    cluster = endpoint.add_input_cluster(0xFCC0, LumiCluster(endpoint))
    collector = Collector(cluster)
    body = record(0x00F7, 0x41, bytes([len(WS_USC01) + 1]) + WS_USC01)
    body += record(0x0207, 0x10, b"\x01")
    _feed(cluster, report_frame(4, body, manufacturer=LUMI))
    assert [name for name, *_ in collector.reports] == ["heartbeat", "consumer_connected"]


def test_undecodable_tail_keeps_the_good_records(endpoint: zigpy.endpoint.Endpoint) -> None:
    cluster = endpoint.add_input_cluster(0xFCC0, LumiCluster(endpoint))
    collector = Collector(cluster)
    body = record(0x0201, 0x10, b"\x01") + u16(0x0202) + b"\xfe\x01\x02"  # unknown type
    _feed(cluster, report_frame(5, body, manufacturer=LUMI))
    assert [name for name, *_ in collector.reports] == ["power_outage_memory"]


def test_nothing_decodable_still_raises(endpoint: zigpy.endpoint.Endpoint) -> None:
    cluster = LumiCluster(endpoint)
    with pytest.raises(ValueError, match="0xFE"):
        cluster.deserialize(report_frame(6, u16(0x0202) + b"\xfe\x01\x02"))
    # Other commands are not second-guessed
    header = foundation.ZCLHeader.general(
        tsn=1, command_id=foundation.GeneralCommand.Read_Attributes_rsp
    )
    with pytest.raises(ValueError, match="too short"):
        cluster.deserialize(header.serialize() + b"\x01")


def test_mistyped_values_are_not_stored(endpoint: zigpy.endpoint.Endpoint) -> None:
    cluster = endpoint.add_input_cluster(0xFCC0, LumiCluster(endpoint))
    collector = Collector(cluster)
    body = record(0x00F7, 0x20, b"\x05") + record(0x0203, 0x10, b"\x01")
    _feed(cluster, report_frame(7, body, manufacturer=LUMI))
    assert [name for name, *_ in collector.reports] == ["led_disabled_night"]
    assert len(collector.commands) == 1  # the listener still saw the whole frame


def test_single_default_response(app: FakeApp, endpoint: zigpy.endpoint.Endpoint) -> None:
    """A re-dispatched report answers the device's default response request once."""
    cluster = endpoint.add_input_cluster(0x0000, LumiBasic(endpoint))
    sent: list[foundation.ZCLHeader] = []
    cluster.send_default_rsp = lambda hdr, status=foundation.Status.SUCCESS: sent.append(hdr)  # type: ignore[method-assign]
    body = record(0x0005, 0x42, lv(b"lumi.plug")) + record(0xFF01, 0x42, lv(WS_USC01))
    frame = bytearray(report_frame(8, body, manufacturer=LUMI))
    frame[0] &= ~0x10  # the device wants a default response
    _feed(cluster, bytes(frame))
    assert [hdr.tsn for hdr in sent] == [8]
