"""The old Aqara vibration sensor: an accelerometer reporting on a borrowed DoorLock cluster.

Its firmware reports on cluster 0x0101 of endpoint 1: 0x0055 the event (1 vibration,
2 tilt, 3 drop), 0x0505 the strength (a uint32 whose middle two bytes, swapped, are the
value), 0x0508 the axes (three int16, little endian, in a uint48). It never reports that
vibration stopped. Its sensitivity (1 highest .. 21 lowest) is genBasic 0xFF0D, written
by the hub and never reported. Zigbee2MQTT derives each axis' angle with atan.
"""

from __future__ import annotations

import math
from typing import Any, Final

from ..clusters import BASIC
from ..properties import Property, PropertyError, as_number
from ..zcl import AttributeValue, DataType, Status
from ..zcl_server import Attribute, AttrTable, as_int, lumi_attr
from .base import Behaviour

DOOR_LOCK: Final = 0x0101
EVENT: Final = 0x0055
STRENGTH: Final = 0x0505
AXES: Final = 0x0508
SENSITIVITY: Final = 0xFF0D
EVENTS: Final = {"vibration": 1, "tilt": 2, "drop": 3}
_AXES = "xyz"


def _angle(own: int, a: int, b: int) -> int:
    across = math.sqrt(a * a + b * b)
    if across == 0:
        return 90 if own > 0 else -90
    return math.floor(math.degrees(math.atan(own / across)) + 0.5)


class Accelerometer(Behaviour):
    """Zigbee2MQTT's vibration, strength, x/y/z_axis, angle_x/y/z and sensitivity."""

    def __init__(self) -> None:
        self.axes = [12, -30, 1020]  # resting flat: gravity on z
        self.strength = 0
        self.sensitivity = 11  # Aqara's "medium"
        self._vibrating_since: float | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1:
            return {}
        if cluster == DOOR_LOCK:
            return {
                EVENT: Attribute(DataType.UINT16, lambda: 0),
                STRENGTH: Attribute(DataType.UINT32, self._strength_raw),
                AXES: Attribute(DataType.UINT48, self._axes_raw),
            }
        if cluster == BASIC:
            return {SENSITIVITY: lumi_attr(DataType.UINT8, lambda: self.sensitivity, self._write)}
        return {}

    def _write(self, value: object) -> Status:
        number = as_int(value)
        if not 1 <= number <= 21:
            return Status.INVALID_VALUE
        self.sensitivity = number
        self.device.state_changed()
        return Status.SUCCESS

    def _strength_raw(self) -> int:
        swapped = ((self.strength & 0xFF) << 8) | ((self.strength >> 8) & 0xFF)
        return swapped << 8

    def _axes_raw(self) -> int:
        data = b"".join(value.to_bytes(2, "little", signed=True) for value in self.axes)
        return int.from_bytes(data, "little")

    def angle(self, index: int) -> int:
        own = self.axes[index]
        others = [value for i, value in enumerate(self.axes) if i != index]
        return _angle(own, *others)

    def send_event(self, event: str) -> None:
        """The firmware's event report (vibration, tilt, drop)."""
        self.device.send_report(
            1, DOOR_LOCK, [AttributeValue(EVENT, DataType.UINT16, EVENTS[event])]
        )

    def _send(self, attribute: int) -> None:
        self.device.report_attribute(1, DOOR_LOCK, attribute)

    def properties(self) -> list[Property]:
        def vibrate(value: object, report: bool) -> None:
            if value is not True:
                return  # the end of a vibration is silence
            self._vibrating_since = self.device.clock.now
            if report:
                self.send_event("vibration")

        def set_strength(value: object, report: bool) -> None:
            self.strength = int(as_number(value)) & 0xFFFF
            if report:
                self._send(STRENGTH)

        props = [
            Property(
                "vibration",
                read=lambda: self._vibrating_since is not None,
                change=vibrate,
                pick=lambda _current: True,  # each shake is news
                momentary=True,
            ),
            Property(
                "strength",
                read=lambda: self.strength,
                change=set_strength,
                pick=lambda current: int(as_number(current)) + 7,
            ),
        ]
        for index, name in enumerate(_AXES):

            def set_axis(value: object, report: bool, index: int = index) -> None:
                self.axes[index] = max(-32768, min(32767, int(as_number(value))))
                if report:
                    self._send(AXES)

            def set_angle(value: object, report: bool, index: int = index) -> None:
                degrees = as_number(value)
                if not -90 < degrees < 90:
                    raise PropertyError(f"angle {degrees} out of (-90, 90)")
                others = [v for i, v in enumerate(self.axes) if i != index]
                across = math.sqrt(sum(v * v for v in others)) or 1000.0
                set_axis(round(math.tan(math.radians(degrees)) * across), report, index)

            props.append(
                Property(
                    f"{name}_axis",
                    read=lambda index=index: self.axes[index],  # type: ignore[misc]
                    change=set_axis,
                    pick=lambda current: int(as_number(current)) + 25,
                )
            )
            props.append(
                Property(
                    f"angle_{name}",
                    read=lambda index=index: self.angle(index),  # type: ignore[misc]
                    change=set_angle,
                    pick=lambda current: (int(as_number(current)) + 40) % 170 - 80,
                )
            )

        def set_sensitivity(value: object, report: bool) -> None:
            if self._write(as_number(value)) is not Status.SUCCESS:
                raise PropertyError(f"sensitivity {value!r} out of 1..21")

        props.append(
            Property(
                "sensitivity",
                read=lambda: self.sensitivity,
                change=set_sensitivity,
                pick=lambda current: int(as_number(current)) % 21 + 1,
                writable=True,
                reported=False,  # the firmware tells nobody
            )
        )
        return props

    def export_state(self, state: dict[str, Any]) -> None:
        state["axes"] = list(self.axes)
        state["sensitivity"] = self.sensitivity

    def import_state(self, state: dict[str, Any]) -> None:
        self.axes = [int(v) for v in state.get("axes", self.axes)]
        self.sensitivity = int(state.get("sensitivity", self.sensitivity))
