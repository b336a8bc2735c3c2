"""A minimal EZSP host for driving the emulated NCP frame by frame in tests.

It speaks ASH and EZSP itself (from the same public documents as the emulator), so a
test can send what bellows never would and look at every byte that comes back.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from custom_components.aqara_zigbee.simulator import ash
from custom_components.aqara_zigbee.simulator.ezsp.emulator import EzspEmulator, _Connection
from custom_components.aqara_zigbee.simulator.ezsp.protocol import (
    FC_CALLBACK_ASYNC,
    PROTOCOL_VERSION,
    FrameId,
    build_frame,
)


class FakeTransport(asyncio.Transport):
    """Collects what the emulator writes; closing it is remembered."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()
        self.closing = False

    def write(self, data: Any) -> None:
        self.data += data

    def is_closing(self) -> bool:
        return self.closing

    def abort(self) -> None:
        self.closing = True

    def close(self) -> None:
        self.closing = True


@dataclass(frozen=True, slots=True)
class Reply:
    """One EZSP frame from the NCP (extended format unless ``legacy``)."""

    sequence: int
    control: int
    frame_id: int
    params: bytes

    @property
    def is_callback(self) -> bool:
        return bool(self.control & FC_CALLBACK_ASYNC)


@dataclass
class EzspHost:
    """Talks to ``emulator`` through a fake serial line (no socket, no event loop needed)."""

    emulator: EzspEmulator
    transport: FakeTransport = field(default_factory=FakeTransport)
    callbacks: list[Reply] = field(default_factory=list)
    _tx: int = 0
    _rx: int = 0
    _sequence: int = 0
    _reader: ash.FrameReader = field(default_factory=ash.FrameReader)

    def __post_init__(self) -> None:
        self.connection = _Connection(self.emulator)
        self.connection.transport = self.transport
        self.emulator._client_connected(self.connection)

    def reset(self) -> None:
        """RST, then RSTACK: both sides count from zero."""
        self.connection.link.data_received(ash.encode(ash.RST))
        frames = self._frames()
        assert frames[-1].control == ash.RSTACK
        self._tx = self._rx = 0

    def _frames(self) -> list[ash.Frame]:
        out = [frame for frame in self._reader.feed(bytes(self.transport.data)) if frame]
        self.transport.data.clear()
        return out

    def send_raw(self, ezsp_frame: bytes) -> list[Reply]:
        """Send one EZSP frame as DATA; return every EZSP frame the NCP sent back."""
        control = ash.data_control(self._tx, self._rx)
        self._tx = (self._tx + 1) & 7
        self.connection.link.data_received(ash.encode(control, ash.randomize(ezsp_frame)))
        return self.collect()

    def collect(self) -> list[Reply]:
        """EZSP frames the NCP sent since the last call (acknowledged as they come)."""
        replies = []
        for frame in self._frames():
            if frame.kind is not ash.FrameKind.DATA:
                continue
            self._rx = (frame.frame_number + 1) & 7
            data = ash.randomize(frame.data)
            if data[2] & 0x03 == 0x01 and len(data) >= 5:
                reply = Reply(data[0], data[1], data[3] | data[4] << 8, data[5:])
            else:
                reply = Reply(data[0], data[1], data[2], data[3:])
            replies.append(reply)
        if replies:
            self.connection.link.data_received(ash.encode(ash.ack_control(self._rx)))
        return replies

    def command(self, frame_id: int, params: bytes = b"", *, legacy: bool = False) -> Reply:
        """One command; its response is returned, callbacks after it are kept."""
        self._sequence = (self._sequence + 1) & 0xFF
        frame = build_frame(self._sequence, frame_id, params, control=0x00, legacy=legacy)
        replies = self.send_raw(frame)
        responses = [reply for reply in replies if not reply.is_callback]
        self.callbacks += [reply for reply in replies if reply.is_callback]
        assert len(responses) == 1, replies
        assert responses[0].sequence == self._sequence
        return responses[0]

    def take_callbacks(self, frame_id: int | None = None) -> list[Reply]:
        self.callbacks += [reply for reply in self.collect() if reply.is_callback]
        taken = [cb for cb in self.callbacks if frame_id is None or cb.frame_id == frame_id]
        self.callbacks = [cb for cb in self.callbacks if cb not in taken]
        return taken

    def start(self) -> None:
        """Reset and agree on the protocol version, as every host does first."""
        self.reset()
        reply = self.command(FrameId.VERSION, bytes([PROTOCOL_VERSION]), legacy=True)
        assert reply.params[0] == PROTOCOL_VERSION
        self.command(FrameId.VERSION, bytes([PROTOCOL_VERSION]))
