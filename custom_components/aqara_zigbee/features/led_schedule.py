"""The night LED's schedule: when the presence sensors FP300/FP310 keep their LED dark.

Zigbee2MQTT's ``lumiLedDisabledNightTime``: 0xFCC0 0x023E, a uint32 holding both ends of
the schedule, one byte each, start hour in the lowest byte (``0xMMHHmmhh``: end minute, end
hour, start minute, start hour). Its two text exposes (``schedule_start_time``,
``schedule_end_time``, "HH:MM") are Home Assistant time entities here. Each writes the whole
uint32: its own new end and the other end as last confirmed (Zigbee2MQTT takes the other
end from its state too, and "00:00" when it has none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re
from typing import Final

from ..devices.model import (
    RW,
    Expose,
    Feature,
    FrameContext,
    FrameWrite,
    Platform,
)
from ..lumi.const import LUMI_CLUSTER, LUMI_MANUFACTURER_CODE
from ._lumi import lumi_attribute

ATTR_NIGHT_LED_SCHEDULE: Final = 0x023E
ZCL_UINT32: Final = 0x23
START_KEY: Final = "schedule_start_time"
END_KEY: Final = "schedule_end_time"
#: what Zigbee2MQTT writes for an end it has no state of
UNKNOWN_END: Final = "00:00"
_TIME: Final = re.compile(r"^\s*(\d{1,2}):(\d{1,2})\s*$")


def parse_time(value: object) -> tuple[int, int]:
    """(hour, minute) of an ``HH:MM`` text; ValueError for anything else (Zigbee2MQTT's
    ``parseTime``: one or two digits each, hours 0-23, minutes 0-59)."""
    match = _TIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"{value!r} is not a time in HH:MM format")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"{value!r} is out of bounds (hours 0-23, minutes 0-59)")
    return hour, minute


def format_time(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


def encode_schedule(start: str, end: str) -> int:
    """The uint32 of a schedule: start hour, start minute, end hour, end minute (LSB first)."""
    start_hour, start_minute = parse_time(start)
    end_hour, end_minute = parse_time(end)
    return start_hour | start_minute << 8 | end_hour << 16 | end_minute << 24


def decode_schedule(raw: object) -> tuple[str, str] | None:
    """(start, end) ``HH:MM`` of the uint32, None when it holds no valid times."""
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 0xFFFFFFFF:
        return None
    start_hour, start_minute, end_hour, end_minute = raw.to_bytes(4, "little")
    if start_hour > 23 or start_minute > 59 or end_hour > 23 or end_minute > 59:
        return None  # Zigbee2MQTT shows "--:--": here the entity stays unknown
    return format_time(start_hour, start_minute), format_time(end_hour, end_minute)


@dataclass(frozen=True, slots=True)
class ScheduleEnd:
    """One end (``end`` False: the start) of the schedule uint32, as ``HH:MM``."""

    end: bool

    def decode(self, raw: object) -> object | None:
        schedule = decode_schedule(raw)
        return None if schedule is None else schedule[self.end]

    def encode(self, value: object) -> object:
        raise ValueError("one end is written with the other (ScheduleWrite)")


@dataclass(frozen=True, slots=True)
class ScheduleWrite:
    """The uint32 for one end's new value and the other end's last confirmed value."""

    end: bool

    @property
    def key(self) -> str:
        return END_KEY if self.end else START_KEY

    @property
    def other_key(self) -> str:
        return START_KEY if self.end else END_KEY

    def _ends(self, value: object, context: FrameContext) -> tuple[str, str]:
        own = format_time(*parse_time(value))
        other = context.values.get(self.other_key)
        other = format_time(*parse_time(other)) if isinstance(other, str) else UNKNOWN_END
        return (other, own) if self.end else (own, other)

    def frames(self, value: object, context: FrameContext) -> tuple[object, ...]:
        return (encode_schedule(*self._ends(value, context)),)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        start, end = self._ends(value, context)
        # The device holds both ends now: an end unknown before is the one written with it
        return {START_KEY: start, END_KEY: end}


def _end(key: str, *, end: bool) -> Expose:
    which = "end" if end else "start"
    return Expose(
        key=key,
        platform=Platform.TIME,
        access=RW,
        description=f"LED disable schedule {which} time (HH:MM format)",
        entity_category="config",
        kind="text",
        sources=(lumi_attribute(ATTR_NIGHT_LED_SCHEDULE, ScheduleEnd(end)),),
        write=FrameWrite(
            endpoint=1,
            cluster=LUMI_CLUSTER,
            attribute=ATTR_NIGHT_LED_SCHEDULE,
            zcl_type=ZCL_UINT32,
            codec=ScheduleWrite(end),
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
    )


def led_disabled_night_time() -> Feature:
    """FP300/FP310: the start and end of the night LED's dark hours."""
    return Feature(exposes=(_end(START_KEY, end=False), _end(END_KEY, end=True)))


__all__ = [
    "ATTR_NIGHT_LED_SCHEDULE",
    "ScheduleEnd",
    "ScheduleWrite",
    "decode_schedule",
    "encode_schedule",
    "led_disabled_night_time",
    "parse_time",
]
