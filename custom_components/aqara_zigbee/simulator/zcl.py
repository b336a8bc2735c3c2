"""A small, independent ZCL and ZDO codec for the simulated devices.

Written from the Zigbee Cluster Library specification with ``struct`` only, so the simulator
never shares encoding code (and bugs) with zigpy or with the integration under test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
import struct

LUMI_MANUFACTURER_CODE = 0x115F


class ZclDecodeError(ValueError):
    """A frame or value could not be decoded (answered with MALFORMED_COMMAND)."""


class FrameType(IntEnum):
    """ZCL frame type (frame control bits 0-1)."""

    GLOBAL = 0
    CLUSTER = 1


class GeneralCommand(IntEnum):
    """Profile-wide (global) ZCL commands."""

    READ_ATTRIBUTES = 0x00
    READ_ATTRIBUTES_RESPONSE = 0x01
    WRITE_ATTRIBUTES = 0x02
    WRITE_ATTRIBUTES_UNDIVIDED = 0x03
    WRITE_ATTRIBUTES_RESPONSE = 0x04
    WRITE_ATTRIBUTES_NO_RESPONSE = 0x05
    CONFIGURE_REPORTING = 0x06
    CONFIGURE_REPORTING_RESPONSE = 0x07
    READ_REPORTING_CONFIGURATION = 0x08
    READ_REPORTING_CONFIGURATION_RESPONSE = 0x09
    REPORT_ATTRIBUTES = 0x0A
    DEFAULT_RESPONSE = 0x0B
    DISCOVER_ATTRIBUTES = 0x0C
    DISCOVER_ATTRIBUTES_RESPONSE = 0x0D


class Status(IntEnum):
    """ZCL status codes used by the simulated devices."""

    SUCCESS = 0x00
    FAILURE = 0x01
    MALFORMED_COMMAND = 0x80
    UNSUP_CLUSTER_COMMAND = 0x81
    UNSUP_GENERAL_COMMAND = 0x82
    UNSUP_MANUF_CLUSTER_COMMAND = 0x83
    UNSUP_MANUF_GENERAL_COMMAND = 0x84
    INVALID_FIELD = 0x85
    UNSUPPORTED_ATTRIBUTE = 0x86
    INVALID_VALUE = 0x87
    READ_ONLY = 0x88
    INSUFFICIENT_SPACE = 0x89
    DUPLICATE_EXISTS = 0x8A
    NOT_FOUND = 0x8B
    UNREPORTABLE_ATTRIBUTE = 0x8C
    INVALID_DATA_TYPE = 0x8D
    UNSUPPORTED_CLUSTER = 0xC3


class DataType(IntEnum):
    """ZCL attribute data types the simulated devices use."""

    NO_DATA = 0x00
    DATA8 = 0x08
    BOOL = 0x10
    MAP8 = 0x18
    MAP16 = 0x19
    MAP32 = 0x1B
    UINT8 = 0x20
    UINT16 = 0x21
    UINT24 = 0x22
    UINT32 = 0x23
    UINT40 = 0x24
    UINT48 = 0x25
    UINT56 = 0x26
    UINT64 = 0x27
    INT8 = 0x28
    INT16 = 0x29
    INT24 = 0x2A
    INT32 = 0x2B
    ENUM8 = 0x30
    ENUM16 = 0x31
    FLOAT = 0x39
    DOUBLE = 0x3A
    OCTET_STRING = 0x41
    CHAR_STRING = 0x42
    ARRAY = 0x48
    STRUCT = 0x4C
    UTC_TIME = 0xE2
    EUI64 = 0xF0


# Unsigned little-endian integers: type -> byte width.
_UNSIGNED = {
    DataType.DATA8: 1,
    DataType.BOOL: 1,
    DataType.MAP8: 1,
    DataType.MAP16: 2,
    DataType.MAP32: 4,
    DataType.UINT8: 1,
    DataType.UINT16: 2,
    DataType.UINT24: 3,
    DataType.UINT32: 4,
    DataType.UINT40: 5,
    DataType.UINT48: 6,
    DataType.UINT56: 7,
    DataType.UINT64: 8,
    DataType.ENUM8: 1,
    DataType.ENUM16: 2,
    DataType.UTC_TIME: 4,
}
_SIGNED = {DataType.INT8: 1, DataType.INT16: 2, DataType.INT24: 3, DataType.INT32: 4}
# Types for which Configure Reporting carries a "reportable change" field.
ANALOG_TYPES = frozenset(
    {
        DataType.UINT8,
        DataType.UINT16,
        DataType.UINT24,
        DataType.UINT32,
        DataType.UINT40,
        DataType.UINT48,
        DataType.UINT56,
        DataType.UINT64,
        DataType.INT8,
        DataType.INT16,
        DataType.INT24,
        DataType.INT32,
        DataType.FLOAT,
        DataType.DOUBLE,
        DataType.UTC_TIME,
    }
)


def encode_value(type_id: int, value: object) -> bytes:
    """Encode ``value`` as ZCL type ``type_id`` (without the type byte)."""
    if type_id in _UNSIGNED:
        return _int(value).to_bytes(_UNSIGNED[DataType(type_id)], "little", signed=False)
    if type_id in _SIGNED:
        return _int(value).to_bytes(_SIGNED[DataType(type_id)], "little", signed=True)
    if type_id == DataType.FLOAT:
        return struct.pack("<f", _float(value))
    if type_id == DataType.DOUBLE:
        return struct.pack("<d", _float(value))
    if type_id == DataType.OCTET_STRING:
        data = _bytes(value)
        return bytes([len(data)]) + data
    if type_id == DataType.CHAR_STRING:
        data = value.encode() if isinstance(value, str) else _bytes(value)
        return bytes([len(data)]) + data
    if type_id == DataType.EUI64:
        return _bytes(value)[:8].ljust(8, b"\x00")
    if type_id == DataType.STRUCT:
        # value: sequence of (type, value) pairs
        items = _pairs(value)
        out = struct.pack("<H", len(items))
        for item_type, item_value in items:
            out += bytes([item_type]) + encode_value(item_type, item_value)
        return out
    if type_id == DataType.ARRAY:
        # value: (element type, sequence of values)
        if not isinstance(value, tuple) or len(value) != 2:
            raise TypeError("array value must be (element_type, values)")
        element_type, elements = value
        element_values = list(elements)
        out = bytes([int(element_type)]) + struct.pack("<H", len(element_values))
        for element in element_values:
            out += encode_value(int(element_type), element)
        return out
    if type_id == DataType.NO_DATA:
        return b""
    raise ValueError(f"unsupported ZCL data type 0x{type_id:02X}")


def decode_value(type_id: int, data: bytes, offset: int = 0) -> tuple[object, int]:
    """Decode one value of ZCL type ``type_id`` at ``offset``; return (value, new offset)."""
    try:
        if type_id in _UNSIGNED:
            size = _UNSIGNED[DataType(type_id)]
            raw = _take(data, offset, size)
            number = int.from_bytes(raw, "little")
            return (bool(number) if type_id == DataType.BOOL else number), offset + size
        if type_id in _SIGNED:
            size = _SIGNED[DataType(type_id)]
            return int.from_bytes(_take(data, offset, size), "little", signed=True), offset + size
        if type_id == DataType.FLOAT:
            return struct.unpack("<f", _take(data, offset, 4))[0], offset + 4
        if type_id == DataType.DOUBLE:
            return struct.unpack("<d", _take(data, offset, 8))[0], offset + 8
        if type_id in (DataType.OCTET_STRING, DataType.CHAR_STRING):
            length = _take(data, offset, 1)[0]
            if length == 0xFF:  # "invalid" string
                return b"", offset + 1
            raw = _take(data, offset + 1, length)
            if type_id == DataType.CHAR_STRING:
                return raw.decode("utf-8", errors="replace"), offset + 1 + length
            return raw, offset + 1 + length
        if type_id == DataType.EUI64:
            return _take(data, offset, 8), offset + 8
        if type_id == DataType.STRUCT:
            (count,) = struct.unpack("<H", _take(data, offset, 2))
            offset += 2
            items: list[tuple[int, object]] = []
            for _ in range(count):
                item_type = _take(data, offset, 1)[0]
                item_value, offset = decode_value(item_type, data, offset + 1)
                items.append((item_type, item_value))
            return items, offset
        if type_id == DataType.ARRAY:
            element_type = _take(data, offset, 1)[0]
            (count,) = struct.unpack("<H", _take(data, offset + 1, 2))
            offset += 3
            elements: list[object] = []
            for _ in range(count):
                element, offset = decode_value(element_type, data, offset)
                elements.append(element)
            return (element_type, elements), offset
        if type_id == DataType.NO_DATA:
            return None, offset
    except struct.error as err:
        raise ZclDecodeError(str(err)) from err
    raise ZclDecodeError(f"unsupported ZCL data type 0x{type_id:02X}")


def _take(data: bytes, offset: int, size: int) -> bytes:
    if offset + size > len(data):
        raise ZclDecodeError("frame too short")
    return data[offset : offset + size]


def _int(value: object) -> int:
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float):
        return round(value)
    raise TypeError(f"expected an integer, got {value!r}")


def _float(value: object) -> float:
    if isinstance(value, bool | int | float):
        return float(value)
    raise TypeError(f"expected a number, got {value!r}")


def _bytes(value: object) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise TypeError(f"expected bytes, got {value!r}")


def _pairs(value: object) -> list[tuple[int, object]]:
    if not isinstance(value, list | tuple):
        raise TypeError("struct value must be a sequence of (type, value)")
    pairs: list[tuple[int, object]] = []
    for item in value:
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError("struct items must be (type, value)")
        pairs.append((int(item[0]), item[1]))
    return pairs


# -- header ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ZclHeader:
    """A ZCL frame header."""

    command: int
    tsn: int
    frame_type: FrameType = FrameType.GLOBAL
    manufacturer: int | None = None
    server_to_client: bool = False
    disable_default_response: bool = False

    @property
    def frame_control(self) -> int:
        """The frame control byte."""
        return (
            int(self.frame_type)
            | (0x04 if self.manufacturer is not None else 0)
            | (0x08 if self.server_to_client else 0)
            | (0x10 if self.disable_default_response else 0)
        )

    def encode(self) -> bytes:
        """Serialize the header."""
        out = bytes([self.frame_control])
        if self.manufacturer is not None:
            out += struct.pack("<H", self.manufacturer)
        return out + bytes([self.tsn & 0xFF, self.command & 0xFF])

    @classmethod
    def decode(cls, data: bytes) -> tuple[ZclHeader, bytes]:
        """Split a ZCL frame into its header and payload."""
        if len(data) < 3:
            raise ZclDecodeError("ZCL frame too short")
        control = data[0]
        offset = 1
        manufacturer: int | None = None
        if control & 0x04:
            if len(data) < 5:
                raise ZclDecodeError("ZCL frame too short for a manufacturer code")
            (manufacturer,) = struct.unpack_from("<H", data, 1)
            offset = 3
        frame_type = control & 0x03
        if frame_type > 1:
            raise ZclDecodeError(f"reserved ZCL frame type {frame_type}")
        header = cls(
            command=data[offset + 1],
            tsn=data[offset],
            frame_type=FrameType(frame_type),
            manufacturer=manufacturer,
            server_to_client=bool(control & 0x08),
            disable_default_response=bool(control & 0x10),
        )
        return header, data[offset + 2 :]

    def reply(self, command: int, frame_type: FrameType = FrameType.GLOBAL) -> ZclHeader:
        """Header for an answer: same TSN and manufacturer code, direction flipped."""
        return ZclHeader(
            command=command,
            tsn=self.tsn,
            frame_type=frame_type,
            manufacturer=self.manufacturer,
            server_to_client=not self.server_to_client,
            disable_default_response=True,
        )


def frame(header: ZclHeader, payload: bytes = b"") -> bytes:
    """A full ZCL frame."""
    return header.encode() + payload


# -- global command payloads -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadRecord:
    """One record of a Read Attributes Response."""

    attr: int
    status: int
    type_id: int = 0
    value: object = None


@dataclass(frozen=True, slots=True)
class AttributeValue:
    """An attribute id with a typed value (Write Attributes, Report Attributes)."""

    attr: int
    type_id: int
    value: object


@dataclass(frozen=True, slots=True)
class ReportingConfig:
    """One Configure Reporting record (direction 0: the device reports)."""

    attr: int
    direction: int = 0
    type_id: int = 0
    min_interval: int = 0
    max_interval: int = 0xFFFF
    reportable_change: object = None
    timeout: int = 0


@dataclass(frozen=True, slots=True)
class AttributeStatus:
    """Status of one attribute in a write / configure-reporting response."""

    status: int
    attr: int
    direction: int | None = None  # present in Configure Reporting Response records


def decode_attribute_ids(payload: bytes) -> list[int]:
    """Read Attributes / Read Reporting Configuration (only ids) request payload."""
    if len(payload) % 2:
        raise ZclDecodeError("odd attribute id list")
    return [value for (value,) in struct.iter_unpack("<H", payload)]


def encode_attribute_ids(attrs: Sequence[int]) -> bytes:
    """Read Attributes request payload."""
    return b"".join(struct.pack("<H", attr) for attr in attrs)


def encode_read_response(records: Sequence[ReadRecord]) -> bytes:
    """Read Attributes Response payload."""
    out = b""
    for record in records:
        out += struct.pack("<HB", record.attr, record.status)
        if record.status == Status.SUCCESS:
            out += bytes([record.type_id]) + encode_value(record.type_id, record.value)
    return out


def decode_read_response(payload: bytes) -> list[ReadRecord]:
    """Read Attributes Response payload."""
    records: list[ReadRecord] = []
    offset = 0
    while offset < len(payload):
        attr, status = struct.unpack_from("<HB", _take(payload, offset, 3))
        offset += 3
        if status != Status.SUCCESS:
            records.append(ReadRecord(attr, status))
            continue
        type_id = _take(payload, offset, 1)[0]
        value, offset = decode_value(type_id, payload, offset + 1)
        records.append(ReadRecord(attr, status, type_id, value))
    return records


def encode_attribute_values(values: Sequence[AttributeValue]) -> bytes:
    """Write Attributes request / Report Attributes payload."""
    return b"".join(
        struct.pack("<HB", item.attr, item.type_id) + encode_value(item.type_id, item.value)
        for item in values
    )


def decode_attribute_values(payload: bytes) -> list[AttributeValue]:
    """Write Attributes request / Report Attributes payload."""
    values: list[AttributeValue] = []
    offset = 0
    while offset < len(payload):
        attr, type_id = struct.unpack_from("<HB", _take(payload, offset, 3))
        value, offset = decode_value(type_id, payload, offset + 3)
        values.append(AttributeValue(attr, type_id, value))
    return values


def encode_write_response(statuses: Sequence[AttributeStatus]) -> bytes:
    """Write Attributes Response: one SUCCESS byte if all succeeded, else the failures."""
    failures = [item for item in statuses if item.status != Status.SUCCESS]
    if not failures:
        return bytes([Status.SUCCESS])
    return b"".join(struct.pack("<BH", item.status, item.attr) for item in failures)


def decode_write_response(payload: bytes) -> list[AttributeStatus]:
    """Write Attributes Response payload (a lone status byte means all succeeded)."""
    if len(payload) == 1:
        return [AttributeStatus(payload[0], 0xFFFF)]
    return [
        AttributeStatus(status, attr)
        for status, attr in struct.iter_unpack("<BH", payload[: len(payload) // 3 * 3])
    ]


def decode_configure_reporting(payload: bytes) -> list[ReportingConfig]:
    """Configure Reporting request payload."""
    configs: list[ReportingConfig] = []
    offset = 0
    while offset < len(payload):
        direction = payload[offset]
        (attr,) = struct.unpack_from("<H", _take(payload, offset + 1, 2))
        offset += 3
        if direction == 0:
            type_id = _take(payload, offset, 1)[0]
            min_interval, max_interval = struct.unpack_from("<HH", _take(payload, offset + 1, 4))
            offset += 5
            change: object = None
            if type_id in ANALOG_TYPES:
                change, offset = decode_value(type_id, payload, offset)
            configs.append(ReportingConfig(attr, 0, type_id, min_interval, max_interval, change))
        else:
            (timeout,) = struct.unpack_from("<H", _take(payload, offset, 2))
            offset += 2
            configs.append(ReportingConfig(attr, direction, timeout=timeout))
    return configs


def encode_configure_reporting(configs: Sequence[ReportingConfig]) -> bytes:
    """Configure Reporting request payload (used by tests acting as the coordinator)."""
    out = b""
    for config in configs:
        out += struct.pack("<BH", config.direction, config.attr)
        if config.direction == 0:
            out += struct.pack("<BHH", config.type_id, config.min_interval, config.max_interval)
            if config.type_id in ANALOG_TYPES:
                out += encode_value(config.type_id, config.reportable_change or 0)
        else:
            out += struct.pack("<H", config.timeout)
    return out


def encode_configure_reporting_response(statuses: Sequence[AttributeStatus]) -> bytes:
    """Configure Reporting Response: one SUCCESS byte if all succeeded, else the failures."""
    failures = [item for item in statuses if item.status != Status.SUCCESS]
    if not failures:
        return bytes([Status.SUCCESS])
    return b"".join(
        struct.pack("<BBH", item.status, item.direction or 0, item.attr) for item in failures
    )


def decode_read_reporting_configuration(payload: bytes) -> list[tuple[int, int]]:
    """Read Reporting Configuration request: (direction, attribute) records."""
    return [
        (direction, attr)
        for direction, attr in struct.iter_unpack("<BH", payload[: len(payload) // 3 * 3])
    ]


def encode_read_reporting_configuration_response(
    records: Sequence[tuple[int, ReportingConfig | None]],
) -> bytes:
    """Read Reporting Configuration Response from (status, config) pairs."""
    out = b""
    for status, config in records:
        if config is None or status != Status.SUCCESS:
            attr = config.attr if config is not None else 0
            out += struct.pack("<BBH", status, 0, attr)
            continue
        out += struct.pack("<BBH", status, config.direction, config.attr)
        if config.direction == 0:
            out += struct.pack("<BHH", config.type_id, config.min_interval, config.max_interval)
            if config.type_id in ANALOG_TYPES:
                out += encode_value(config.type_id, config.reportable_change or 0)
        else:
            out += struct.pack("<H", config.timeout)
    return out


def encode_default_response(command: int, status: int) -> bytes:
    """Default Response payload."""
    return bytes([command & 0xFF, status & 0xFF])


def decode_default_response(payload: bytes) -> tuple[int, int]:
    """Default Response payload: (command id, status)."""
    raw = _take(payload, 0, 2)
    return raw[0], raw[1]


@dataclass(frozen=True, slots=True)
class DecodedFrame:
    """A decoded ZCL frame, convenient for tests and logging."""

    header: ZclHeader
    payload: bytes
    values: list[AttributeValue] = field(default_factory=list)

    @classmethod
    def parse(cls, data: bytes) -> DecodedFrame:
        """Decode a frame; attribute reports / write requests get their values decoded."""
        header, payload = ZclHeader.decode(data)
        values: list[AttributeValue] = []
        if header.frame_type == FrameType.GLOBAL and header.command in (
            GeneralCommand.REPORT_ATTRIBUTES,
            GeneralCommand.WRITE_ATTRIBUTES,
            GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
            GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE,
        ):
            values = decode_attribute_values(payload)
        return cls(header, payload, values)


# -- ZDO ---------------------------------------------------------------------------------


class ZdoCluster(IntEnum):
    """ZDO request clusters (responses are ``request | 0x8000``)."""

    NWK_ADDR_REQ = 0x0000
    IEEE_ADDR_REQ = 0x0001
    NODE_DESC_REQ = 0x0002
    POWER_DESC_REQ = 0x0003
    SIMPLE_DESC_REQ = 0x0004
    ACTIVE_EP_REQ = 0x0005
    MATCH_DESC_REQ = 0x0006
    DEVICE_ANNCE = 0x0013
    BIND_REQ = 0x0021
    UNBIND_REQ = 0x0022
    MGMT_LQI_REQ = 0x0031
    MGMT_RTG_REQ = 0x0032
    MGMT_BIND_REQ = 0x0033
    MGMT_LEAVE_REQ = 0x0034
    MGMT_PERMIT_JOINING_REQ = 0x0036
    MGMT_NWK_UPDATE_REQ = 0x0038


class ZdoStatus(IntEnum):
    """ZDO status codes."""

    SUCCESS = 0x00
    INV_REQUESTTYPE = 0x80
    DEVICE_NOT_FOUND = 0x81
    INVALID_EP = 0x82
    NOT_ACTIVE = 0x83
    NOT_SUPPORTED = 0x84
    NO_ENTRY = 0x88
    TABLE_FULL = 0x8C


ZDO_RESPONSE = 0x8000


@dataclass(frozen=True, slots=True)
class NodeDescriptor:
    """The 13-byte ZDO node descriptor."""

    logical_type: int  # 0 coordinator, 1 router, 2 end device
    mac_capability: int
    manufacturer_code: int
    frequency_band: int = 0x08  # 2.4 GHz
    max_buffer_size: int = 127
    max_incoming_transfer: int = 100
    server_mask: int = 0x0000
    max_outgoing_transfer: int = 100
    descriptor_capability: int = 0x00
    aps_flags: int = 0

    def encode(self) -> bytes:
        """Serialize as carried in Node_Desc_rsp."""
        return struct.pack(
            "<BBBHBHHHB",
            self.logical_type & 0x07,
            (self.aps_flags & 0x07) | (self.frequency_band << 3),
            self.mac_capability,
            self.manufacturer_code,
            self.max_buffer_size,
            self.max_incoming_transfer,
            self.server_mask,
            self.max_outgoing_transfer,
            self.descriptor_capability,
        )


@dataclass(frozen=True, slots=True)
class SimpleDescriptor:
    """A ZDO simple descriptor (one endpoint)."""

    endpoint: int
    profile: int
    device_type: int
    in_clusters: tuple[int, ...]
    out_clusters: tuple[int, ...]
    device_version: int = 1

    def encode(self) -> bytes:
        """Serialize (without the leading length byte)."""
        out = struct.pack(
            "<BHHBB",
            self.endpoint,
            self.profile,
            self.device_type,
            self.device_version,
            len(self.in_clusters),
        )
        out += b"".join(struct.pack("<H", cluster) for cluster in self.in_clusters)
        out += bytes([len(self.out_clusters)])
        out += b"".join(struct.pack("<H", cluster) for cluster in self.out_clusters)
        return out

    @classmethod
    def decode(cls, data: bytes) -> SimpleDescriptor:
        """Parse a descriptor (without the leading length byte)."""
        endpoint, profile, device_type, version, in_count = struct.unpack_from("<BHHBB", data)
        offset = 7
        in_clusters = struct.unpack_from(f"<{in_count}H", data, offset)
        offset += 2 * in_count
        out_count = data[offset]
        out_clusters = struct.unpack_from(f"<{out_count}H", data, offset + 1)
        return cls(endpoint, profile, device_type, in_clusters, out_clusters, version)


@dataclass(frozen=True, slots=True)
class Neighbor:
    """One Mgmt_Lqi_rsp neighbor table entry."""

    extended_pan_id: bytes
    ieee: bytes
    nwk: int
    device_type: int  # 0 coordinator, 1 router, 2 end device
    rx_on_when_idle: bool
    relationship: int  # 0 parent, 1 child, 2 sibling, 3 none
    depth: int
    lqi: int
    permit_joining: int = 2  # unknown

    def encode(self) -> bytes:
        """Serialize the 22-byte entry."""
        packed = (
            (self.device_type & 0x03)
            | ((1 if self.rx_on_when_idle else 0) << 2)
            | ((self.relationship & 0x07) << 4)
        )
        return (
            self.extended_pan_id[:8].ljust(8, b"\x00")
            + self.ieee[:8].ljust(8, b"\x00")
            + struct.pack(
                "<HBBBB", self.nwk, packed, self.permit_joining & 0x03, self.depth, self.lqi
            )
        )


def zdo_frame(tsn: int, payload: bytes = b"") -> bytes:
    """A ZDO frame: the transaction sequence number followed by the payload."""
    return bytes([tsn & 0xFF]) + payload
