"""The heartbeat TLV encoder reproduces real Lumi payloads byte for byte."""

from __future__ import annotations

import struct

import pytest

from custom_components.aqara_zigbee.simulator import tlv, zcl
from custom_components.aqara_zigbee.simulator.zcl import DataType, ZclDecodeError

# Real payloads (reference/devices.md).
ZNCZ04LM_2019 = bytes.fromhex(
    "641000"
    "03281a"
    "983900000000"
    "9539441d343f"
    "963900801345"
    "973900000000"
    "05210100"
    "9a2000"
    "08211601"
    "07270000000000000000"
    "09210004"
    "0b2000"
    "9b1000"
)
WS_USC01 = bytes.fromhex("641000032818052105009a2000082120010a21ad840b2000")
ENERGY_070 = struct.unpack("<f", bytes.fromhex("441d343f"))[0]


def test_zncz04lm_2019_payload() -> None:
    entries: list[tlv.TlvEntry] = [
        (100, DataType.BOOL, False),
        (3, DataType.INT8, 26),
        (152, DataType.FLOAT, 0.0),
        (149, DataType.FLOAT, ENERGY_070),
        (150, DataType.FLOAT, 2360.0),
        (151, DataType.FLOAT, 0.0),
        (5, DataType.UINT16, 1),
        (154, DataType.UINT8, 0),
        (8, DataType.UINT16, 278),
        (7, DataType.UINT64, 0),
        (9, DataType.UINT16, 1024),
        (11, DataType.UINT8, 0),
        (155, DataType.BOOL, False),
    ]
    assert tlv.encode(entries) == ZNCZ04LM_2019
    assert round(ENERGY_070, 2) == 0.70


def test_ws_usc01_payload() -> None:
    entries: list[tlv.TlvEntry] = [
        (100, DataType.BOOL, False),
        (3, DataType.INT8, 24),
        (5, DataType.UINT16, 5),
        (154, DataType.UINT8, 0),
        (8, DataType.UINT16, 0x0120),
        (10, DataType.UINT16, 0x84AD),
        (11, DataType.UINT8, 0),
    ]
    assert tlv.encode(entries) == WS_USC01


def test_ssm_u02_payload() -> None:
    # {3=22, 100=false, 5=2, 8=278, 154=0, 10=0, 11=0}
    entries: list[tlv.TlvEntry] = [
        (3, DataType.INT8, 22),
        (100, DataType.BOOL, False),
        (5, DataType.UINT16, 2),
        (8, DataType.UINT16, 278),
        (154, DataType.UINT8, 0),
        (10, DataType.UINT16, 0),
        (11, DataType.UINT8, 0),
    ]
    assert tlv.encode(entries) == bytes.fromhex("03281664100005210200082116019a20000a2100000b2000")


@pytest.mark.parametrize("payload", [ZNCZ04LM_2019, WS_USC01])
def test_decode_round_trip(payload: bytes) -> None:
    assert tlv.encode(tlv.decode(payload)) == payload


def test_as_dict_reads_values() -> None:
    values = tlv.as_dict(ZNCZ04LM_2019)
    assert values[3] == 26
    assert values[150] == 2360.0
    assert values[5] == 1
    assert values[100] is False
    assert tlv.as_dict(WS_USC01)[10] == 0x84AD


def test_negative_temperature_and_wide_integers() -> None:
    data = tlv.encode([(3, DataType.INT8, -5), (6, DataType.UINT40, 0x0102030405)])
    assert data == bytes.fromhex("0328fb06240504030201")
    assert tlv.decode(data) == [(3, DataType.INT8, -5), (6, DataType.UINT40, 0x0102030405)]


def test_truncated_payload_is_rejected() -> None:
    with pytest.raises(ZclDecodeError):
        tlv.decode(bytes.fromhex("052101"))
    with pytest.raises(ZclDecodeError):
        tlv.decode(bytes.fromhex("05"))


# -- the ZCL / ZDO codec the devices use -----------------------------------------------------


def test_zcl_header_round_trip_and_reply() -> None:
    header = zcl.ZclHeader(
        command=zcl.GeneralCommand.WRITE_ATTRIBUTES,
        tsn=0x42,
        manufacturer=zcl.LUMI_MANUFACTURER_CODE,
        disable_default_response=True,
    )
    assert header.encode() == bytes.fromhex("145f114202")
    decoded, rest = zcl.ZclHeader.decode(header.encode() + b"\x01\x02")
    assert decoded == header
    assert rest == b"\x01\x02"
    answer = header.reply(zcl.GeneralCommand.WRITE_ATTRIBUTES_RESPONSE)
    assert answer.encode() == bytes.fromhex("1c5f114204")
    cluster = zcl.ZclHeader(command=0x01, tsn=7, frame_type=zcl.FrameType.CLUSTER)
    assert cluster.encode() == b"\x01\x07\x01"
    for bad in (b"\x00\x01", b"\x04\x5f", b"\x03\x01\x00"):
        with pytest.raises(ZclDecodeError):
            zcl.ZclHeader.decode(bad)


@pytest.mark.parametrize(
    ("type_id", "value", "encoded"),
    [
        (DataType.BOOL, True, "01"),
        (DataType.UINT16, 0x1234, "3412"),
        (DataType.UINT24, 0x010203, "030201"),
        (DataType.UINT48, 1, "010000000000"),
        (DataType.INT16, -2, "feff"),
        (DataType.ENUM8, 4, "04"),
        (DataType.FLOAT, 1.5, "0000c03f"),
        (DataType.DOUBLE, 0.5, "000000000000e03f"),
        (DataType.OCTET_STRING, b"\xaa\x10", "02aa10"),
        (DataType.CHAR_STRING, "LUMI", "044c554d49"),
        (DataType.EUI64, bytes(range(8)), "0001020304050607"),
        (DataType.STRUCT, [(DataType.UINT8, 1), (DataType.BOOL, False)], "020020011000"),
        (DataType.ARRAY, (DataType.UINT16, [1, 2]), "21020001000200"),
    ],
)
def test_zcl_values(type_id: int, value: object, encoded: str) -> None:
    assert zcl.encode_value(type_id, value) == bytes.fromhex(encoded)
    decoded, end = zcl.decode_value(type_id, bytes.fromhex(encoded))
    assert end == len(bytes.fromhex(encoded))
    if type_id == DataType.ARRAY:
        assert decoded == (DataType.UINT16, [1, 2])
    else:
        assert decoded == value


def test_zcl_value_errors() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        zcl.encode_value(0xFE, 1)
    with pytest.raises(ZclDecodeError):
        zcl.decode_value(0xFE, b"\x00")
    with pytest.raises(ZclDecodeError):
        zcl.decode_value(DataType.UINT32, b"\x00\x01")
    with pytest.raises(TypeError):
        zcl.encode_value(DataType.UINT8, "x")
    with pytest.raises(TypeError):
        zcl.encode_value(DataType.OCTET_STRING, 3)
    assert zcl.decode_value(DataType.CHAR_STRING, b"\xff") == (b"", 1)  # "invalid" string


def test_zcl_payloads() -> None:
    records = [
        zcl.ReadRecord(0x0005, zcl.Status.SUCCESS, DataType.CHAR_STRING, "lumi.plug"),
        zcl.ReadRecord(0x1234, zcl.Status.UNSUPPORTED_ATTRIBUTE),
    ]
    assert zcl.decode_read_response(zcl.encode_read_response(records)) == records
    statuses = [zcl.AttributeStatus(zcl.Status.SUCCESS, 1), zcl.AttributeStatus(0x86, 2)]
    assert zcl.encode_write_response(statuses) == bytes.fromhex("860200")
    assert zcl.decode_write_response(bytes.fromhex("860200")) == [zcl.AttributeStatus(0x86, 2)]
    configs = [
        zcl.ReportingConfig(0x0055, 0, DataType.FLOAT, 1, 300, 1.0),
        zcl.ReportingConfig(0x0000, 1, timeout=60),
    ]
    assert zcl.decode_configure_reporting(zcl.encode_configure_reporting(configs)) == configs
    assert zcl.encode_configure_reporting_response([]) == b"\x00"
    assert zcl.decode_attribute_ids(zcl.encode_attribute_ids([4, 5])) == [4, 5]
    with pytest.raises(ZclDecodeError):
        zcl.decode_attribute_ids(b"\x04")
    assert zcl.decode_default_response(zcl.encode_default_response(1, 0x81)) == (1, 0x81)


def test_zdo_structures() -> None:
    node = zcl.NodeDescriptor(logical_type=1, mac_capability=0x8E, manufacturer_code=0x115F)
    assert node.encode() == bytes.fromhex("01408e5f117f64000000640000")
    descriptor = zcl.SimpleDescriptor(1, 0x0104, 0x0100, (0x0000, 0x0006), (0x0019,))
    assert zcl.SimpleDescriptor.decode(descriptor.encode()) == descriptor
    neighbor = zcl.Neighbor(bytes(8), bytes(range(8)), 0x1234, 1, True, 2, 1, 200)
    raw = neighbor.encode()
    assert len(raw) == 22
    assert raw[18] == 0x01 | 0x04 | 0x20
    assert raw[-1] == 200
