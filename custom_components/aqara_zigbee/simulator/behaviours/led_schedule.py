"""The FP300/FP310 night LED schedule: 0xFCC0 0x023E, one uint32 holding two times of day.

Bytes from the least significant: start hour, start minute, end hour, end minute (the
layout Zigbee2MQTT's ``lumiLedDisabledNightTime`` reads and writes). The page shows each end
as ``HH:MM`` (``schedule_start_time``, ``schedule_end_time``). Inferred: the firmware
refuses a value whose hour or minute is out of range, and reports the attribute when the
schedule changes at the unit (the Aqara app); a new unit holds 0 (00:00 to 00:00).
"""

from __future__ import annotations

from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour

SCHEDULE: Final = 0x023E
START: Final = "schedule_start_time"
END: Final = "schedule_end_time"
#: how far a test moves an end (minutes): any change of both hour and minute
_PICK_STEP: Final = 95


def _minutes(text: object) -> int:
    """Minutes after midnight of an ``HH:MM`` page value."""
    if not isinstance(text, str) or text.count(":") != 1:
        raise PropertyError(f"{text!r} is not HH:MM")
    hour, minute = (int(part) for part in text.split(":"))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise PropertyError(f"{text!r} is out of range")
    return hour * 60 + minute


def _text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class NightLedSchedule(Behaviour):
    """The two ends of the LED's dark hours, as the unit stores them."""

    def __init__(self, endpoint: int = 1) -> None:
        self.endpoint = endpoint
        self.raw = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == self.endpoint:
            return {SCHEDULE: lumi_attr(DataType.UINT32, lambda: self.raw, self.write)}
        return {}

    def write(self, value: object) -> Status:
        raw = as_int(value)
        if not 0 <= raw <= 0xFFFFFFFF:
            return Status.INVALID_VALUE
        start_hour, start_minute, end_hour, end_minute = raw.to_bytes(4, "little")
        if start_hour > 23 or end_hour > 23 or start_minute > 59 or end_minute > 59:
            return Status.INVALID_VALUE
        self.raw = raw
        self.device.state_changed()
        return Status.SUCCESS

    def _end(self, which: int) -> int:
        """Minutes of the start (0) or end (1)."""
        data = self.raw.to_bytes(4, "little")
        return data[2 * which] * 60 + data[2 * which + 1]

    def _set_end(self, which: int, minutes: int) -> None:
        data = bytearray(self.raw.to_bytes(4, "little"))
        data[2 * which], data[2 * which + 1] = divmod(minutes, 60)
        self.raw = int.from_bytes(data, "little")
        self.device.state_changed()

    def properties(self) -> list[Property]:
        def prop(name: str, which: int) -> Property:
            def change(value: object, report: bool) -> None:
                self._set_end(which, _minutes(value))
                if report:
                    self.device.report_attribute(self.endpoint, LUMI_CLUSTER, SCHEDULE)

            return Property(
                name,
                read=lambda: _text(self._end(which)),
                change=change,
                pick=lambda current: _text((_minutes(current) + _PICK_STEP) % (24 * 60)),
                writable=True,
            )

        return [prop(START, 0), prop(END, 1)]

    def factory_reset(self) -> None:
        self.raw = 0

    def export_state(self, state: dict[str, Any]) -> None:
        state["night_led_schedule"] = self.raw

    def import_state(self, state: dict[str, Any]) -> None:
        self.raw = int(state.get("night_led_schedule", self.raw))
