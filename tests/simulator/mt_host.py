"""An in-process MT host for unit tests of the Z-Stack emulator.

zigpy-znp talks to the emulator over TCP; these helpers put the same MT frames (built and
parsed with zigpy-znp's own command definitions) on an in-memory "serial line" instead,
so a test sees every byte the emulator answers without a socket or a zigpy application.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import zigpy_znp.commands as c
from zigpy_znp.frames import TransportFrame

from custom_components.aqara_zigbee.simulator.air import (
    COORDINATOR_NWK,
    ApsFrame,
    NodeInfo,
)
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator, _ClientProtocol


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

    def write(self, raw: bytes) -> list[Any]:
        """Put raw bytes on the line; returns every command the emulator wrote back."""
        self.protocol.data_received(raw)
        return self.read()

    def request(self, command: Any) -> list[Any]:
        """Send one command; returns the answers (SRSP first, then any callbacks)."""
        return self.write(TransportFrame(command.to_frame(align=True)).serialize())

    def read(self) -> list[Any]:
        data = bytes(self.line.written)
        self.line.written.clear()
        answers = []
        while data:
            frame, data = TransportFrame.deserialize(data)
            command = c.COMMANDS_BY_ID[frame.payload.header]
            answers.append(command.from_frame(frame.payload, align=True))
        return answers

    def disconnect(self) -> None:
        self.line.closed = True
        self.protocol.connection_lost(None)


def start_network(host: MtHost) -> None:
    """Start (forming if needed) the network and register endpoint 1, as zigpy-znp does."""
    host.request(c.ZDO.StartupFromApp.Req(StartDelay=0))
    host.request(
        c.AF.Register.Req(
            Endpoint=1,
            ProfileId=0x0104,
            DeviceId=0x0005,
            DeviceVersion=0,
            LatencyReq=c.af.LatencyReq.NoLatencyReqs,
            InputClusters=[],
            OutputClusters=[],
        )
    )


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
