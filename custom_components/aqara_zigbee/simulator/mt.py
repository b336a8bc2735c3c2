"""TI's Monitor and Test (MT) protocol as a Z-Stack 3.x coordinator speaks it.

Everything here is written from TI's *Z-Stack Monitor and Test API* (SWRA198) and checked
against the MT sources of the SimpleLink Z-Stack that Koenkk's CC2652 coordinator
firmware is built from (with that firmware's own additions, marked where they apply). The
emulator shares no protocol definition with any host library: a wrong layout in a host
stack can no longer hide a wrong layout here.

A frame on the wire (UNPI, SWRA198 section 2.1) is ``SOF(0xFE) LEN CMD0 CMD1 DATA FCS``:
``CMD0`` carries the frame type in bits 5-7 and the subsystem in bits 0-4, ``FCS`` is the
XOR of ``LEN`` through the last data byte, and ``DATA`` holds at most 250 bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
import functools
import operator
import struct
from typing import Final

SOF: Final = 0xFE
MAX_PAYLOAD: Final = 250

type Value = int | bytes | tuple[int, ...]


class FrameType(IntEnum):
    """CMD0 bits 5-7."""

    POLL = 0
    SREQ = 1  # synchronous request: exactly one SRSP answers it
    AREQ = 2  # asynchronous request or callback: nothing answers it
    SRSP = 3


class Subsystem(IntEnum):
    """CMD0 bits 0-4."""

    RPC_ERROR = 0x00
    SYS = 0x01
    MAC = 0x02
    NWK = 0x03
    AF = 0x04
    ZDO = 0x05
    SAPI = 0x06
    UTIL = 0x07
    DEBUG = 0x08
    APP = 0x09
    APP_CNF = 0x0F
    GREENPOWER = 0x15


class RpcError(IntEnum):
    """Error codes of the RPC error SRSP (subsystem 0, command 0)."""

    SUBSYSTEM = 0x01
    COMMAND_ID = 0x02
    PARAMETER = 0x03
    LENGTH = 0x04


class MtDecodeError(ValueError):
    """A request's data does not fit its command's layout."""


def fcs(data: bytes) -> int:
    return functools.reduce(operator.xor, data, 0)


@dataclass(frozen=True, slots=True)
class Frame:
    """One MT frame: type, subsystem, command id and data."""

    type: FrameType
    subsystem: int
    command: int
    data: bytes = b""

    @property
    def cmd0(self) -> int:
        return self.type << 5 | self.subsystem

    def encode(self) -> bytes:
        """The frame as it goes on the wire, SOF and FCS included."""
        if len(self.data) > MAX_PAYLOAD:
            raise ValueError(f"MT data is limited to {MAX_PAYLOAD} bytes")
        body = bytes([len(self.data), self.cmd0, self.command]) + self.data
        return bytes([SOF]) + body + bytes([fcs(body)])

    @classmethod
    def from_body(cls, body: bytes) -> Frame:
        """A frame from ``LEN CMD0 CMD1 DATA`` (checksum already verified)."""
        return cls(FrameType(body[1] >> 5), body[1] & 0x1F, body[2], bytes(body[3:]))


class FrameReader:
    """Reassembles frames from a byte stream, resynchronising on garbage."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, data: bytes) -> Iterator[Frame]:
        """Add received bytes; yields every complete frame (lazily: stop any time)."""
        self.buffer += data
        buffer = self.buffer
        while True:
            start = buffer.find(SOF)
            if start < 0:
                buffer.clear()
                return
            del buffer[:start]
            if len(buffer) < 5:
                return
            length = buffer[1]
            if length > MAX_PAYLOAD:
                del buffer[:1]  # not a real start of frame
                continue
            if len(buffer) < length + 5:
                return
            body = bytes(buffer[1 : length + 4])
            if fcs(body) != buffer[length + 4]:
                del buffer[:1]
                continue
            del buffer[: length + 5]
            yield Frame.from_body(body)


# ---------------------------------------------------------------------------- fields


class Field:
    """How one parameter is laid out (all multi-byte numbers are little-endian)."""

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        raise NotImplementedError

    def encode(self, value: Value) -> bytes:
        raise NotImplementedError


class _Int(Field):
    def __init__(self, size: int, *, signed: bool = False) -> None:
        self._size = size
        self._signed = signed

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        end = offset + self._size
        if end > len(data):
            raise MtDecodeError("data too short")
        return int.from_bytes(data[offset:end], "little", signed=self._signed), end

    def encode(self, value: Value) -> bytes:
        if not isinstance(value, int):
            raise TypeError(f"expected an integer, got {value!r}")
        return value.to_bytes(self._size, "little", signed=self._signed)


class _Fixed(Field):
    """A fixed number of raw bytes (an IEEE address, a key, ...)."""

    def __init__(self, size: int) -> None:
        self._size = size

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        end = offset + self._size
        if end > len(data):
            raise MtDecodeError("data too short")
        return bytes(data[offset:end]), end

    def encode(self, value: Value) -> bytes:
        if not isinstance(value, bytes) or len(value) != self._size:
            raise ValueError(f"expected {self._size} bytes, got {value!r}")
        return value


class _Prefixed(Field):
    """Bytes after their length (1 or 2 bytes)."""

    def __init__(self, length_size: int) -> None:
        self._length = _Int(length_size)

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        length, offset = self._length.decode(data, offset)
        assert isinstance(length, int)
        end = offset + length
        if end > len(data):
            raise MtDecodeError("data shorter than its length")
        return bytes(data[offset:end]), end

    def encode(self, value: Value) -> bytes:
        if not isinstance(value, bytes):
            raise TypeError(f"expected bytes, got {value!r}")
        return self._length.encode(len(value)) + value


class _Words(Field):
    """16-bit numbers after a 1-byte count (cluster lists, relay lists, ...)."""

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        if offset >= len(data):
            raise MtDecodeError("data too short")
        count = data[offset]
        end = offset + 1 + 2 * count
        if end > len(data):
            raise MtDecodeError("data shorter than its count")
        return struct.unpack_from(f"<{count}H", data, offset + 1), end

    def encode(self, value: Value) -> bytes:
        if not isinstance(value, tuple):
            raise TypeError(f"expected a tuple of numbers, got {value!r}")
        return bytes([len(value)]) + struct.pack(f"<{len(value)}H", *value)


class _Rest(Field):
    """Everything up to the end of the frame."""

    def decode(self, data: bytes, offset: int) -> tuple[Value, int]:
        return bytes(data[offset:]), len(data)

    def encode(self, value: Value) -> bytes:
        if not isinstance(value, bytes):
            raise TypeError(f"expected bytes, got {value!r}")
        return value


U8: Final[Field] = _Int(1)
I8: Final[Field] = _Int(1, signed=True)
U16: Final[Field] = _Int(2)
U32: Final[Field] = _Int(4)
IEEE: Final[Field] = _Fixed(8)  # 64-bit address, little-endian as on the air
BYTES8: Final[Field] = _Prefixed(1)
BYTES16: Final[Field] = _Prefixed(2)
WORDS: Final[Field] = _Words()
REST: Final[Field] = _Rest()


def fixed(size: int) -> Field:
    return _Fixed(size)


type Layout = tuple[tuple[str, Field], ...]


class Message(Mapping[str, Value]):
    """Decoded parameters of a request, by name."""

    def __init__(self, values: dict[str, Value]) -> None:
        self._values = values

    def __getitem__(self, name: str) -> Value:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Message({self._values!r})"

    def num(self, name: str) -> int:
        value = self._values[name]
        assert isinstance(value, int)
        return value

    def raw(self, name: str) -> bytes:
        value = self._values[name]
        assert isinstance(value, bytes)
        return value

    def words(self, name: str) -> tuple[int, ...]:
        value = self._values[name]
        assert isinstance(value, tuple)
        return value


def decode(layout: Layout, data: bytes) -> Message:
    """Parse ``data``; trailing bytes are ignored, as the firmware ignores them."""
    values: dict[str, Value] = {}
    offset = 0
    for name, field in layout:
        values[name], offset = field.decode(data, offset)
    return Message(values)


def encode(layout: Layout, values: Mapping[str, Value]) -> bytes:
    missing = {name for name, _ in layout} ^ set(values)
    if missing:
        raise ValueError(f"parameters do not match the layout: {sorted(missing)}")
    return b"".join(field.encode(values[name]) for name, field in layout)


@dataclass(frozen=True, slots=True)
class Command:
    """A command the host sends (SREQ or AREQ) and, for an SREQ, its SRSP layout."""

    subsystem: Subsystem
    id: int
    name: str
    request: Layout
    response: Layout | None = None  # None: an AREQ, nothing answers it

    def response_frame(self, **values: Value) -> Frame:
        assert self.response is not None, f"{self.name} has no response"
        return Frame(FrameType.SRSP, self.subsystem, self.id, encode(self.response, values))


@dataclass(frozen=True, slots=True)
class Callback:
    """An AREQ the coordinator sends on its own."""

    subsystem: Subsystem
    id: int
    name: str
    layout: Layout

    def frame(self, **values: Value) -> Frame:
        return Frame(FrameType.AREQ, self.subsystem, self.id, encode(self.layout, values))


def rpc_error(error: RpcError, request: Frame) -> Frame:
    """The SRSP for an SREQ the firmware cannot process: error code, then CMD0 CMD1."""
    return Frame(
        FrameType.SRSP, Subsystem.RPC_ERROR, 0x00, bytes([error, request.cmd0, request.command])
    )


_STATUS: Final[Layout] = (("status", U8),)


def _command(
    subsystem: Subsystem, command_id: int, name: str, request: Layout, response: Layout | None
) -> Command:
    return Command(subsystem, command_id, name, request, response)


# ---------------------------------------------------------------------------- SYS (3.8)

SYS: Final = Subsystem.SYS
_NV_ID: Final[Layout] = (("sys_id", U8), ("item_id", U16), ("sub_id", U16))

SYS_RESET_REQ = _command(SYS, 0x00, "SYS_RESET_REQ", (("type", U8),), None)
SYS_PING = _command(SYS, 0x01, "SYS_PING", (), (("capabilities", U16),))
# Koenkk's firmware appends its build date (CODE_REVISION_NUMBER) to TI's five bytes.
SYS_VERSION = _command(
    SYS,
    0x02,
    "SYS_VERSION",
    (),
    (
        ("transport_rev", U8),
        ("product", U8),
        ("major", U8),
        ("minor", U8),
        ("maint", U8),
        ("revision", U32),
    ),
)
SYS_SET_EXTADDR = _command(SYS, 0x03, "SYS_SET_EXTADDR", (("ieee", IEEE),), _STATUS)
SYS_GET_EXTADDR = _command(SYS, 0x04, "SYS_GET_EXTADDR", (), (("ieee", IEEE),))
SYS_OSAL_NV_ITEM_INIT = _command(
    SYS,
    0x07,
    "SYS_OSAL_NV_ITEM_INIT",
    (("id", U16), ("item_len", U16), ("init", BYTES8)),
    _STATUS,
)
SYS_OSAL_NV_READ = _command(
    SYS,
    0x08,
    "SYS_OSAL_NV_READ",
    (("id", U16), ("offset", U8)),
    (("status", U8), ("value", BYTES8)),
)
SYS_OSAL_NV_WRITE = _command(
    SYS, 0x09, "SYS_OSAL_NV_WRITE", (("id", U16), ("offset", U8), ("value", BYTES8)), _STATUS
)
SYS_RANDOM = _command(SYS, 0x0C, "SYS_RANDOM", (), (("value", U16),))
SYS_STACK_TUNE = _command(
    SYS, 0x0F, "SYS_STACK_TUNE", (("operation", U8), ("value", I8)), (("value", U8),)
)
SYS_OSAL_NV_DELETE = _command(
    SYS, 0x12, "SYS_OSAL_NV_DELETE", (("id", U16), ("item_len", U16)), _STATUS
)
SYS_OSAL_NV_LENGTH = _command(SYS, 0x13, "SYS_OSAL_NV_LENGTH", (("id", U16),), (("length", U16),))
SYS_SET_TX_POWER = _command(SYS, 0x14, "SYS_SET_TX_POWER", (("tx_power", I8),), _STATUS)
SYS_OSAL_NV_READ_EXT = _command(
    SYS,
    0x1C,
    "SYS_OSAL_NV_READ_EXT",
    (("id", U16), ("offset", U16)),
    (("status", U8), ("value", BYTES8)),
)
SYS_OSAL_NV_WRITE_EXT = _command(
    SYS,
    0x1D,
    "SYS_OSAL_NV_WRITE_EXT",
    (("id", U16), ("offset", U16), ("value", BYTES16)),
    _STATUS,
)
SYS_NV_CREATE = _command(SYS, 0x30, "SYS_NV_CREATE", (*_NV_ID, ("length", U32)), _STATUS)
SYS_NV_DELETE = _command(SYS, 0x31, "SYS_NV_DELETE", _NV_ID, _STATUS)
SYS_NV_LENGTH = _command(SYS, 0x32, "SYS_NV_LENGTH", _NV_ID, (("length", U32),))
SYS_NV_READ = _command(
    SYS,
    0x33,
    "SYS_NV_READ",
    (*_NV_ID, ("offset", U16), ("length", U8)),
    (("status", U8), ("value", BYTES8)),
)
SYS_NV_WRITE = _command(
    SYS, 0x34, "SYS_NV_WRITE", (*_NV_ID, ("offset", U16), ("value", BYTES8)), _STATUS
)
SYS_NV_UPDATE = _command(SYS, 0x35, "SYS_NV_UPDATE", (*_NV_ID, ("value", BYTES8)), _STATUS)
SYS_NV_COMPACT = _command(SYS, 0x36, "SYS_NV_COMPACT", (("threshold", U16),), _STATUS)

SYS_RESET_IND = Callback(
    SYS,
    0x80,
    "SYS_RESET_IND",
    (
        ("reason", U8),
        ("transport_rev", U8),
        ("product", U8),
        ("major", U8),
        ("minor", U8),
        ("maint", U8),
    ),
)

# ---------------------------------------------------------------------------- AF (3.2)

AF: Final = Subsystem.AF
_AF_TX: Final[Layout] = (
    ("src_ep", U8),
    ("cluster", U16),
    ("trans_id", U8),
    ("options", U8),
    ("radius", U8),
)

AF_REGISTER = _command(
    AF,
    0x00,
    "AF_REGISTER",
    (
        ("endpoint", U8),
        ("profile", U16),
        ("device_id", U16),
        ("device_version", U8),
        ("latency", U8),
        ("input_clusters", WORDS),
        ("output_clusters", WORDS),
    ),
    _STATUS,
)
AF_DATA_REQUEST = _command(
    AF,
    0x01,
    "AF_DATA_REQUEST",
    (("dst_addr", U16), ("dst_ep", U8), *_AF_TX, ("data", BYTES8)),
    _STATUS,
)
# The destination always takes 8 bytes; a 16-bit address sits in the first two.
AF_DATA_REQUEST_EXT = _command(
    AF,
    0x02,
    "AF_DATA_REQUEST_EXT",
    (
        ("dst_mode", U8),
        ("dst_addr", IEEE),
        ("dst_ep", U8),
        ("dst_pan", U16),
        *_AF_TX,
        ("data", BYTES16),
    ),
    _STATUS,
)
AF_DATA_REQUEST_SRC_RTG = _command(
    AF,
    0x03,
    "AF_DATA_REQUEST_SRC_RTG",
    (("dst_addr", U16), ("dst_ep", U8), *_AF_TX, ("relays", WORDS), ("data", BYTES8)),
    _STATUS,
)
AF_DELETE = _command(AF, 0x04, "AF_DELETE", (("endpoint", U8),), _STATUS)
AF_INTER_PAN_CTL = _command(
    AF, 0x10, "AF_INTER_PAN_CTL", (("command", U8), ("data", REST)), _STATUS
)
AF_DATA_RETRIEVE = _command(
    AF,
    0x12,
    "AF_DATA_RETRIEVE",
    (("timestamp", U32), ("index", U16), ("length", U8)),
    (("status", U8), ("data", BYTES8)),
)

AF_DATA_CONFIRM = Callback(
    AF, 0x80, "AF_DATA_CONFIRM", (("status", U8), ("endpoint", U8), ("trans_id", U8))
)
_INCOMING_TAIL: Final[Layout] = (
    ("dst_ep", U8),
    ("was_broadcast", U8),
    ("lqi", U8),
    ("security_use", U8),
    ("timestamp", U32),
    ("trans_seq", U8),  # always 0 in the firmware: the field is a leftover
)
AF_INCOMING_MSG = Callback(
    AF,
    0x81,
    "AF_INCOMING_MSG",
    (
        ("group", U16),
        ("cluster", U16),
        ("src_addr", U16),
        ("src_ep", U8),
        *_INCOMING_TAIL,
        ("data", BYTES8),
        ("mac_src", U16),
        ("radius", U8),
    ),
)

# ---------------------------------------------------------------------------- ZDO (3.12)

ZDO: Final = Subsystem.ZDO
_DST_OF_INTEREST: Final[Layout] = (("dst", U16), ("nwk_of_interest", U16))

ZDO_NWK_ADDR_REQ = _command(
    ZDO,
    0x00,
    "ZDO_NWK_ADDR_REQ",
    (("ieee", IEEE), ("req_type", U8), ("start_index", U8)),
    _STATUS,
)
ZDO_IEEE_ADDR_REQ = _command(
    ZDO,
    0x01,
    "ZDO_IEEE_ADDR_REQ",
    (("nwk", U16), ("req_type", U8), ("start_index", U8)),
    _STATUS,
)
ZDO_NODE_DESC_REQ = _command(ZDO, 0x02, "ZDO_NODE_DESC_REQ", _DST_OF_INTEREST, _STATUS)
ZDO_POWER_DESC_REQ = _command(ZDO, 0x03, "ZDO_POWER_DESC_REQ", _DST_OF_INTEREST, _STATUS)
ZDO_SIMPLE_DESC_REQ = _command(
    ZDO, 0x04, "ZDO_SIMPLE_DESC_REQ", (*_DST_OF_INTEREST, ("endpoint", U8)), _STATUS
)
ZDO_ACTIVE_EP_REQ = _command(ZDO, 0x05, "ZDO_ACTIVE_EP_REQ", _DST_OF_INTEREST, _STATUS)
ZDO_MATCH_DESC_REQ = _command(
    ZDO,
    0x06,
    "ZDO_MATCH_DESC_REQ",
    (
        *_DST_OF_INTEREST,
        ("profile", U16),
        ("input_clusters", WORDS),
        ("output_clusters", WORDS),
    ),
    _STATUS,
)
ZDO_COMPLEX_DESC_REQ = _command(ZDO, 0x07, "ZDO_COMPLEX_DESC_REQ", _DST_OF_INTEREST, _STATUS)
ZDO_USER_DESC_REQ = _command(ZDO, 0x08, "ZDO_USER_DESC_REQ", _DST_OF_INTEREST, _STATUS)
_BIND: Final[Layout] = (
    ("dst", U16),
    ("src_ieee", IEEE),
    ("src_ep", U8),
    ("cluster", U16),
    ("dst_mode", U8),
    ("dst_addr", IEEE),  # a group id in the first two bytes in group mode
    ("dst_ep", U8),
)
ZDO_BIND_REQ = _command(ZDO, 0x21, "ZDO_BIND_REQ", _BIND, _STATUS)
ZDO_UNBIND_REQ = _command(ZDO, 0x22, "ZDO_UNBIND_REQ", _BIND, _STATUS)
_MGMT: Final[Layout] = (("dst", U16), ("start_index", U8))
ZDO_MGMT_LQI_REQ = _command(ZDO, 0x31, "ZDO_MGMT_LQI_REQ", _MGMT, _STATUS)
ZDO_MGMT_RTG_REQ = _command(ZDO, 0x32, "ZDO_MGMT_RTG_REQ", _MGMT, _STATUS)
ZDO_MGMT_BIND_REQ = _command(ZDO, 0x33, "ZDO_MGMT_BIND_REQ", _MGMT, _STATUS)
# flags: bit 0 rejoin, bit 1 remove children (MT's own order, not the ZDP one).
ZDO_MGMT_LEAVE_REQ = _command(
    ZDO, 0x34, "ZDO_MGMT_LEAVE_REQ", (("dst", U16), ("ieee", IEEE), ("flags", U8)), _STATUS
)
# Since Z-Stack 2.6.1 the request starts with an address mode; a 4-byte request is the
# older form without it (the firmware tells them apart by length).
ZDO_MGMT_PERMIT_JOIN_REQ = _command(
    ZDO,
    0x36,
    "ZDO_MGMT_PERMIT_JOIN_REQ",
    (("addr_mode", U8), ("dst", U16), ("duration", U8), ("tc_significance", U8)),
    _STATUS,
)
ZDO_MGMT_PERMIT_JOIN_REQ_LEGACY: Final[Layout] = (
    ("dst", U16),
    ("duration", U8),
    ("tc_significance", U8),
)
ZDO_MGMT_NWK_UPDATE_REQ = _command(
    ZDO,
    0x37,
    "ZDO_MGMT_NWK_UPDATE_REQ",
    (
        ("dst", U16),
        ("dst_mode", U8),
        ("channels", U32),
        ("scan_duration", U8),
        ("scan_count", U8),
        ("nwk_manager", U16),
    ),
    _STATUS,
)
ZDO_MSG_CB_REGISTER = _command(ZDO, 0x3E, "ZDO_MSG_CB_REGISTER", (("cluster", U16),), _STATUS)
ZDO_MSG_CB_REMOVE = _command(ZDO, 0x3F, "ZDO_MSG_CB_REMOVE", (("cluster", U16),), _STATUS)
ZDO_STARTUP_FROM_APP = _command(ZDO, 0x40, "ZDO_STARTUP_FROM_APP", (("start_delay", U16),), _STATUS)
ZDO_EXT_ROUTE_DISC = _command(
    ZDO, 0x45, "ZDO_EXT_ROUTE_DISC", (("dst", U16), ("options", U8), ("radius", U8)), _STATUS
)
ZDO_EXT_ROUTE_CHECK = _command(
    ZDO,
    0x46,
    "ZDO_EXT_ROUTE_CHECK",
    (("dst", U16), ("rx_on_idle", U8), ("options", U8)),
    _STATUS,
)
ZDO_EXT_REMOVE_GROUP = _command(
    ZDO, 0x47, "ZDO_EXT_REMOVE_GROUP", (("endpoint", U8), ("group", U16)), _STATUS
)
ZDO_EXT_REMOVE_ALL_GROUP = _command(
    ZDO, 0x48, "ZDO_EXT_REMOVE_ALL_GROUP", (("endpoint", U8),), _STATUS
)
ZDO_EXT_FIND_ALL_GROUPS_ENDPOINT = _command(
    ZDO, 0x49, "ZDO_EXT_FIND_ALL_GROUPS_ENDPOINT", (("endpoint", U8),), (("groups", WORDS),)
)
# The answer always has the full 16-byte name field (length byte, then up to 15 bytes).
GROUP_NAME_FIELD: Final = 16
ZDO_EXT_FIND_GROUP = _command(
    ZDO,
    0x4A,
    "ZDO_EXT_FIND_GROUP",
    (("endpoint", U8), ("group", U16)),
    (("status", U8), ("group", U16), ("name", fixed(GROUP_NAME_FIELD))),
)
ZDO_EXT_ADD_GROUP = _command(
    ZDO,
    0x4B,
    "ZDO_EXT_ADD_GROUP",
    (("endpoint", U8), ("group", U16), ("name", BYTES8)),
    _STATUS,
)
ZDO_EXT_COUNT_ALL_GROUPS = _command(ZDO, 0x4C, "ZDO_EXT_COUNT_ALL_GROUPS", (), (("count", U8),))
# 24 bytes: the device state sits between the short address and the PAN id, and the
# channel is the logical channel (one byte), not a mask.
ZDO_EXT_NWK_INFO = _command(
    ZDO,
    0x50,
    "ZDO_EXT_NWK_INFO",
    (),
    (
        ("nwk", U16),
        ("dev_state", U8),
        ("pan_id", U16),
        ("parent_nwk", U16),
        ("ext_pan_id", IEEE),
        ("parent_ieee", IEEE),
        ("channel", U8),
    ),
)

# ZDO responses reach the host as their own callbacks: id = 0x80 | (cluster & 0x7F).
ZDO_RESPONSE_CALLBACK_BASE: Final = 0x80
# Source address, then the ZDP response without its sequence number.
ZDO_RESPONSE_LAYOUT: Final[Layout] = (("src", U16), ("zdp", REST))
# NWK_addr_rsp / IEEE_addr_rsp are the exceptions: no source address, and the start index
# comes before the device count (ZDP has them the other way round).
ZDO_ADDR_RSP_LAYOUT: Final[Layout] = (
    ("status", U8),
    ("ieee", IEEE),
    ("nwk", U16),
    ("start_index", U8),
    ("count", U8),
    ("devices", REST),
)
ZDO_STATE_CHANGE_IND = Callback(ZDO, 0xC0, "ZDO_STATE_CHANGE_IND", (("state", U8),))
ZDO_END_DEVICE_ANNCE_IND = Callback(
    ZDO,
    0xC1,
    "ZDO_END_DEVICE_ANNCE_IND",
    (("src", U16), ("nwk", U16), ("ieee", IEEE), ("capabilities", U8)),
)
ZDO_SRC_RTG_IND = Callback(ZDO, 0xC4, "ZDO_SRC_RTG_IND", (("dst", U16), ("relays", WORDS)))
ZDO_LEAVE_IND = Callback(
    ZDO,
    0xC9,
    "ZDO_LEAVE_IND",
    (("nwk", U16), ("ieee", IEEE), ("request", U8), ("remove_children", U8), ("rejoin", U8)),
)
ZDO_TC_DEV_IND = Callback(
    ZDO, 0xCA, "ZDO_TC_DEV_IND", (("nwk", U16), ("ieee", IEEE), ("parent", U16))
)
ZDO_PERMIT_JOIN_IND = Callback(ZDO, 0xCB, "ZDO_PERMIT_JOIN_IND", (("duration", U8),))
ZDO_MSG_CB_INCOMING = Callback(
    ZDO,
    0xFF,
    "ZDO_MSG_CB_INCOMING",
    (
        ("src", U16),
        ("was_broadcast", U8),
        ("cluster", U16),
        ("security_use", U8),
        ("seq", U8),
        ("mac_dst", U16),
        ("data", REST),
    ),
)

# ---------------------------------------------------------------------------- UTIL (3.10)

UTIL: Final = Subsystem.UTIL
UTIL_GET_DEVICE_INFO = _command(
    UTIL,
    0x00,
    "UTIL_GET_DEVICE_INFO",
    (),
    (
        ("status", U8),
        ("ieee", IEEE),
        ("nwk", U16),
        ("device_type", U8),
        ("device_state", U8),
        ("assoc_devices", WORDS),
    ),
)
# Koenkk's firmware: LED control, and removing / re-adding entries of the association
# table (hosts use them to recover a lost end device).
UTIL_LED_CONTROL = _command(UTIL, 0x0A, "UTIL_LED_CONTROL", (("led", U8), ("mode", U8)), _STATUS)
UTIL_ADDRMGR_EXT_ADDR_LOOKUP = _command(
    UTIL, 0x40, "UTIL_ADDRMGR_EXT_ADDR_LOOKUP", (("ieee", IEEE),), (("nwk", U16),)
)
UTIL_ADDRMGR_NWK_ADDR_LOOKUP = _command(
    UTIL, 0x41, "UTIL_ADDRMGR_NWK_ADDR_LOOKUP", (("nwk", U16),), (("ieee", IEEE),)
)
UTIL_ASSOC_COUNT = _command(
    UTIL,
    0x48,
    "UTIL_ASSOC_COUNT",
    (("start_relation", U8), ("end_relation", U8)),
    (("count", U16),),
)
# The association entry is sizeof(associated_devices_t) on the chip: 36 bytes on the
# 32-bit CC2652, of which the first 29 are packed fields and the rest zero.
ASSOC_ENTRY_SIZE: Final = 36
UTIL_ASSOC_FIND_DEVICE = _command(
    UTIL,
    0x49,
    "UTIL_ASSOC_FIND_DEVICE",
    (("number", U8),),
    (("device", fixed(ASSOC_ENTRY_SIZE)),),
)
UTIL_ASSOC_GET_WITH_ADDRESS = _command(
    UTIL,
    0x4A,
    "UTIL_ASSOC_GET_WITH_ADDRESS",
    (("ieee", IEEE), ("nwk", U16)),
    (("device", fixed(ASSOC_ENTRY_SIZE)),),
)
UTIL_ASSOC_REMOVE = _command(UTIL, 0x63, "UTIL_ASSOC_REMOVE", (("ieee", IEEE),), _STATUS)
UTIL_ASSOC_ADD = _command(
    UTIL,
    0x64,
    "UTIL_ASSOC_ADD",
    (("ieee", IEEE), ("nwk", U16), ("relation", U8)),
    _STATUS,
)

# ---------------------------------------------------------------------------- APP_CNF (3.13)

APP_CNF: Final = Subsystem.APP_CNF
APP_CNF_SET_DEFAULT_REMOTE_ENDDEVICE_TIMEOUT = _command(
    APP_CNF, 0x01, "APP_CNF_SET_DEFAULT_REMOTE_ENDDEVICE_TIMEOUT", (("timeout", U8),), _STATUS
)
APP_CNF_SET_ALLOWREJOIN_TC_POLICY = _command(
    APP_CNF, 0x03, "APP_CNF_SET_ALLOWREJOIN_TC_POLICY", (("allow", U8),), _STATUS
)
APP_CNF_BDB_ADD_INSTALLCODE = _command(
    APP_CNF,
    0x04,
    "APP_CNF_BDB_ADD_INSTALLCODE",
    (("format", U8), ("ieee", IEEE), ("code", REST)),
    _STATUS,
)
APP_CNF_BDB_START_COMMISSIONING = _command(
    APP_CNF, 0x05, "APP_CNF_BDB_START_COMMISSIONING", (("mode", U8),), _STATUS
)
APP_CNF_BDB_SET_JOINUSESINSTALLCODEKEY = _command(
    APP_CNF, 0x06, "APP_CNF_BDB_SET_JOINUSESINSTALLCODEKEY", (("enabled", U8),), _STATUS
)
APP_CNF_BDB_SET_ACTIVE_DEFAULT_CENTRALIZED_KEY = _command(
    APP_CNF,
    0x07,
    "APP_CNF_BDB_SET_ACTIVE_DEFAULT_CENTRALIZED_KEY",
    (("mode", U8), ("install_code", REST)),
    _STATUS,
)
APP_CNF_BDB_SET_CHANNEL = _command(
    APP_CNF, 0x08, "APP_CNF_BDB_SET_CHANNEL", (("is_primary", U8), ("channels", U32)), _STATUS
)
APP_CNF_BDB_SET_TC_REQUIRE_KEY_EXCHANGE = _command(
    APP_CNF, 0x09, "APP_CNF_BDB_SET_TC_REQUIRE_KEY_EXCHANGE", (("required", U8),), _STATUS
)
APP_CNF_SET_NWK_FRAME_COUNTER = _command(
    APP_CNF, 0xFF, "APP_CNF_SET_NWK_FRAME_COUNTER", (("frame_counter", U32),), _STATUS
)
APP_CNF_BDB_COMMISSIONING_NOTIFICATION = Callback(
    APP_CNF,
    0x80,
    "APP_CNF_BDB_COMMISSIONING_NOTIFICATION",
    (("status", U8), ("mode", U8), ("remaining_modes", U8)),
)
