"""The T2 module's work mode (FCC0 0x0289) and impulse length (FCC0 0x00EB).

In pulse mode a relay switched on closes its dry contact for the impulse length, then
opens again by itself (and reports it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..clock import SimTimer
from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .relays import Relays
from .settings import LumiSetting

LUMI_WORK_MODE: Final = 0x0289
LUMI_PULSE_LENGTH: Final = 0x00EB
WORK_MODES: Final[Mapping[str, int]] = {"power": 0, "pulse": 1, "dry": 3}
PULSE_LENGTH_RANGE_MS: Final = (200, 2000)


class RelayWorkMode(LumiSetting):
    """The work mode setting; in pulse mode, relays open again after the impulse."""

    def __init__(self, *, default_pulse_ms: int = 200) -> None:
        super().__init__("mode", LUMI_WORK_MODE, DataType.UINT8, WORK_MODES, default=0)
        self.default_pulse_ms = default_pulse_ms
        self.pulse_ms = default_pulse_ms
        self._pulses: dict[int, SimTimer] = {}

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if cluster == LUMI_CLUSTER and ep == self.endpoint:
            table[LUMI_PULSE_LENGTH] = lumi_attr(
                DataType.UINT16, lambda: self.pulse_ms, self._write_pulse
            )
        return table

    def _write_pulse(self, value: object) -> Status:
        low, high = PULSE_LENGTH_RANGE_MS
        number = as_int(value)
        if not low <= number <= high:
            return Status.INVALID_VALUE
        self.pulse_ms = number
        self.device.state_changed()
        return Status.SUCCESS

    def after_relay_change(self, ep: int) -> None:
        relays = self.device.behaviour(Relays)
        if self.raw != WORK_MODES["pulse"] or not relays.relays[ep]:
            return
        if ep in self._pulses:
            self._pulses[ep].cancel()
        self._pulses[ep] = self.device.clock.call_later(
            self.pulse_ms / 1000, lambda: self._release(ep)
        )

    def _release(self, ep: int) -> None:
        self._pulses.pop(ep, None)
        relays = self.device.behaviour(Relays)
        if relays.relays[ep]:
            relays.set(ep, False)

    def stop_timers(self) -> None:
        for timer in self._pulses.values():
            timer.cancel()
        self._pulses.clear()

    def properties(self) -> list[Property]:
        def change_pulse(value: object, report: bool) -> None:
            if self._write_pulse(round(as_number(value))) != Status.SUCCESS:
                raise PropertyError(f"pulse_length={value!r} is out of range")
            if report:
                self.device.report_attribute(self.endpoint, LUMI_CLUSTER, LUMI_PULSE_LENGTH)

        return [
            *super().properties(),
            Property(
                "pulse_length",
                read=lambda: self.pulse_ms,
                change=change_pulse,
                pick=lambda current: 500 if current != 500 else 1000,
                writable=True,
            ),
        ]

    def factory_reset(self) -> None:
        super().factory_reset()
        self.pulse_ms = self.default_pulse_ms

    def export_state(self, state: dict[str, Any]) -> None:
        super().export_state(state)
        state["pulse_length_ms"] = self.pulse_ms

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self.pulse_ms = int(state.get("pulse_length_ms", self.pulse_ms))
