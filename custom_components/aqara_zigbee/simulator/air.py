"""The contract between the emulated coordinator and the simulated devices.

The coordinator emulator (``zstack.py``) speaks TI's MT protocol to its host and routes
application frames over a simulated "air"; the simulated devices (``device.py``) answer
ZDO and ZCL requests and send their own reports. Neither side knows the other's internals:
they meet only through the types below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Protocol

COORDINATOR_NWK = 0x0000
BROADCAST_NWKS = frozenset({0xFFFC, 0xFFFD, 0xFFFF})
ZDO_PROFILE = 0x0000
HA_PROFILE = 0x0104


class AddressMode(IntEnum):
    """How ``ApsFrame.dst`` is to be read."""

    NWK = 2
    GROUP = 1
    BROADCAST = 15


@dataclass(frozen=True, slots=True)
class ApsFrame:
    """One application frame on the air (ZDO when ``profile`` and both endpoints are 0)."""

    src_nwk: int
    src_ep: int
    dst: int
    dst_ep: int
    cluster: int
    profile: int
    payload: bytes
    dst_mode: AddressMode = AddressMode.NWK
    lqi: int = 255
    rssi: int = -50


class DeliveryStatus(IntEnum):
    """Outcome of a unicast from the coordinator, as reported in AF.DataConfirm."""

    SUCCESS = 0x00
    MAC_NO_ACK = 0xE9
    MAC_TRANSACTION_EXPIRED = 0xF0
    NWK_NO_ROUTE = 0xCD


@dataclass(slots=True)
class NodeInfo:
    """What the coordinator needs to let a device join (addresses and capability)."""

    ieee: bytes  # 8 bytes, little-endian as on the air
    nwk: int
    rx_on_when_idle: bool
    is_router: bool
    parent_nwk: int = COORDINATOR_NWK
    extra: dict[str, object] = field(default_factory=dict)


class SimulatedDevice(Protocol):
    """A device on the simulated air, as seen by the coordinator."""

    @property
    def node(self) -> NodeInfo: ...

    def receive(self, frame: ApsFrame) -> None:
        """Handle a frame addressed to this device (unicast, its group, or broadcast).

        Must not block; answers go out through the ``Transmit`` callback given at creation.
        """


# A device hands its outgoing frames (ZDO answers, ZCL responses and reports, announces)
# to the air through this callback; the coordinator turns them into MT callbacks.
Transmit = Callable[[ApsFrame], None]


class IndirectQueue(Protocol):
    """A parent's queue of frames for a sleeping child, handed over when it polls."""

    def hold(self, frame: ApsFrame, done: Callable[[DeliveryStatus], None]) -> None:
        """Keep ``frame``; ``done`` gets SUCCESS when the child polled for it (then the
        caller delivers it), MAC_TRANSACTION_EXPIRED when it did not in time."""


def indirect_queue(device: SimulatedDevice) -> IndirectQueue | None:
    """The queue frames for ``device`` wait in, None when its receiver is always on."""
    queue: IndirectQueue | None = getattr(device, "indirect", None)
    return queue
