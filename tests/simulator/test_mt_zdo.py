"""ZDO in the Z-Stack emulator as pure functions: the coordinator's own answers (Zigbee
spec 2.4.3/2.4.4), MT ZDO requests as ZDP frames, and the MT codec's own checks."""

from __future__ import annotations

import struct

import pytest

from custom_components.aqara_zigbee.simulator import mt
from custom_components.aqara_zigbee.simulator.air import NodeInfo
from custom_components.aqara_zigbee.simulator.mt_zdo import (
    OWN_NODE_DESCRIPTOR,
    EndpointDescriptor,
    NwkUpdate,
    OwnNode,
    ZdoCluster,
    ZdoStatus,
    ZdpRequest,
    answer,
    node_descriptor_for,
    request_from_mt,
    response_callback,
)

OWN_IEEE = bytes.fromhex("01020304054b1200")
OTHER_IEEE = bytes.fromhex("1111111111158d00")
COORDINATOR = b"\x00\x00"
OK = bytes([ZdoStatus.SUCCESS])
NODE = OwnNode(
    ieee=OWN_IEEE,
    ext_pan_id=bytes.fromhex("dddddddddddddddd"),
    endpoints={1: EndpointDescriptor(1, 0x0104, 0x0005, 0, (0x0000,), (0x0019,))},
    neighbors=[
        NodeInfo(ieee=OTHER_IEEE, nwk=0x1001, rx_on_when_idle=True, is_router=True),
        NodeInfo(ieee=bytes(8), nwk=0x1002, rx_on_when_idle=False, is_router=False),
    ],
    permit_open=False,
)


def _match_desc(profile: int, in_clusters: list[int], out_clusters: list[int]) -> bytes:
    return (
        struct.pack("<HH", 0xFFFD, profile)
        + bytes([len(in_clusters)])
        + struct.pack(f"<{len(in_clusters)}H", *in_clusters)
        + bytes([len(out_clusters)])
        + struct.pack(f"<{len(out_clusters)}H", *out_clusters)
    )


@pytest.mark.parametrize(
    ("cluster", "args", "expected"),
    [
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ, OWN_IEEE + b"\x00\x00", OK + OWN_IEEE + COORDINATOR, id="nwk"
        ),
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ,
            OWN_IEEE + b"\x01\x00",
            OK + OWN_IEEE + COORDINATOR + b"\x02\x00" + struct.pack("<HH", 0x1001, 0x1002),
            id="nwk extended",
        ),
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ,
            OWN_IEEE + b"\x01\x01",
            OK + OWN_IEEE + COORDINATOR + b"\x02\x01" + struct.pack("<H", 0x1002),
            id="nwk extended second page",
        ),
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ,
            OTHER_IEEE + b"\x00\x00",
            bytes([ZdoStatus.DEVICE_NOT_FOUND]) + OTHER_IEEE + b"\xff\xff",
            id="nwk of someone else",
        ),
        pytest.param(
            ZdoCluster.IEEE_ADDR_REQ,
            b"\x01\x10\x00\x00",
            bytes([ZdoStatus.DEVICE_NOT_FOUND]) + OWN_IEEE + b"\x01\x10",
            id="ieee of someone else",
        ),
        pytest.param(
            ZdoCluster.IEEE_ADDR_REQ, b"\x00\x00\x00\x00", OK + OWN_IEEE + COORDINATOR, id="ieee"
        ),
        pytest.param(
            ZdoCluster.ACTIVE_EP_REQ, COORDINATOR, OK + COORDINATOR + b"\x01\x01", id="endpoints"
        ),
        pytest.param(
            ZdoCluster.SIMPLE_DESC_REQ,
            COORDINATOR + b"\x01",
            OK + COORDINATOR + bytes.fromhex("0c 01 0401 0500 00 01 0000 01 1900"),
            id="simple descriptor",
        ),
        pytest.param(
            ZdoCluster.MGMT_LQI_REQ,
            b"\x00",
            OK
            + b"\x02\x00\x02"
            + NODE.ext_pan_id
            + OTHER_IEEE
            + bytes.fromhex("0110 15 00 01 ff")
            + NODE.ext_pan_id
            + bytes(8)
            + bytes.fromhex("0210 12 00 01 ff"),
            id="neighbours",
        ),
        pytest.param(
            ZdoCluster.NODE_DESC_REQ,
            COORDINATOR,
            OK + COORDINATOR + OWN_NODE_DESCRIPTOR,
            id="node descriptor",
        ),
        pytest.param(
            ZdoCluster.NODE_DESC_REQ,
            b"\x01\x10",
            bytes([ZdoStatus.DEVICE_NOT_FOUND]) + b"\x01\x10",
            id="node descriptor of someone else",
        ),
        pytest.param(
            ZdoCluster.SIMPLE_DESC_REQ,
            COORDINATOR + b"\x02",
            bytes([ZdoStatus.NOT_ACTIVE]) + COORDINATOR,
            id="simple descriptor, endpoint not registered",
        ),
        pytest.param(
            ZdoCluster.SIMPLE_DESC_REQ,
            COORDINATOR + b"\x00",
            bytes([ZdoStatus.INVALID_EP]) + COORDINATOR,
            id="simple descriptor of ZDO endpoint",
        ),
        pytest.param(
            ZdoCluster.SIMPLE_DESC_REQ,
            COORDINATOR + b"\xff",
            bytes([ZdoStatus.INVALID_EP]) + COORDINATOR,
            id="simple descriptor of broadcast endpoint",
        ),
        pytest.param(ZdoCluster.BIND_REQ, OTHER_IEEE + b"\x01\x06\x00", OK, id="bind"),
        pytest.param(ZdoCluster.UNBIND_REQ, OTHER_IEEE + b"\x01\x06\x00", OK, id="unbind"),
        pytest.param(ZdoCluster.MGMT_BIND_REQ, b"\x00", OK + b"\x00\x00\x00", id="binding table"),
        pytest.param(ZdoCluster.MGMT_RTG_REQ, b"\x02", OK + b"\x00\x02\x00", id="routing table"),
        pytest.param(ZdoCluster.MGMT_PERMIT_JOINING_REQ, b"\x3c\x01", OK, id="permit joining"),
        pytest.param(
            ZdoCluster.MGMT_NWK_UPDATE_REQ,
            struct.pack("<IBB", 1 << 15, 0xFE, 3),
            None,
            id="channel change is not answered",
        ),
        pytest.param(
            ZdoCluster.MGMT_NWK_UPDATE_REQ,
            struct.pack("<IBB", 1 << 15 | 1 << 20, 0x02, 2),
            OK + struct.pack("<IHHB", 1 << 15 | 1 << 20, 4, 0, 2) + bytes([105 % 40, 140 % 40]),
            id="energy scan",
        ),
        pytest.param(ZdoCluster.DEVICE_ANNCE, b"\x00" * 11, None, id="announce"),
        pytest.param(0x8005, b"\x00\x00\x00\x00", None, id="a response"),
        pytest.param(0x0010, b"\x00", bytes([ZdoStatus.NOT_SUPPORTED]), id="not implemented"),
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ, OWN_IEEE, bytes([ZdoStatus.NOT_SUPPORTED]), id="truncated"
        ),
        pytest.param(
            ZdoCluster.MATCH_DESC_REQ,
            struct.pack("<HHB", 0xFFFD, 0x0104, 3) + b"\x19\x00",
            bytes([ZdoStatus.NOT_SUPPORTED]),
            id="truncated cluster list",
        ),
    ],
)
def test_unicast_answers(cluster: int, args: bytes, expected: bytes | None) -> None:
    result = answer(cluster, args, NODE)
    assert result == (None if expected is None else (cluster | 0x8000, expected))


@pytest.mark.parametrize(
    ("cluster", "args", "expected"),
    [
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ, OTHER_IEEE + b"\x00\x00", None, id="address of another"
        ),
        pytest.param(
            ZdoCluster.NWK_ADDR_REQ,
            OWN_IEEE + b"\x00\x00",
            OK + OWN_IEEE + COORDINATOR,
            id="our address",
        ),
        pytest.param(
            ZdoCluster.MATCH_DESC_REQ, _match_desc(0x0104, [0x0006], []), None, id="no match"
        ),
        pytest.param(
            ZdoCluster.MATCH_DESC_REQ,
            _match_desc(0x0104, [0x0019], []),
            OK + COORDINATOR + b"\x01\x01",
            id="OTA server",
        ),
        pytest.param(
            ZdoCluster.MATCH_DESC_REQ, _match_desc(0xC05E, [0x0019], []), None, id="other profile"
        ),
    ],
)
def test_broadcasts_are_answered_only_when_they_concern_us(
    cluster: int, args: bytes, expected: bytes | None
) -> None:
    result = answer(cluster, args, NODE, broadcast=True)
    assert result == (None if expected is None else (cluster | 0x8000, expected))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (struct.pack("<IBB", 1 << 11, 0x03, 5), NwkUpdate(1 << 11, 0x03, 5, None)),
        (struct.pack("<IB", 1 << 11, 0x03), NwkUpdate(1 << 11, 0x03, 1, None)),
        (struct.pack("<IBB", 1 << 25, 0xFE, 9), NwkUpdate(1 << 25, 0xFE, 1, 9)),
        (struct.pack("<IBB", 1 << 25, 0xFF, 9), NwkUpdate(1 << 25, 0xFF, 1, 9)),
        (struct.pack("<IB", 1 << 25, 0xFE), NwkUpdate(1 << 25, 0xFE, 1, None)),
        (struct.pack("<IBB", 1 << 25, 0x06, 9), NwkUpdate(1 << 25, 0x06, 1, None)),
    ],
)
def test_nwk_update_decoding(data: bytes, expected: NwkUpdate) -> None:
    assert NwkUpdate.decode(data) == expected


# ----------------------------------------------------------------- ZDO over MT


@pytest.mark.parametrize(
    ("mode", "address", "tail"),
    [
        pytest.param(0x03, OTHER_IEEE, OTHER_IEEE + b"\x01", id="to an endpoint"),
        pytest.param(0x01, b"\x42\x00" + bytes(6), b"\x42\x00", id="to a group"),
        pytest.param(0x02, bytes(8), b"", id="a mode without a destination"),
    ],
)
def test_bind_requests_carry_the_destination_their_mode_has(
    mode: int, address: bytes, tail: bytes
) -> None:
    # ZDO_BIND_REQ: destination, source IEEE/endpoint, cluster, mode, 8-byte address, endpoint.
    head = OWN_IEEE + struct.pack("<BHB", 1, 0x0006, mode)
    message = mt.decode(mt.ZDO_BIND_REQ.request, b"\x01\x10" + head + address + b"\x01")
    request = request_from_mt(mt.ZDO_BIND_REQ, message, own_ieee=OWN_IEEE)
    assert request == ZdpRequest(0x1001, ZdoCluster.BIND_REQ, head + tail)


def test_only_forwarded_requests_are_translated() -> None:
    with pytest.raises(ValueError, match="ZDO_EXT_NWK_INFO"):
        request_from_mt(mt.ZDO_EXT_NWK_INFO, mt.Message({}), own_ieee=OWN_IEEE)


@pytest.mark.parametrize(
    ("cluster", "zdp"),
    [
        pytest.param(ZdoCluster.DEVICE_ANNCE, b"\x01\x10" + OTHER_IEEE, id="short announce"),
        pytest.param(ZdoCluster.NWK_ADDR_RSP, b"\x00" + OTHER_IEEE, id="short address answer"),
        pytest.param(ZdoCluster.MATCH_DESC_REQ, b"\xfd\xff\x04\x01\x00\x00", id="a request"),
    ],
)
def test_messages_without_a_callback(cluster: int, zdp: bytes) -> None:
    assert response_callback(cluster, 0x1001, zdp) is None


def test_xiaomi_devices_see_xiaomis_manufacturer_code() -> None:
    assert node_descriptor_for(None) == OWN_NODE_DESCRIPTOR
    assert node_descriptor_for(bytes.fromhex("0102030405158d00")) == OWN_NODE_DESCRIPTOR
    xiaomi = node_descriptor_for(bytes.fromhex("01020304058ccf04"))
    assert xiaomi[:3] + xiaomi[5:] == OWN_NODE_DESCRIPTOR[:3] + OWN_NODE_DESCRIPTOR[5:]
    assert xiaomi[3:5] == b"\x5f\x11"


# ----------------------------------------------------------------- the MT codec itself


def test_mt_codec_refuses_what_does_not_fit() -> None:
    with pytest.raises(ValueError, match="250"):
        mt.Frame(mt.FrameType.AREQ, mt.Subsystem.AF, 0x81, bytes(251)).encode()
    with pytest.raises(ValueError, match="do not match"):
        mt.encode(mt.ZDO_STATE_CHANGE_IND.layout, {})
    for field, value in [
        (mt.U8, b"\x01"),
        (mt.BYTES8, 1),
        (mt.WORDS, 1),
        (mt.REST, 1),
    ]:
        with pytest.raises(TypeError):
            field.encode(value)
    with pytest.raises(ValueError, match="8 bytes"):
        mt.IEEE.encode(b"\x01")
    for layout, data in [
        ((("a", mt.U16),), b"\x01"),
        ((("a", mt.IEEE),), b"\x01"),
        ((("a", mt.BYTES8),), b"\x05\x01"),
        ((("a", mt.WORDS),), b""),
        ((("a", mt.WORDS),), b"\x02\x01\x00"),
    ]:
        with pytest.raises(mt.MtDecodeError):
            mt.decode(layout, data)
    message = mt.decode((("a", mt.U8), ("b", mt.REST)), b"\x01xy")
    assert dict(message) == {"a": 1, "b": b"xy"}
    assert len(message) == 2
    assert "'b': b'xy'" in repr(message)
