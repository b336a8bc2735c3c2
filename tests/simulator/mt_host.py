"""An in-process MT host for unit tests of the Z-Stack emulator.

Hosts talk to the emulator over TCP; these helpers put raw MT frames on an in-memory
"serial line" instead, so a test sees every byte the emulator answers without a socket.
The framing here is written out independently of the emulator's own ``mt.py`` (and of any
host library): tests state the bytes TI's MT specification prescribes.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import functools
import operator
import struct

from custom_components.aqara_zigbee.simulator.air import (
    COORDINATOR_NWK,
    ApsFrame,
    NodeInfo,
)
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator, _ClientProtocol

# Subsystems (CMD0 bits 0-4) and frame types (CMD0 bits 5-7).
SYS = 0x01
AF = 0x04
ZDO = 0x05
UTIL = 0x07
APP_CNF = 0x0F
_SREQ = 0x20
_AREQ = 0x40
_SRSP = 0x60


@dataclass(frozen=True)
class Mt:
    """One frame: CMD0 (type and subsystem), CMD1 (command id), data."""

    cmd0: int
    cmd1: int
    data: bytes = b""

    def __repr__(self) -> str:
        return f"Mt({self.cmd0:#04x}, {self.cmd1:#04x}, {self.data.hex(' ') or '-'})"


def srsp(subsystem: int, command: int, data: bytes = b"") -> Mt:
    return Mt(_SRSP | subsystem, command, data)


def areq(subsystem: int, command: int, data: bytes = b"") -> Mt:
    return Mt(_AREQ | subsystem, command, data)


def _fcs(data: bytes) -> int:
    return functools.reduce(operator.xor, data, 0)


def raw_frame(cmd0: int, cmd1: int, data: bytes = b"") -> bytes:
    """An MT frame on the wire: SOF, length, CMD0, CMD1, data, XOR checksum."""
    body = bytes([len(data), cmd0, cmd1]) + data
    return b"\xfe" + body + bytes([_fcs(body)])


def parse_frames(data: bytes) -> list[Mt]:
    """Every frame in ``data`` (which must hold whole, valid frames only)."""
    frames = []
    while data:
        assert data[0] == 0xFE, f"no start of frame: {data.hex()}"
        length = data[1]
        body, checksum = data[1 : length + 4], data[length + 4]
        assert _fcs(body) == checksum, f"bad checksum: {data.hex()}"
        frames.append(Mt(body[1], body[2], bytes(body[3:])))
        data = data[length + 5 :]
    return frames


class SerialLine(asyncio.Transport):
    """The host end of the line: keeps what the emulator writes."""

    def __init__(self) -> None:
        super().__init__()
        self.written = bytearray()
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written += data

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.closed = True


class MtHost:
    """Sends MT requests to an emulator and returns the frames it answers with."""

    def __init__(self, emulator: ZStackEmulator) -> None:
        self.line = SerialLine()
        self.protocol = _ClientProtocol(emulator)
        self.protocol.connection_made(self.line)

    def write(self, raw: bytes) -> list[Mt]:
        """Put raw bytes on the line; returns every frame the emulator wrote back."""
        self.protocol.data_received(raw)
        return self.read()

    def sreq(self, subsystem: int, command: int, data: bytes = b"") -> list[Mt]:
        """A synchronous request; returns the SRSP first, then any callbacks."""
        return self.write(raw_frame(_SREQ | subsystem, command, data))

    def areq(self, subsystem: int, command: int, data: bytes = b"") -> list[Mt]:
        return self.write(raw_frame(_AREQ | subsystem, command, data))

    def read(self) -> list[Mt]:
        data = bytes(self.line.written)
        self.line.written.clear()
        return parse_frames(data)

    def disconnect(self) -> None:
        self.line.closed = True
        self.protocol.connection_lost(None)


def af_register(endpoint: int, profile: int = 0x0104, in_clusters: tuple[int, ...] = ()) -> bytes:
    """AF_REGISTER data: endpoint, profile, device id, version, latency, cluster lists."""
    return (
        struct.pack("<BHHBB", endpoint, profile, 0x0005, 0, 0)
        + bytes([len(in_clusters)])
        + struct.pack(f"<{len(in_clusters)}H", *in_clusters)
        + b"\x00"
    )


def start_network(host: MtHost) -> None:
    """Start (forming if needed) the network and register endpoint 1, as hosts do."""
    host.sreq(ZDO, 0x40, struct.pack("<H", 0))  # ZDO_STARTUP_FROM_APP
    host.sreq(AF, 0x00, af_register(1))


@dataclass
class Node:
    """A minimal device on the air: records what it receives, can fail on purpose."""

    node: NodeInfo
    received: list[ApsFrame] = field(default_factory=list)
    broken: bool = False

    def receive(self, frame: ApsFrame) -> None:
        self.received.append(frame)
        if self.broken:
            raise RuntimeError("simulated firmware crash")


def node(
    nwk: int,
    *,
    router: bool = True,
    rx_on: bool = True,
    parent: int = COORDINATOR_NWK,
    **extra: object,
) -> Node:
    ieee = bytes([nwk & 0xFF, nwk >> 8, 0, 0, 0, 0x15, 0x8D, 0x00])
    return Node(
        NodeInfo(
            ieee=ieee,
            nwk=nwk,
            rx_on_when_idle=rx_on,
            is_router=router,
            parent_nwk=parent,
            extra=dict(extra),
        )
    )
