"""ASH, the serial link under EZSP (Silicon Labs UG101), as the emulated NCP runs it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from custom_components.aqara_zigbee.simulator import ash
from custom_components.aqara_zigbee.simulator.ash import (
    ACK_TIMEOUTS,
    TX_K,
    AshNcpLink,
    FrameKind,
    FrameReader,
    ResetCode,
)

# -- framing --------------------------------------------------------------------------


def test_control_frames_match_the_examples_of_ug101() -> None:
    assert ash.encode(ash.RST) == bytes.fromhex("c038bc7e")
    # RSTACK(2, power on)
    assert ash.encode(ash.RSTACK, bytes([2, 2])) == bytes.fromhex("c102029b7b7e")


def test_data_randomization_is_the_documented_sequence() -> None:
    # Seed 0x42; a set low bit shifts and XORs 0xB8, a clear one just shifts.
    assert ash.randomize(bytes(4)) == bytes([0x42, 0x21, 0xA8, 0x54])
    payload = bytes(range(256)) * 2
    assert ash.randomize(ash.randomize(payload)) == payload


def test_reserved_bytes_are_stuffed_and_come_back() -> None:
    data = bytes([0x7E, 0x7D, 0x11, 0x13, 0x18, 0x1A, 0x42])
    stuffed = ash.stuff(data)
    assert stuffed == bytes.fromhex("7d5e7d5d7d317d337d387d3a42")
    frames = list(FrameReader().feed(ash.encode(0x25, data)))
    assert frames == [ash.Frame(0x25, data)]


def test_reader_flags_damage_and_honours_cancel() -> None:
    reader = FrameReader()
    good = ash.encode(0x81)
    bad_crc = bytearray(ash.encode(0x82))
    bad_crc[1] ^= 0x01
    substituted = good[:1] + bytes([ash.SUBSTITUTE]) + good[1:]
    cancelled = bytes([0x01, 0x02, ash.CANCEL]) + good
    frames = list(reader.feed(bytes(bad_crc) + substituted + cancelled + b"\x7e\x7e"))
    assert frames == [None, None, ash.Frame(0x81, b"")]
    # XON/XOFF are flow control, never frame content.
    assert list(reader.feed(bytes([ash.XON]) + good + bytes([ash.XOFF]))) == [ash.Frame(0x81, b"")]


@pytest.mark.parametrize(
    ("control", "kind"),
    [
        (0x25, FrameKind.DATA),
        (0x81, FrameKind.ACK),
        (0xA6, FrameKind.NAK),
        (0xC0, FrameKind.RST),
        (0xC1, FrameKind.RSTACK),
        (0xC2, FrameKind.ERROR),
        (0xC5, None),
    ],
)
def test_frame_kinds(control: int, kind: FrameKind | None) -> None:
    assert ash.kind_of(control) is kind


# -- the link -------------------------------------------------------------------------


@dataclass
class FakeTimer:
    delay: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class Host:
    """The host end of the wire, with a hand-driven retransmission timer."""

    wire: bytearray = field(default_factory=bytearray)
    delivered: list[bytes] = field(default_factory=list)
    timers: list[FakeTimer] = field(default_factory=list)
    resets: int = 0
    link: AshNcpLink = field(init=False)

    def __post_init__(self) -> None:
        self.link = AshNcpLink(
            self.wire.extend, self.delivered.append, on_reset=self._reset, scheduler=self._later
        )

    def _reset(self) -> None:
        self.resets += 1

    def _later(self, delay: float, callback: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(delay, callback)
        self.timers.append(timer)
        return timer

    def expire_timer(self) -> None:
        live = [timer for timer in self.timers if not timer.cancelled]
        assert len(live) == 1
        live[0].cancelled = True
        live[0].callback()

    def frames(self) -> list[ash.Frame]:
        out = [frame for frame in FrameReader().feed(bytes(self.wire)) if frame is not None]
        self.wire.clear()
        return out

    def send_data(self, number: int, ack: int, payload: bytes, *, retransmit: bool = False) -> None:
        control = ash.data_control(number, ack, retransmit=retransmit)
        self.link.data_received(ash.encode(control, ash.randomize(payload)))


def _connected() -> Host:
    host = Host()
    host.link.data_received(bytes([ash.CANCEL]) + ash.encode(ash.RST))
    assert host.frames() == [ash.Frame(ash.RSTACK, bytes([2, ResetCode.POWER_ON]))]
    return host


def test_nothing_but_rst_is_heard_before_a_reset() -> None:
    host = Host()
    host.send_data(0, 0, b"\x00\x00\x00\x04")
    assert host.delivered == []
    assert host.wire == bytearray()
    host.link.data_received(ash.encode(ash.RST))
    assert host.resets == 1
    host.link.data_received(ash.encode(ash.RST))
    # The first RSTACK says why the chip started; later ones are software resets.
    assert [frame.data for frame in host.frames()] == [b"\x02\x02", b"\x02\x0b"]


def test_data_is_acknowledged_and_delivered_in_order() -> None:
    host = _connected()
    host.send_data(0, 0, b"\x00\x00\x00\x04")
    host.send_data(1, 0, b"\x01\x00\x01\x00\x00\x0d")
    assert host.delivered == [b"\x00\x00\x00\x04", b"\x01\x00\x01\x00\x00\x0d"]
    assert [frame.control for frame in host.frames()] == [0x81, 0x82]


def test_an_out_of_sequence_frame_is_rejected_once_then_recovered() -> None:
    host = _connected()
    host.send_data(1, 0, b"\x01\x00\x00")  # frame 0 was lost
    host.send_data(2, 0, b"\x02\x00\x00")
    assert host.delivered == []
    assert [frame.control for frame in host.frames()] == [0xA0]  # one NAK(0), not two
    host.send_data(0, 0, b"\x00\x00\x00", retransmit=True)
    host.send_data(1, 0, b"\x01\x00\x00", retransmit=True)
    assert host.delivered == [b"\x00\x00\x00", b"\x01\x00\x00"]
    assert host.link.counters.naks_out == 1


def test_a_retransmitted_copy_is_acknowledged_not_delivered_twice() -> None:
    host = _connected()
    host.send_data(0, 0, b"\x00\x00\x00")
    host.send_data(0, 0, b"\x00\x00\x00", retransmit=True)
    assert host.delivered == [b"\x00\x00\x00"]
    assert [frame.control for frame in host.frames()] == [0x81, 0x81]
    assert host.link.counters.duplicates_in == 1


def test_a_damaged_frame_is_nakked() -> None:
    host = _connected()
    damaged = bytearray(ash.encode(ash.data_control(0, 0), ash.randomize(b"\x00\x00\x00")))
    damaged[2] ^= 0xFF
    host.link.data_received(bytes(damaged))
    assert [frame.control for frame in host.frames()] == [0xA0]
    assert host.link.counters.bad_frames_in == 1


def test_ncp_frames_carry_numbers_and_stop_at_the_window() -> None:
    host = _connected()
    for sequence in range(TX_K + 2):
        host.link.send(bytes([sequence, 0x80, 0x00]))
    sent = host.frames()
    assert [frame.frame_number for frame in sent] == list(range(TX_K))
    assert [ash.randomize(frame.data)[0] for frame in sent] == list(range(TX_K))
    assert host.link.pending == TX_K + 2
    # The host acknowledges two: two more go out.
    host.link.data_received(ash.encode(ash.ack_control(2)))
    assert [frame.frame_number for frame in host.frames()] == [5, 6]
    host.link.data_received(ash.encode(ash.ack_control(7)))
    assert host.link.pending == 0


def test_a_nak_from_the_host_resends_everything_unacknowledged() -> None:
    host = _connected()
    host.link.send(b"\x00\x80\x00")
    host.link.send(b"\x01\x80\x00")
    host.frames()
    host.link.data_received(ash.encode(ash.nak_control(1)))  # frame 0 arrived, 1 did not
    resent = host.frames()
    assert [(frame.frame_number, frame.retransmitted) for frame in resent] == [(1, True)]
    assert host.link.counters.naks_in == 1


def test_unacknowledged_frames_are_resent_then_the_ncp_gives_up() -> None:
    host = _connected()
    host.link.send(b"\x00\x80\x00")
    host.frames()
    delays = []
    for _ in range(ACK_TIMEOUTS):
        delays.append(next(t for t in host.timers if not t.cancelled).delay)
        host.expire_timer()
        (again,) = host.frames()
        assert again.retransmitted
    # The timeout doubles up to its maximum.
    assert delays == [1.6, 3.2, 3.2, 3.2]
    host.expire_timer()
    (error,) = host.frames()
    assert error == ash.Frame(ash.ERROR, bytes([2, ResetCode.EXCEEDED_MAX_ACK_TIMEOUTS]))
    assert host.link.failed
    assert not host.link.connected
    # Only a new RST brings it back.
    host.link.data_received(ash.encode(ash.RST))
    assert host.link.connected
    assert not host.link.failed


def test_an_ack_stops_the_timer_and_resets_the_timeout() -> None:
    host = _connected()
    host.link.send(b"\x00\x80\x00")
    host.expire_timer()
    host.link.data_received(ash.encode(ash.ack_control(1)))
    assert all(timer.cancelled for timer in host.timers)
    host.link.send(b"\x01\x80\x00")
    assert host.timers[-1].delay == 1.6


def test_the_ncp_can_announce_its_own_reset() -> None:
    host = _connected()
    host.link.send(b"\x00\x80\x00")
    host.link.reset_by_ncp(ResetCode.WATCHDOG)
    assert host.frames()[-1] == ash.Frame(ash.RSTACK, bytes([2, ResetCode.WATCHDOG]))
    assert host.link.pending == 0
    assert host.resets == 2


def test_a_closed_link_sends_nothing() -> None:
    host = _connected()
    host.link.close()
    host.link.send(b"\x00\x80\x00")
    assert host.wire == bytearray()
