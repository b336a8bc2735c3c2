"""Groups (0x0004), Scenes (0x0005, attributes only) and Identify (0x0003)."""

from __future__ import annotations

from collections.abc import Mapping
import struct
from typing import Any

from ..clock import SimTimer
from ..clusters import GROUPS, IDENTIFY, SCENES
from ..properties import Property, PropertyError
from ..zcl import DataType, FrameType, Status, ZclHeader, encode_value
from ..zcl_server import Attribute, AttrTable, Reply, as_int
from .base import NOT_MINE, Behaviour, CommandResult


class Groups(Behaviour):
    """Group membership per endpoint; ``default`` is what a new unit is in (plugs: 0)."""

    def __init__(self, default: Mapping[int, frozenset[int]] | None = None) -> None:
        self.default = dict(default or {})
        self.groups: dict[int, set[int]] = {ep: set(ids) for ep, ids in self.default.items()}

    def endpoints_of(self, group: int) -> list[int]:
        return [ep for ep, ids in self.groups.items() if group in ids]

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == GROUPS:
            return {0x0000: Attribute(DataType.MAP8, lambda: 0x80)}
        if cluster == SCENES:
            return {
                0x0000: Attribute(DataType.UINT8, lambda: 0),
                0x0001: Attribute(DataType.UINT8, lambda: 0),
                0x0002: Attribute(DataType.UINT16, lambda: 0),
                0x0003: Attribute(DataType.BOOL, lambda: False),
                0x0004: Attribute(DataType.MAP8, lambda: 0x80),
            }
        return {}

    def cluster_command(  # one answer per command
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if cluster != GROUPS:
            return NOT_MINE
        members = self.groups.setdefault(ep, set())
        command = header.command
        if command in (0x00, 0x05):  # Add Group / Add Group If Identifying
            (group,) = struct.unpack_from("<H", payload)
            if command == 0x05:
                identify = self.device.find(Identify)
                if identify is not None and identify.identify_time > 0:
                    members.add(group)
                    self.device.state_changed()
                return Status.SUCCESS
            status = Status.DUPLICATE_EXISTS if group in members else Status.SUCCESS
            members.add(group)
            self.device.state_changed()
            reply(header.reply(0x00, FrameType.CLUSTER), struct.pack("<BH", status, group))
            return None
        if command == 0x01:  # View Group
            (group,) = struct.unpack_from("<H", payload)
            status = Status.SUCCESS if group in members else Status.NOT_FOUND
            reply(
                header.reply(0x01, FrameType.CLUSTER),
                struct.pack("<BH", status, group) + encode_value(DataType.CHAR_STRING, ""),
            )
            return None
        if command == 0x02:  # Get Group Membership
            count = payload[0]
            asked = [group for (group,) in struct.iter_unpack("<H", payload[1 : 1 + 2 * count])]
            found = sorted(members) if not asked else [g for g in asked if g in members]
            reply(
                header.reply(0x02, FrameType.CLUSTER),
                bytes([0xFE, len(found)]) + b"".join(struct.pack("<H", g) for g in found),
            )
            return None
        if command == 0x03:  # Remove Group
            (group,) = struct.unpack_from("<H", payload)
            status = Status.SUCCESS if group in members else Status.NOT_FOUND
            members.discard(group)
            self.device.state_changed()
            reply(header.reply(0x03, FrameType.CLUSTER), struct.pack("<BH", status, group))
            return None
        if command == 0x04:  # Remove All Groups
            members.clear()
            self.device.state_changed()
            return Status.SUCCESS
        return Status.UNSUP_CLUSTER_COMMAND

    def factory_reset(self) -> None:
        self.groups = {ep: set(ids) for ep, ids in self.default.items()}

    def export_state(self, state: dict[str, Any]) -> None:
        state["groups"] = {str(ep): sorted(ids) for ep, ids in self.groups.items()}

    def import_state(self, state: dict[str, Any]) -> None:
        if "groups" in state:
            self.groups = {int(ep): set(ids) for ep, ids in dict(state["groups"]).items()}


class Identify(Behaviour):
    """Identify time (attribute and commands); the unit blinks, nothing goes on the air."""

    def __init__(self, *, exposed: bool = False) -> None:
        self.identify_time = 0
        #: seconds the unit was last told to identify for (0: never)
        self.last_request = 0
        self._timer: SimTimer | None = None
        #: the model's page shows ``identify`` (its value while flashing: "identify")
        self.exposed = exposed

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == IDENTIFY:
            return {0x0000: Attribute(DataType.UINT16, lambda: self.identify_time, self._write)}
        return {}

    def _write(self, value: object) -> Status:
        self.start(as_int(value))
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def change(value: object, _report: bool) -> None:
            if value != "identify":
                raise PropertyError(f"identify takes 'identify', not {value!r}")
            self.start(3)

        return [
            Property(
                "identify",
                read=lambda: "identify" if self.identify_time > 0 else None,
                change=change,
                pick=lambda _current: "identify",
                writable=True,
                reported=False,
                command=True,
            )
        ]

    def start(self, seconds: int) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.identify_time = seconds
        if seconds > 0:
            self.last_request = seconds

            def done() -> None:
                self.identify_time = 0
                self._timer = None

            self._timer = self.device.clock.call_later(seconds, done)

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if cluster != IDENTIFY:
            return NOT_MINE
        if header.command == 0x00:  # Identify(time)
            (seconds,) = struct.unpack_from("<H", payload)
            self.start(seconds)
            return Status.SUCCESS
        if header.command == 0x01:  # Identify Query
            if self.identify_time > 0:
                reply(header.reply(0x00, FrameType.CLUSTER), struct.pack("<H", self.identify_time))
                return None
            return Status.SUCCESS
        if header.command == 0x40:  # Trigger Effect
            return Status.SUCCESS
        return Status.UNSUP_CLUSTER_COMMAND
