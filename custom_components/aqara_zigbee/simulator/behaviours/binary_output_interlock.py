"""Interlock of the first dual relay module: BinaryOutput 0xFF06 on endpoint 1.

While set, a relay switched on switches the other off. The unit answers reads of the
attribute (sprut/Hub#157) and reports nothing about it.
"""

from __future__ import annotations

from typing import Any, Final

from ..clusters import BINARY_OUTPUT
from ..properties import Property, as_bool, flip
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour
from .relays import Relays

ATTR_INTERLOCK: Final = 0xFF06


class BinaryOutputInterlock(Behaviour):
    """Zigbee2MQTT's ``interlock`` of LLKZMK11LM."""

    def __init__(self, *, default: bool = False) -> None:
        self.default = default
        self.enabled = default

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == BINARY_OUTPUT and ep == 1:
            return {ATTR_INTERLOCK: lumi_attr(DataType.BOOL, lambda: self.enabled, self._write)}
        return {}

    def _write(self, value: object) -> Status:
        self.enabled = bool(value)
        self.device.state_changed()
        return Status.SUCCESS

    def after_relay_change(self, ep: int) -> None:
        relays = self.device.find(Relays)
        if not self.enabled or relays is None or not relays.relays[ep]:
            return
        for other, on in relays.relays.items():
            if other != ep and on:
                relays.set(other, False)

    def properties(self) -> list[Property]:
        def change(value: object, _report: bool) -> None:
            # set from the Aqara app: the unit tells nobody
            self._write(as_bool(value))

        return [
            Property(
                "interlock",
                read=lambda: self.enabled,
                change=change,
                pick=flip,
                writable=True,
                reported=False,
            )
        ]

    def factory_reset(self) -> None:
        self.enabled = self.default

    def export_state(self, state: dict[str, Any]) -> None:
        state["interlock"] = self.enabled

    def import_state(self, state: dict[str, Any]) -> None:
        self.enabled = bool(state.get("interlock", self.enabled))
