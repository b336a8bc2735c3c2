"""Old plugs' settings written as single genBasic 0xFFF0 frames (lumi.plug.aq1, maus01).

Each setting has an "on" and an "off" frame (``aa 80 05 d1 47 <seq> <setting> 10 <v>``,
as Zigbee2MQTT writes them); the firmware takes a known frame, refuses any other, reports
nothing and answers reads of 0xFFF0 empty. Power-outage memory acts at power restore.
"""

from __future__ import annotations

from collections.abc import Mapping
import functools
from typing import Any

from ..clusters import BASIC, BASIC_LUMI_WRITE
from ..properties import Property, as_bool, flip
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour
from .relays import Relays

POWER_OUTAGE_MEMORY = "power_outage_memory"


class BasicFrameSettings(Behaviour):
    """``settings``: Zigbee2MQTT name → (on frame, off frame, factory value)."""

    def __init__(self, settings: Mapping[str, tuple[bytes, bytes, bool]]) -> None:
        self.frames = {name: (on, off) for name, (on, off, _) in settings.items()}
        self.defaults = {name: default for name, (_, _, default) in settings.items()}
        self.values = dict(self.defaults)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == BASIC and ep == 1:
            return {BASIC_LUMI_WRITE: lumi_attr(DataType.OCTET_STRING, lambda: b"", self._write)}
        return {}

    def _write(self, value: object) -> Status:
        data = bytes(value) if isinstance(value, bytes | bytearray) else b""
        for name, (on, off) in self.frames.items():
            if data in (on, off):
                self.values[name] = data == on
                self.device.state_changed()
                return Status.SUCCESS
        return Status.INVALID_VALUE

    def power_restored(self) -> None:
        relays = self.device.find(Relays)
        if relays is not None and self.values.get(POWER_OUTAGE_MEMORY) is False:
            for ep in relays.relays:
                relays.relays[ep] = False

    def properties(self) -> list[Property]:
        return [
            Property(
                name,
                read=functools.partial(self.values.__getitem__, name),
                change=functools.partial(self._change, name),
                pick=flip,
                writable=True,
                reported=False,  # the firmware tells nobody (no report, no heartbeat entry)
            )
            for name in self.frames
        ]

    def _change(self, name: str, value: object, _report: bool) -> None:
        self.values[name] = as_bool(value)
        self.device.state_changed()

    def factory_reset(self) -> None:
        self.values = dict(self.defaults)

    def export_state(self, state: dict[str, Any]) -> None:
        state["basic_frame_settings"] = dict(self.values)

    def import_state(self, state: dict[str, Any]) -> None:
        for name, value in dict(state.get("basic_frame_settings", {})).items():
            if name in self.values:
                self.values[name] = bool(value)
