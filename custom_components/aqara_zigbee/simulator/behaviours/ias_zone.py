"""An IAS Zone (ssIasZone, 0x0500): zone status bits, sent as Status Change Notifications.

ZCL 8.2: zoneStatus bit 0 is the zone's alarm, bit 2 tamper, bit 3 low battery. The
sensor sends Zone Status Change Notification (client command 0x00: zone status, extended
status, zone id, delay) whenever a bit changes, and answers reads of zoneStatus (0x0002),
zoneState (0x0000, enrolled) and zoneType (0x0001).
"""

from __future__ import annotations

from dataclasses import dataclass
import struct
from typing import Any, Final

from ..properties import Property, as_bool, flip
from ..zcl import DataType, FrameType, ZclHeader
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

IAS_ZONE: Final = 0x0500
ALARM_1: Final = 0x0001
TAMPER: Final = 0x0004
BATTERY_LOW: Final = 0x0008
#: zoneType values of the sensors simulated here
CONTACT_SWITCH: Final = 0x0015
WATER_SENSOR: Final = 0x002A
FIRE_SENSOR: Final = 0x0028


@dataclass(frozen=True, slots=True)
class ZoneBit:
    """A Zigbee2MQTT property that is one zone status bit (``inverted``: true when clear)."""

    name: str
    mask: int
    inverted: bool = False


class IasZone(Behaviour):
    """The zone of endpoint ``endpoint``; ``bits`` are the page's properties on it."""

    def __init__(self, zone_type: int, bits: tuple[ZoneBit, ...], *, endpoint: int = 1) -> None:
        self.zone_type = zone_type
        self.bits = bits
        self.endpoint = endpoint
        self.status = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != IAS_ZONE or ep != self.endpoint:
            return {}
        return {
            0x0000: Attribute(DataType.ENUM8, lambda: 1),  # enrolled
            0x0001: Attribute(DataType.ENUM16, lambda: self.zone_type),
            0x0002: Attribute(DataType.MAP16, lambda: self.status),
        }

    def set_bit(self, mask: int, on: bool, *, notify: bool = True) -> None:
        """Set or clear a status bit; a change is notified (as the firmware does)."""
        status = self.status | mask if on else self.status & ~mask
        if status == self.status:
            return
        self.status = status
        self.device.state_changed()
        if notify:
            self.notify()

    def notify(self) -> None:
        """Send Zone Status Change Notification with the present status."""
        header = ZclHeader(
            command=0x00,
            tsn=self.device.next_tsn(),
            frame_type=FrameType.CLUSTER,
            server_to_client=True,
            disable_default_response=True,
        )
        payload = struct.pack("<HBBH", self.status, 0, 0xFF, 0)
        self.device.send_zcl(self.endpoint, IAS_ZONE, header.encode() + payload)

    def properties(self) -> list[Property]:
        found = []
        for bit in self.bits:

            def read(bit: ZoneBit = bit) -> object:
                return bool(self.status & bit.mask) != bit.inverted

            def change(value: object, report: bool, bit: ZoneBit = bit) -> None:
                self.set_bit(bit.mask, as_bool(value) != bit.inverted, notify=report)

            found.append(Property(bit.name, read=read, change=change, pick=flip))
        return found

    def export_state(self, state: dict[str, Any]) -> None:
        state["zone_status"] = self.status

    def import_state(self, state: dict[str, Any]) -> None:
        self.status = int(state.get("zone_status", self.status))
