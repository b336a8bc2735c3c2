"""The NCP side of ASH, the serial link layer EZSP runs on (Silicon Labs UG101).

Frames on the wire are ``control | data | CRC-16 (big-endian) | 0x7E``, byte-stuffed so
that none of the reserved bytes appears inside a frame. DATA frames carry one EZSP frame
each, XORed with a fixed pseudo-random sequence; they are numbered modulo 8 and
acknowledged (ACK), rejected (NAK) or retransmitted after a timeout, with at most
``TX_K`` of ours unacknowledged at a time. The host starts (and restarts) the link with
RST; the NCP answers RSTACK and both sides count from zero again.

Not modelled: the host's nRdy flag (recorded, but callbacks are not held back) and
ASH's adaptive acknowledgement timer (the timeout doubles on expiry and resets on an ACK).

:class:`AshNcpLink` is transport-agnostic: it is fed received bytes and given a function
that writes bytes, and hands every EZSP frame it accepts to a callback. Nothing here knows
about EZSP.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import IntEnum
import functools
import logging
from typing import Final, Protocol

_LOGGER = logging.getLogger(__name__)

FLAG: Final = 0x7E  # ends a frame
ESCAPE: Final = 0x7D  # the next byte is XORed with 0x20
XON: Final = 0x11
XOFF: Final = 0x13
SUBSTITUTE: Final = 0x18  # a byte the UART could not receive: the frame is bad
CANCEL: Final = 0x1A  # discards the frame in progress
RESERVED: Final = frozenset({FLAG, ESCAPE, XON, XOFF, SUBSTITUTE, CANCEL})
_FLIP: Final = 0x20

ASH_VERSION: Final = 0x02
RST: Final = 0xC0
RSTACK: Final = 0xC1
ERROR: Final = 0xC2

# UG101 "Configuration Parameters" (the NCP's manufacturing-token defaults)
T_RX_ACK_INIT: Final = 1.6
T_RX_ACK_MIN: Final = 0.4
T_RX_ACK_MAX: Final = 3.2
TX_K: Final = 5
ACK_TIMEOUTS: Final = 4

_RANDOM_SEED: Final = 0x42
_RANDOM_POLY: Final = 0xB8
# Largest frame accepted before stuffing is removed (control + 128 + CRC, generously).
_MAX_RAW_FRAME: Final = 512


class ResetCode(IntEnum):
    """Why the NCP reset (RSTACK) or failed (ERROR), UG101 "Reset and Error Codes"."""

    UNKNOWN = 0x00
    EXTERNAL = 0x01
    POWER_ON = 0x02
    WATCHDOG = 0x03
    ASSERT = 0x06
    BOOTLOADER = 0x09
    SOFTWARE = 0x0B
    EXCEEDED_MAX_ACK_TIMEOUTS = 0x51


class FrameKind(IntEnum):
    DATA = 0
    ACK = 1
    NAK = 2
    RST = 3
    RSTACK = 4
    ERROR = 5


def crc16(data: bytes) -> int:
    """CRC-CCITT as ASH uses it: polynomial 0x1021, initial value 0xFFFF, not reflected."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


@functools.cache
def _random_sequence(length: int) -> bytes:
    out = bytearray()
    value = _RANDOM_SEED
    for _ in range(length):
        out.append(value)
        value = (value >> 1) ^ _RANDOM_POLY if value & 1 else value >> 1
    return bytes(out)


def randomize(data: bytes) -> bytes:
    """XOR a DATA field with ASH's pseudo-random sequence (its own inverse)."""
    # The sequence is cached in 256-byte steps: every frame length reuses one.
    sequence = _random_sequence((len(data) // 256 + 1) * 256)
    return bytes(byte ^ mask for byte, mask in zip(data, sequence, strict=False))


def stuff(data: bytes) -> bytes:
    out = bytearray()
    for byte in data:
        if byte in RESERVED:
            out += bytes((ESCAPE, byte ^ _FLIP))
        else:
            out.append(byte)
    return bytes(out)


def encode(control: int, data: bytes = b"") -> bytes:
    """One frame on the wire: stuffed control, data and CRC, then the flag."""
    body = bytes([control]) + data
    return stuff(body + crc16(body).to_bytes(2, "big")) + bytes([FLAG])


def kind_of(control: int) -> FrameKind | None:
    if not control & 0x80:
        return FrameKind.DATA
    if control & 0xE0 == 0x80:
        return FrameKind.ACK
    if control & 0xE0 == 0xA0:
        return FrameKind.NAK
    return {RST: FrameKind.RST, RSTACK: FrameKind.RSTACK, ERROR: FrameKind.ERROR}.get(control)


def data_control(frame_number: int, ack_number: int, *, retransmit: bool = False) -> int:
    return (frame_number & 7) << 4 | (0x08 if retransmit else 0) | (ack_number & 7)


def ack_control(ack_number: int, *, not_ready: bool = False) -> int:
    return 0x80 | (0x08 if not_ready else 0) | (ack_number & 7)


def nak_control(ack_number: int, *, not_ready: bool = False) -> int:
    return 0xA0 | (0x08 if not_ready else 0) | (ack_number & 7)


@dataclass(frozen=True, slots=True)
class Frame:
    """A received frame whose CRC was right (``data`` still randomized for DATA)."""

    control: int
    data: bytes

    @property
    def kind(self) -> FrameKind | None:
        return kind_of(self.control)

    @property
    def frame_number(self) -> int:
        return self.control >> 4 & 7

    @property
    def ack_number(self) -> int:
        return self.control & 7

    @property
    def retransmitted(self) -> bool:
        return bool(self.control & 0x08)

    @property
    def not_ready(self) -> bool:
        return bool(self.control & 0x08)


class FrameReader:
    """Splits a byte stream into frames, removing stuffing and checking CRCs.

    Yields :class:`Frame` for good frames and ``None`` for each damaged one (bad CRC,
    too short, a substitute byte in it); cancelled frames disappear silently.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._escaped = False
        self._damaged = False

    def feed(self, data: bytes) -> Iterator[Frame | None]:
        for received in data:
            byte = received
            if byte == FLAG:
                finished, frame = self._finish()
                if finished:
                    yield frame
            elif byte == CANCEL:
                self._reset()
            elif byte == SUBSTITUTE:
                self._damaged = True
            elif byte in (XON, XOFF):
                continue  # software flow control: nothing to do over a socket
            elif byte == ESCAPE:
                self._escaped = True
            else:
                if self._escaped:
                    byte ^= _FLIP
                    self._escaped = False
                if len(self._buffer) < _MAX_RAW_FRAME:
                    self._buffer.append(byte)
                else:
                    self._damaged = True

    def _finish(self) -> tuple[bool, Frame | None]:
        """(whether a frame ended, the frame or None when it was damaged)."""
        raw, damaged = bytes(self._buffer), self._damaged or self._escaped
        self._reset()
        if not raw and not damaged:
            return False, None  # back-to-back flags
        if damaged or len(raw) < 3 or crc16(raw[:-2]) != int.from_bytes(raw[-2:], "big"):
            return True, None
        return True, Frame(raw[0], raw[1:-2])

    def _reset(self) -> None:
        self._buffer.clear()
        self._escaped = False
        self._damaged = False


class Timer(Protocol):
    def cancel(self) -> None: ...


#: schedules ``callback`` after ``delay`` seconds (the event loop's ``call_later``)
Scheduler = Callable[[float, Callable[[], None]], Timer]


def _loop_scheduler(delay: float, callback: Callable[[], None]) -> Timer:
    return asyncio.get_running_loop().call_later(delay, callback)


@dataclass(slots=True)
class LinkCounters:
    """What went over the link since it was created (for tests and benchmarks)."""

    data_in: int = 0
    data_out: int = 0
    acks_out: int = 0
    naks_in: int = 0
    naks_out: int = 0
    retransmissions: int = 0
    duplicates_in: int = 0
    bad_frames_in: int = 0
    resets: int = 0


class AshNcpLink:
    """ASH as the NCP runs it: one host, go-back-N retransmission, window ``TX_K``."""

    def __init__(
        self,
        write: Callable[[bytes], None],
        deliver: Callable[[bytes], None],
        *,
        on_reset: Callable[[], None] | None = None,
        reset_code: ResetCode = ResetCode.POWER_ON,
        ack_timeout: float = T_RX_ACK_INIT,
        scheduler: Scheduler = _loop_scheduler,
    ) -> None:
        """``write`` puts bytes on the wire; ``deliver`` gets each accepted EZSP frame.

        ``on_reset`` runs when the host resets the link (before RSTACK is sent).
        ``reset_code`` is what the first RSTACK reports (later ones say software reset).
        ``scheduler`` runs the retransmission timer (the event loop unless a test
        drives time itself).
        """
        self._write = write
        self._deliver = deliver
        self._on_reset = on_reset
        self._reset_code = reset_code
        self._initial_timeout = ack_timeout
        self.counters = LinkCounters()
        self._reader = FrameReader()
        self.connected = False
        self.failed = False
        self.host_not_ready = False
        self._rx_expected = 0  # frame number we want next (our ackNum)
        self._rejecting = False
        self._tx_next = 0  # number of our next new DATA frame
        self._unacked: deque[tuple[int, bytes]] = deque()
        self._queue: deque[bytes] = deque()
        self._ack_timeout = ack_timeout
        self._timeouts = 0
        self._scheduler = scheduler
        self._timer: Timer | None = None

    # -- host → NCP -------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        for frame in self._reader.feed(data):
            if frame is None:
                self.counters.bad_frames_in += 1
                if self.connected:
                    self._reject()
                continue
            self._handle(frame)

    def _handle(self, frame: Frame) -> None:
        kind = frame.kind
        if kind is FrameKind.RST:
            self._reset_link()
            return
        if not self.connected or kind in (None, FrameKind.RSTACK, FrameKind.ERROR):
            # Before the host resets us nothing it says means anything (UG101: the
            # NCP ignores all but RST until then).
            return
        if kind in (FrameKind.ACK, FrameKind.NAK):
            self.host_not_ready = frame.not_ready
            self._acknowledged(frame.ack_number)
            if kind is FrameKind.NAK:
                self.counters.naks_in += 1
                self._retransmit_all()
            self._pump()
            return
        # DATA
        self._acknowledged(frame.ack_number)
        if len(frame.data) < 3:
            self.counters.bad_frames_in += 1
            self._reject()
            return
        if frame.frame_number == self._rx_expected:
            self._rx_expected = (self._rx_expected + 1) & 7
            self._rejecting = False
            self.counters.data_in += 1
            self._send_control(ack_control(self._rx_expected))
            self._deliver(randomize(frame.data))
        elif frame.retransmitted:
            # A copy of a frame we already have (our ACK was late): confirm again.
            self.counters.duplicates_in += 1
            self._send_control(ack_control(self._rx_expected))
        else:
            self._reject()
        self._pump()

    def _reject(self) -> None:
        """NAK once per out-of-sequence run (UG101's "Reject Condition")."""
        if self._rejecting:
            return
        self._rejecting = True
        self.counters.naks_out += 1
        self._send_control(nak_control(self._rx_expected))

    def reset_by_ncp(self, code: ResetCode) -> None:
        """The NCP reset on its own (power-on, watchdog): tell the host with RSTACK.

        A network-attached NCP that resets when the port opens does this, as does
        Silicon Labs' zigbeed; the host then need not send RST first.
        """
        self._reset_code = code
        self._reset_link()

    def _reset_link(self) -> None:
        self._cancel_timer()
        self.counters.resets += 1
        self._rx_expected = 0
        self._tx_next = 0
        self._rejecting = False
        self._unacked.clear()
        self._queue.clear()
        self._ack_timeout = self._initial_timeout
        self._timeouts = 0
        self.failed = False
        self.host_not_ready = False
        if self._on_reset is not None:
            self._on_reset()
        self.connected = True
        self._write(encode(RSTACK, bytes([ASH_VERSION, self._reset_code])))
        self._reset_code = ResetCode.SOFTWARE

    # -- NCP → host -------------------------------------------------------------------

    def send(self, ezsp_frame: bytes) -> None:
        """Queue one EZSP frame for the host (sent as soon as the window allows)."""
        if not self.connected:
            return
        self._queue.append(ezsp_frame)
        self._pump()

    @property
    def pending(self) -> int:
        """Frames queued or sent but not yet acknowledged."""
        return len(self._queue) + len(self._unacked)

    def _pump(self) -> None:
        while self._queue and len(self._unacked) < TX_K and not self.failed:
            payload = self._queue.popleft()
            number = self._tx_next
            self._tx_next = (number + 1) & 7
            self._unacked.append((number, payload))
            self._send_data(number, payload, retransmit=False)

    def _send_data(self, number: int, payload: bytes, *, retransmit: bool) -> None:
        control = data_control(number, self._rx_expected, retransmit=retransmit)
        self._write(encode(control, randomize(payload)))
        self.counters.data_out += 1
        if self._timer is None:
            self._start_timer()

    def _send_control(self, control: int) -> None:
        if kind_of(control) is FrameKind.ACK:
            self.counters.acks_out += 1
        self._write(encode(control))

    def _acknowledged(self, ack_number: int) -> None:
        """The host has every frame of ours before ``ack_number``."""
        if not self._unacked:
            return
        oldest = self._unacked[0][0]
        count = (ack_number - oldest) & 7
        if count == 0 or count > len(self._unacked):
            return  # nothing new, or a number outside the window
        for _ in range(count):
            self._unacked.popleft()
        self._timeouts = 0
        self._ack_timeout = self._initial_timeout
        self._cancel_timer()
        if self._unacked:
            self._start_timer()

    def _retransmit_all(self) -> None:
        self._cancel_timer()
        for number, payload in list(self._unacked):
            self.counters.retransmissions += 1
            self._send_data(number, payload, retransmit=True)

    def _start_timer(self) -> None:
        self._timer = self._scheduler(self._ack_timeout, self._ack_timer_expired)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _ack_timer_expired(self) -> None:
        self._timer = None
        if not self._unacked:
            return
        self._timeouts += 1
        if self._timeouts > ACK_TIMEOUTS:
            _LOGGER.warning("ASH: the host acknowledged nothing %d times; failing", ACK_TIMEOUTS)
            self.failed = True
            self.connected = False
            self._write(encode(ERROR, bytes([ASH_VERSION, ResetCode.EXCEEDED_MAX_ACK_TIMEOUTS])))
            return
        self._ack_timeout = min(T_RX_ACK_MAX, self._ack_timeout * 2)
        self._retransmit_all()

    def close(self) -> None:
        """Forget everything in flight (the connection is gone)."""
        self._cancel_timer()
        self._unacked.clear()
        self._queue.clear()
        self.connected = False
