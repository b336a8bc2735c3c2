"""A reed contact reported as genOnOff onOff (1: open), as old Xiaomi door sensors do.

Zigbee2MQTT's ``contact`` is true when the magnet is near (closed). Newer Aqara sensors
send the IAS zone alarm instead: see :mod:`.ias_zone`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ..properties import Property, as_bool, flip
from ..zcl import AttributeValue, DataType
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

if TYPE_CHECKING:
    from ..device import TwinDevice

ON_OFF: Final = 0x0006


class OnOffContact(Behaviour):
    """genOnOff onOff of endpoint 1 follows the door (1: open)."""

    def __init__(self) -> None:
        self.open = False

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == ON_OFF and ep == 1:
            return {0x0000: Attribute(DataType.BOOL, lambda: self.open)}
        return {}

    def set_open(self, is_open: bool, *, report: bool = True) -> None:
        self.open = is_open
        self.device.state_changed()
        if report:
            self.device.send_report(1, ON_OFF, [AttributeValue(0x0000, DataType.BOOL, is_open)])

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            self.set_open(not as_bool(value), report=report)

        return [Property("contact", read=lambda: not self.open, change=change, pick=flip)]

    def export_state(self, state: dict[str, Any]) -> None:
        state["door_open"] = self.open

    def import_state(self, state: dict[str, Any]) -> None:
        self.open = bool(state.get("door_open", self.open))


def door_open(device: TwinDevice) -> object:
    """Heartbeat index 100 of old door sensors: the onOff state (1: open)."""
    return int(device.behaviour(OnOffContact).open)
