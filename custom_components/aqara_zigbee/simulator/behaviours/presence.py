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
                momentary=True,  # a command: the device tells nothing back
                reported=False,
            ),
            Property(
                "restart_device",
                read=lambda: "Restart Device" if self.restarts else None,
                change=lambda _value, _report: command(self._restart, 0),
                pick=lambda _current: "Restart Device",
                writable=True,
                momentary=True,  # a command: the device tells nothing back
                reported=False,
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
                momentary=True,  # a command: the device tells nothing back
                reported=False,
            ),
        ]


def fp1_presence(device: Any) -> object:
    """Heartbeat index 101 of the FP1: presence."""
    return int(device.behaviour(Fp1Radar).present)


TRACK_DISTANCE: Final = 0x0198
ZONE_RANGE: Final = 0x019A
ZONE_M: Final = 0.25


class Fp310Radar(Behaviour):
    """The FP310: presence (0x0142), the target's distance (0x015F, cm, measured when the
    hub asks: 0x0198 = 1), the watched 25 cm zones (0x019A: two header bytes and a 24-bit
    mask), spatial learning and restart commands."""

    def __init__(self) -> None:
        self.present = False
        self.distance_cm = 0
        self.zones = 24
        self.trackings = 0
        self.learnings = 0
        self.restarts = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        return {
            PRESENCE: lumi_attr(DataType.UINT8, lambda: int(self.present)),
            TARGET_DISTANCE: lumi_attr(DataType.UINT32, lambda: self.distance_cm),
            ZONE_RANGE: lumi_attr(DataType.OCTET_STRING, self._zone_bytes, self._set_zones),
            TRACK_DISTANCE: lumi_attr(DataType.UINT8, lambda: 0, self._track),
            SPATIAL_LEARNING: lumi_attr(DataType.UINT8, lambda: 0, self._learn),
            RESTART: lumi_attr(DataType.BOOL, lambda: False, self._restart),
        }

    def _zone_bytes(self) -> bytes:
        mask = (1 << self.zones) - 1
        return bytes((0x00, 0x03, mask & 0xFF, mask >> 8 & 0xFF, mask >> 16 & 0xFF))

    def _set_zones(self, value: object) -> Status:
        if not isinstance(value, bytes | bytearray) or len(value) < 5:
            return Status.INVALID_VALUE
        mask = value[2] | value[3] << 8 | value[4] << 16
        self.zones = mask.bit_length()
        self.device.state_changed()
        return Status.SUCCESS

    def _track(self, value: object) -> Status:
        self.trackings += 1
        return Status.SUCCESS

    def _learn(self, value: object) -> Status:
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

        def set_distance(value: object, report: bool) -> None:
            self.distance_cm = round(as_number(value) * 100)
            self._report(TARGET_DISTANCE, report)

        def set_range(value: object, report: bool) -> None:
            self.zones = round(max(0.0, min(6.0, as_number(value))) / ZONE_M)
            self._report(ZONE_RANGE, report)

        def command(name: str, option: str, counter: str) -> Property:
            def change(_value: object, _report: bool) -> None:
                setattr(self, counter, getattr(self, counter) + 1)

            return Property(
                name,
                read=lambda: option if getattr(self, counter) else None,
                change=change,
                pick=lambda _current: option,
                writable=True,
                momentary=True,  # a command: the device tells nothing back
                reported=False,
            )

        return [
            Property(
                "presence",
                read=lambda: self.present,
                change=set_presence,
                pick=lambda current: not current,
            ),
            Property(
                "target_distance",
                read=lambda: self.distance_cm / 100,
                change=set_distance,
                pick=lambda current: round(as_number(current) + 0.37, 2) % 6,
            ),
            Property(
                "detection_range",
                read=lambda: self.zones * ZONE_M,
                change=set_range,
                pick=lambda current: (round(as_number(current) / ZONE_M) + 3) % 25 * ZONE_M,
                writable=True,
            ),
            command("track_target_distance", "start_tracking_distance", "trackings"),
            command("spatial_learning", "Start Learning", "learnings"),
            command("restart_device", "Restart Device", "restarts"),
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state["zones"] = self.zones

    def import_state(self, state: dict[str, Any]) -> None:
        self.zones = int(state.get("zones", self.zones))


class ScaledSetting(Behaviour):
    """A numeric 0xFCC0 setting whose page value is ``raw / scale`` (ms as s, 1/100 °C)."""

    def __init__(
        self,
        name: str,
        attribute: int,
        type_id: int,
        *,
        scale: float,
        minimum: float,
        maximum: float,
        step: float,
        default: float,
    ) -> None:
        self.name = name
        self.attribute = attribute
        self.type_id = type_id
        self.scale = scale
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.raw = round(default * scale)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep == 1 and cluster == LUMI_CLUSTER:
            return {self.attribute: lumi_attr(self.type_id, lambda: self.raw, self.write)}
        return {}

    def write(self, value: object) -> Status:
        raw = as_int(value)
        if not self.minimum <= raw / self.scale <= self.maximum:
            return Status.INVALID_VALUE
        self.raw = raw
        self.device.state_changed()
        return Status.SUCCESS

    @property
    def value(self) -> float:
        shown = self.raw / self.scale
        return int(shown) if shown.is_integer() else shown

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            if self.write(round(as_number(value) * self.scale)) is not Status.SUCCESS:
                raise PropertyError(f"{self.name}: {value!r} out of range")
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, self.attribute)

        def pick(current: object) -> object:
            nxt = as_number(current) + self.step
            return nxt if nxt <= self.maximum else self.minimum

        return [
            Property(self.name, read=lambda: self.value, change=change, pick=pick, writable=True)
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state[self.name] = self.raw

    def import_state(self, state: dict[str, Any]) -> None:
        self.raw = int(state.get(self.name, self.raw))


PIR_DETECTION: Final = 0x014D
ZONE_MASK_MAX: Final = (1 << 24) - 1
#: the FP300's mask: 24 zones of 25 cm
ZONE_COUNT: Final = 24


class Fp300Radar(Fp310Radar):
    """The FP300: the FP310's radar, a PIR beside it (0x014D), and the watched zones kept
    as any 24-bit mask (Zigbee2MQTT shows and writes the mask itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.mask = ZONE_MASK_MAX
        self.pir = False

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            table[PIR_DETECTION] = lumi_attr(DataType.UINT8, lambda: int(self.pir))
        return table

    def _zone_bytes(self) -> bytes:
        return b"\x00\x03" + self.mask.to_bytes(3, "little")

    def _set_zones(self, value: object) -> Status:
        if not isinstance(value, bytes | bytearray) or len(value) < 5:
            return Status.INVALID_VALUE
        self.mask = value[2] | value[3] << 8 | value[4] << 16
        self.device.state_changed()
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        def set_pir(value: object, report: bool) -> None:
            self.pir = as_bool(value)
            self._report(PIR_DETECTION, report)

        def set_mask(value: object, report: bool) -> None:
            self.mask = max(0, min(ZONE_MASK_MAX, int(as_number(value))))
            self._report(ZONE_RANGE, report)

        others = [p for p in super().properties() if p.name != "detection_range"]
        return [
            *others,
            Property(
                "pir_detection",
                read=lambda: self.pir,
                change=set_pir,
                pick=lambda current: not current,
            ),
            Property(
                "detection_range",
                read=lambda: self.mask,
                change=set_mask,
                pick=lambda current: int(as_number(current)) ^ 0x00F00F,
                writable=True,
            ),
            *(self._zone_property(zone) for zone in range(ZONE_COUNT)),
        ]

    def _zone_property(self, zone: int) -> Property:
        """``detection_range_<zone>``: one bit of the mask (Zigbee2MQTT's composite)."""

        def change(value: object, report: bool) -> None:
            bit = 1 << zone
            self.mask = self.mask | bit if as_bool(value) else self.mask & ~bit
            self._report(ZONE_RANGE, report)

        return Property(
            f"detection_range_{zone}",
            read=lambda: bool(self.mask >> zone & 1),
            change=change,
            pick=lambda current: not current,
            writable=True,
        )

    def export_state(self, state: dict[str, Any]) -> None:
        state["mask"] = self.mask

    def import_state(self, state: dict[str, Any]) -> None:
        self.mask = int(state.get("mask", self.mask))
