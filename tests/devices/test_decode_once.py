"""A Lumi device decodes each ZCL frame's header once, and gets zigpy's own result."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import zigpy.device
import zigpy.endpoint
import zigpy.zcl
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.lumi import zcl_header
from custom_components.aqara_zigbee.lumi.device import LumiDevice, lumi_device_from

from .fakes import LUMI, FakeApp, build_device, make_packet, record, report_frame, u16

HEARTBEAT = bytes.fromhex("64 10 00 03 28 18 05 21 0500 9A 20 00")


def _cluster_frame(tsn: int, command_id: int, payload: bytes = b"") -> bytes:
    header = foundation.ZCLHeader.cluster(
        tsn=tsn, command_id=command_id, direction=foundation.Direction.Client_to_Server
    )
    return header.serialize() + payload


def _general_frame(tsn: int, command_id: int, payload: bytes, manufacturer: int | None) -> bytes:
    header = foundation.ZCLHeader.general(
        tsn=tsn,
        command_id=command_id,
        manufacturer=manufacturer,
        direction=foundation.Direction.Server_to_Client,
    )
    return header.serialize() + payload


#: (endpoint, cluster, frame): every path of the command decoding
FRAMES: dict[str, tuple[int, int, bytes]] = {
    "standard report, generic cluster": (
        1,
        0x000C,
        report_frame(1, record(0x0055, 0x39, bytes.fromhex("0000c842"))),
    ),
    "manufacturer specific report, Lumi cluster": (
        1,
        0xFCC0,
        report_frame(2, record(0x0207, 0x10, b"\x01"), manufacturer=LUMI),
    ),
    "heartbeat with a wrong length byte, Lumi Basic": (
        1,
        0x0000,
        report_frame(3, record(0xFF01, 0x42, bytes([len(HEARTBEAT) + 1]) + HEARTBEAT)),
    ),
    "read attributes response": (
        1,
        0x0006,
        _general_frame(4, 0x01, u16(0x0000) + b"\x00\x10\x01", None),
    ),
    "unknown general command": (1, 0x000C, _general_frame(5, 0x7E, b"\x01\x02", None)),
    "cluster command from a client cluster": (2, 0x0006, _cluster_frame(6, 0x02)),
    "unknown cluster command": (2, 0x0006, _cluster_frame(7, 0x55, b"\x09")),
}


@pytest.fixture
def device(app: FakeApp) -> LumiDevice:
    raw = build_device(
        app,
        "lumi.plug",
        [(1, 0x51, (0x0000, 0x0006, 0x000C, 0xFCC0), ()), (2, 0x0103, (), (0x0006,))],
    )
    lumi = lumi_device_from(raw)
    app.devices[lumi.ieee] = lumi
    return lumi


@pytest.fixture
def header_decodes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every ZCL header zigpy decodes, by its frame (no header template kept yet)."""
    monkeypatch.setattr(zcl_header, "_templates", {})
    decoded: list[bytes] = []
    original = foundation.ZCLHeader.deserialize.__func__  # type: ignore[attr-defined]

    def counting(cls: type[foundation.ZCLHeader], data: bytes) -> Any:
        decoded.append(bytes(data))
        return original(cls, data)

    monkeypatch.setattr(foundation.ZCLHeader, "deserialize", classmethod(counting))
    return decoded


def _command(device: zigpy.device.Device, endpoint_id: int, cluster_id: int, frame: bytes) -> Any:
    """The command the device's receive path decodes from ``frame``."""
    packet = make_packet(device, endpoint_id, cluster_id, frame)
    hdr, _key = device._parse_packet_header(packet)
    assert hdr is not None
    endpoint, cluster = device._match_packet_endpoint_cluster(packet, hdr)
    return device._parse_packet_command(packet, endpoint, cluster)


@pytest.mark.parametrize("name", list(FRAMES))
def test_same_command_as_zigpy_with_one_header_decode(
    device: LumiDevice, header_decodes: list[bytes], name: str
) -> None:
    endpoint_id, cluster_id, frame = FRAMES[name]
    endpoint = device.endpoints[endpoint_id]
    assert isinstance(endpoint, zigpy.endpoint.Endpoint)
    cluster = endpoint.in_clusters.get(cluster_id) or endpoint.out_clusters[cluster_id]
    expected_header, expected = cluster.deserialize(frame)  # zigpy's (and our clusters') own
    header_decodes.clear()

    assert _command(device, endpoint_id, cluster_id, frame) == expected
    assert header_decodes == [frame]  # once: no second pass for the command
    header_decodes.clear()
    packet = make_packet(device, endpoint_id, cluster_id, frame)
    assert device._parse_packet_header(packet)[0] == expected_header
    assert header_decodes == []  # the same header again: from its template


def test_zigpy_debug_log_keeps_zigpy_path(
    device: LumiDevice, header_decodes: list[bytes], caplog: pytest.LogCaptureFixture
) -> None:
    """Whoever debugs zigpy's ZCL decoding gets all of its messages, as without us."""
    _endpoint, cluster_id, frame = FRAMES["standard report, generic cluster"]
    with caplog.at_level(logging.DEBUG, logger=zigpy.zcl.LOGGER.name):
        command = _command(device, 1, cluster_id, frame)
    assert command.attribute_reports[0].attrid == 0x0055
    assert len(header_decodes) == 2  # the header template, then zigpy's own decoding
    assert "Decoded ZCL frame" in caplog.text


async def test_a_report_reaches_the_cache_and_listeners(
    device: LumiDevice, header_decodes: list[bytes]
) -> None:
    endpoint = device.endpoints[1]
    assert isinstance(endpoint, zigpy.endpoint.Endpoint)
    cluster = endpoint.in_clusters[0x000C]
    heard: list[Any] = []
    cluster.on_event("attribute_report", heard.append)
    _endpoint, cluster_id, frame = FRAMES["standard report, generic cluster"]

    device.packet_received(make_packet(device, 1, cluster_id, frame))

    assert [event.value for event in heard] == [100.0]
    assert cluster.get("present_value") == 100.0
    assert header_decodes == [frame]


def test_a_header_is_not_reused_for_another_frame(device: LumiDevice) -> None:
    """The decoded header belongs to one packet: another packet is decoded on its own."""
    _endpoint, cluster_id, frame = FRAMES["standard report, generic cluster"]
    first = make_packet(device, 1, cluster_id, frame)
    hdr, _key = device._parse_packet_header(first)
    assert hdr is not None
    endpoint, cluster = device._match_packet_endpoint_cluster(first, hdr)
    other_frame = report_frame(9, record(0x0055, 0x39, bytes.fromhex("00004843")))
    other = make_packet(device, 1, cluster_id, other_frame)

    command = device._parse_packet_command(other, endpoint, cluster)

    assert command.attribute_reports[0].value.value == 200.0
