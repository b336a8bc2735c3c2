"""Prevent leave: the H2 EU switches ask the hub to keep them (0xFCC0 0x00FC).

After joining and after each boot, the unit reports 0x00FC false until the hub writes it
true (Zigbee2MQTT answers so, its ``lumiPreventLeave``: unanswered, the unit is said to
leave the network; the twin records the answer and stays).
"""

from __future__ import annotations

from typing import Any

from ..clock import SimTimer
from ..clusters import LUMI_CLUSTER
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour

ATTR_PREVENT_LEAVE = 0x00FC
#: the question follows the join/boot by a few seconds (inferred: after the announce)
ASK_DELAY_S = 2.0


class PreventLeave(Behaviour):
    """0x00FC: false until the hub answered (true), reported while it is false."""

    def __init__(self) -> None:
        self.kept = False
        self.asked = 0
        self._timer: SimTimer | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {ATTR_PREVENT_LEAVE: lumi_attr(DataType.BOOL, lambda: self.kept, self._write)}
        return {}

    def _write(self, value: object) -> Status:
        self.kept = bool(value)
        self.device.state_changed()
        return Status.SUCCESS

    def joined(self) -> None:
        self.kept = False  # a new network: the question again
        self._schedule()

    def booted(self) -> None:
        if not self.kept:
            self._schedule()

    def _schedule(self) -> None:
        self.stop_timers()
        self._timer = self.device.clock.call_later(ASK_DELAY_S, self._ask)

    def stop_timers(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _ask(self) -> None:
        self._timer = None
        if self.kept:
            return
        self.asked += 1
        self.device.send_report(
            1,
            LUMI_CLUSTER,
            [AttributeValue(ATTR_PREVENT_LEAVE, DataType.BOOL, False)],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )

    def export_state(self, state: dict[str, Any]) -> None:
        state["prevent_leave_kept"] = self.kept

    def import_state(self, state: dict[str, Any]) -> None:
        self.kept = bool(state.get("prevent_leave_kept", self.kept))
