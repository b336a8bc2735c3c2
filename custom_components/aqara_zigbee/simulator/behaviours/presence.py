"""A mmWave radar presence sensor (FP1E): presence, movement, the target's distance.

The firmware reports on 0xFCC0 whenever something changes: 0x0142 presence (uint8),
0x0160 movement (0-4: unknown_0, unknown_1, no_presence, movement, no_movement), 0x015F
the target's distance (cm, uint32); 0x015B the detection range (cm) is a setting. The hub
commands spatial learning (0x0157 = 1) and a restart (0x00E8 = 0). Unlike a PIR, the radar
reports when the room empties.
"""

from __future__ import annotations

from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_bool, as_number, other_option
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour

PRESENCE: Final = 0x0142
MOVEMENT: Final = 0x0160
TARGET_DISTANCE: Final = 0x015F
DETECTION_RANGE: Final = 0x015B
SPATIAL_LEARNING: Final = 0x0157
RESTART: Final = 0x00E8
MOVEMENTS: Final = ("unknown_0", "unknown_1", "no_presence", "movement", "no_movement")
#: the range the radar covers (cm), in its 30 cm steps
MAX_RANGE_CM: Final = 600
RANGE_STEP_CM: Final = 30


class Radar(Behaviour):
    """Zigbee2MQTT's presence, movement, target_distance, detection_range and commands."""

    def __init__(self) -> None:
        self.present = False
        self.movement = 2  # no_presence
        self.distance_cm = 0
        self.range_cm = MAX_RANGE_CM
        self.learnings = 0
        self.restarts = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        return {
            PRESENCE: lumi_attr(DataType.UINT8, lambda: int(self.present)),
            MOVEMENT: lumi_attr(DataType.UINT8, lambda: self.movement),
            TARGET_DISTANCE: lumi_attr(DataType.UINT32, lambda: self.distance_cm),
            DETECTION_RANGE: lumi_attr(DataType.UINT32, lambda: self.range_cm, self._set_range),
            SPATIAL_LEARNING: lumi_attr(DataType.UINT8, lambda: 0, self._learn),
            RESTART: lumi_attr(DataType.BOOL, lambda: False, self._restart),
        }

    def _set_range(self, value: object) -> Status:
        cm = as_int(value)
        if not 0 <= cm <= MAX_RANGE_CM:
            return Status.INVALID_VALUE
        self.range_cm = cm
        self.device.state_changed()
        return Status.SUCCESS

    def _learn(self, value: object) -> Status:
        if as_int(value) != 1:
            return Status.INVALID_VALUE
        self.learnings += 1
        return Status.SUCCESS

    def _restart(self, value: object) -> Status:
        self.restarts += 1
        return Status.SUCCESS

    def _report(self, attribute: int, report: bool) -> None:
        self.device.state_changed()
        if report:
            self.device.report_attribute(1, LUMI_CLUSTER, attribute)

    def properties(self) -> list[Property]:
        def set_presence(value: object, report: bool) -> None:
            self.present = as_bool(value)
            self._report(PRESENCE, report)

        def set_movement(value: object, report: bool) -> None:
            if value not in MOVEMENTS:
                raise PropertyError(f"{value!r} is not one of {MOVEMENTS}")
            self.movement = MOVEMENTS.index(str(value))
            self._report(MOVEMENT, report)

        def set_distance(value: object, report: bool) -> None:
            self.distance_cm = round(as_number(value) * 100)
            self._report(TARGET_DISTANCE, report)

        def set_range(value: object, report: bool) -> None:
            if self._set_range(round(as_number(value) * 100)) is not Status.SUCCESS:
                raise PropertyError(f"range {value!r} out of 0-6 m")
            self._report(DETECTION_RANGE, report)

        def command(write: Any, raw: object) -> None:
            if write(raw) is not Status.SUCCESS:
                raise PropertyError("command refused")

        return [
            Property(
                "presence",
                read=lambda: self.present,
                change=set_presence,
                pick=lambda current: not current,
            ),
            Property(
                "movement",
                read=lambda: MOVEMENTS[self.movement],
                change=set_movement,
                pick=other_option(MOVEMENTS),
            ),
            Property(
                "target_distance",
                read=lambda: self.distance_cm / 100,
                change=set_distance,
                pick=lambda current: round(as_number(current) + 0.37, 2) % 6,
            ),
            Property(
                "detection_range",
                read=lambda: self.range_cm / 100,
                change=set_range,
                pick=lambda current: (
                    ((round(as_number(current) * 100) + RANGE_STEP_CM) % 630) / 100
                ),
                writable=True,
            ),
            Property(
                "spatial_learning",
                read=lambda: "Start Learning" if self.learnings else None,
                change=lambda _value, _report: command(self._learn, 1),
                pick=lambda _current: "Start Learning",
                writable=True,
            ),
            Property(
                "restart_device",
                read=lambda: "Restart Device" if self.restarts else None,
                change=lambda _value, _report: command(self._restart, 0),
                pick=lambda _current: "Restart Device",
                writable=True,
            ),
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state["detection_range_cm"] = self.range_cm

    def import_state(self, state: dict[str, Any]) -> None:
        self.range_cm = int(state.get("detection_range_cm", self.range_cm))


PRESENCE_EVENT: Final = 0x0143
RESET_NO_PRESENCE: Final = 0x0157
PRESENCE_EVENTS: Final = (
    "enter",
    "leave",
    "left_enter",
    "right_leave",
    "right_enter",
    "left_leave",
    "approach",
    "away",
)


class Fp1Radar(Behaviour):
    """The FP1: presence (0x0142), how people came or went (0x0143), the hub's reset of
    the no-presence status (0x0157 = 1)."""

    def __init__(self) -> None:
        self.present = False
        self.event = 1  # leave
        self.resets = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        return {
            PRESENCE: lumi_attr(DataType.UINT8, lambda: int(self.present)),
            PRESENCE_EVENT: lumi_attr(DataType.UINT8, lambda: self.event),
            RESET_NO_PRESENCE: lumi_attr(DataType.UINT8, lambda: 0, self._reset),
        }

    def _reset(self, value: object) -> Status:
        if as_int(value) != 1:
            return Status.INVALID_VALUE
        self.resets += 1
        return Status.SUCCESS

    def _report(self, attribute: int, report: bool) -> None:
        self.device.state_changed()
        if report:
            self.device.report_attribute(1, LUMI_CLUSTER, attribute)

    def properties(self) -> list[Property]:
        def set_presence(value: object, report: bool) -> None:
            self.present = as_bool(value)
            self._report(PRESENCE, report)

        def set_event(value: object, report: bool) -> None:
            if value not in PRESENCE_EVENTS:
                raise PropertyError(f"{value!r} is not one of {PRESENCE_EVENTS}")
            self.event = PRESENCE_EVENTS.index(str(value))
            self._report(PRESENCE_EVENT, report)

        def reset(_value: object, _report: bool) -> None:
            if self._reset(1) is not Status.SUCCESS:
                raise PropertyError("reset refused")

        return [
            Property(
                "presence",
                read=lambda: self.present,
                change=set_presence,
                pick=lambda current: not current,
            ),
            Property(
                "presence_event",
                read=lambda: PRESENCE_EVENTS[self.event],
                change=set_event,
                pick=other_option(PRESENCE_EVENTS),
            ),
            Property(
                "reset_nopresence_status",
                read=lambda: "reset" if self.resets else None,
                change=reset,
                pick=lambda _current: "reset",
                writable=True,
            ),
        ]


def fp1_presence(device: Any) -> object:
    """Heartbeat index 101 of the FP1: presence."""
    return int(device.behaviour(Fp1Radar).present)
