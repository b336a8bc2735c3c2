"""The Lumi heartbeat: a TLV struct of the unit's values, reported about hourly.

Old Xiaomi firmware sends it as genBasic 0xFF01 (a character string), Aqara firmware as
FCC0 0x00F7 (an octet string); both answer a read of it. Each model has its own layout
(which indexes, in which order, with which ZCL types): see reference/devices.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..clock import SimTimer
from ..tlv import TlvEntry, encode as tlv_encode
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour

if TYPE_CHECKING:
    from ..device import TwinDevice

HEARTBEAT_INTERVAL_S = 3300.0
# The first heartbeat comes this long after joining (simulated seconds).
JOIN_HEARTBEAT_DELAY_S = 10.0

#: one TLV entry: index, ZCL type, and the value as the unit holds it now
HeartbeatEntry = tuple[int, int, Callable[["TwinDevice"], object]]


def constant(value: object) -> Callable[[TwinDevice], object]:
    """A value the firmware always sends the same (indexes of unknown meaning)."""
    return lambda _device: value


def parent_nwk(device: TwinDevice) -> object:
    """Index 10 of end devices: the parent's NWK address."""
    return device.parent_nwk


class Heartbeat(Behaviour):
    """Sends ``layout`` as ``attribute`` of ``cluster`` from endpoint 1, every interval."""

    def __init__(
        self, cluster: int, attribute: int, type_id: int, layout: Sequence[HeartbeatEntry]
    ):
        self.cluster = cluster
        self.attribute = attribute
        self.type_id = type_id
        self.layout = tuple(layout)
        self._timer: SimTimer | None = None

    @property
    def interval(self) -> float:
        return self.device.heartbeat_interval

    def entries(self) -> list[TlvEntry]:
        """The heartbeat TLV entries, in the firmware's order."""
        return [(index, type_id, value(self.device)) for index, type_id, value in self.layout]

    def payload(self) -> bytes:
        """The heartbeat TLV bytes as the real firmware encodes them."""
        return tlv_encode(self.entries())

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == self.cluster and ep == 1:
            return {self.attribute: lumi_attr(self.type_id, self.payload)}
        return {}

    def send(self) -> None:
        """Send the heartbeat report now (manufacturer code 0x115F)."""
        self.device.send_report(
            1,
            self.cluster,
            [AttributeValue(self.attribute, self.type_id, self.payload())],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )

    def _first_delay(self) -> float:
        # Spread devices over the interval deterministically (no thundering herd).
        return 30.0 + (int.from_bytes(self.device.ieee[:2], "little") % 600)

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self.device.clock.call_later(delay, self._due)

    def _due(self) -> None:
        self._timer = None
        if self.device.powered:
            self.send()
        self._schedule(self.interval)

    def created(self) -> None:
        self._schedule(self._first_delay())

    def joined(self) -> None:
        self._schedule(JOIN_HEARTBEAT_DELAY_S)

    def booted(self) -> None:
        self._schedule(self._first_delay())

    def stop_timers(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


# What the heartbeats of the models carry (index by index, see their layouts)


def relay(ep: int) -> Callable[[TwinDevice], object]:
    """Indexes 100/101: a relay's state."""
    from .relays import Relays  # noqa: PLC0415  # kept apart from the heartbeat itself

    return lambda device: device.behaviour(Relays).relays[ep]


def chip_temperature(device: TwinDevice) -> object:
    """Index 3: the chip temperature in whole °C."""
    from .temperature import ChipTemperature  # noqa: PLC0415

    return round(device.behaviour(ChipTemperature).celsius)


def power_on_count(device: TwinDevice) -> object:
    """Index 5: boots since pairing (power_outage_count + 1)."""
    from .power import PowerOutageCounter  # noqa: PLC0415

    return device.behaviour(PowerOutageCounter).power_on_count


def setting(name: str) -> Callable[[TwinDevice], object]:
    """A 0xFCC0 setting's raw value (WS-USC0x: index 4 is mode_switch)."""
    from .settings import LumiSetting  # noqa: PLC0415

    def value(device: TwinDevice) -> object:
        return next(
            b.raw for b in device.behaviours if isinstance(b, LumiSetting) and b.name == name
        )

    return value
