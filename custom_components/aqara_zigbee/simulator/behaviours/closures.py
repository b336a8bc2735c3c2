"""Window Covering server: a motor that travels to lift/tilt percentages on the simulated clock.

ZCL percentages: 0 is fully open, 100 fully closed. Zigbee2MQTT's ``position`` is the
other way round (100 open), as its cover converters present it.
"""

from __future__ import annotations

import struct

from ..clusters import WINDOW_COVERING
from ..properties import Property, PropertyError, as_number
from ..zcl import DataType, Status, ZclHeader
from ..zcl_server import Reply
from .base import NOT_MINE, CommandResult
from .standard import ClusterServer, Spec

LIFT_PERCENTAGE = 0x0008
TILT_PERCENTAGE = 0x0009
#: WindowCoveringType values whose covering tilts, and that lift (ZCL 7.4.2.1.1)
TILTING_TYPES = frozenset({6, 7, 8})
LIFTING_TYPES = frozenset({0, 1, 2, 3, 4, 5, 6, 8, 9})


class WindowCovering(ClusterServer):
    """Up/open, down/close, stop, go to lift percentage, go to tilt percentage.

    ``lift_travel_s``/``tilt_travel_s``: how long a full travel takes.
    """

    cluster = WINDOW_COVERING

    def __init__(
        self,
        endpoint: int = 1,
        *,
        covering_type: int = 0,
        lift_travel_s: float = 20.0,
        tilt_travel_s: float = 2.0,
    ) -> None:
        specs = {
            0x0000: Spec(DataType.ENUM8, covering_type),
            0x0007: Spec(DataType.MAP8, 0x03),  # ConfigStatus: operational, online
            0x0017: Spec(DataType.MAP8, 0, writable=True),  # Mode
        }
        self.lifts = covering_type in LIFTING_TYPES
        self.tilts = covering_type in TILTING_TYPES
        if self.lifts:
            specs[LIFT_PERCENTAGE] = Spec(DataType.UINT8, 0, report=(1, 3600, 1))
            specs[0x0010] = Spec(DataType.UINT16, 0)  # InstalledOpenLimitLift
            specs[0x0011] = Spec(DataType.UINT16, 0xFFFF)  # InstalledClosedLimitLift
        if self.tilts:
            specs[TILT_PERCENTAGE] = Spec(DataType.UINT8, 0, report=(1, 3600, 1))
            specs[0x0012] = Spec(DataType.UINT16, 0)  # InstalledOpenLimitTilt
            specs[0x0013] = Spec(DataType.UINT16, 0xFFFF)  # InstalledClosedLimitTilt
        super().__init__(endpoint, specs)
        self.lift_travel_s = lift_travel_s
        self.tilt_travel_s = tilt_travel_s

    def _travel(self, attr: int, percent: int) -> None:
        travel = self.lift_travel_s if attr == LIFT_PERCENTAGE else self.tilt_travel_s
        distance = abs(percent - int(self.get(attr)))
        self.move(attr, percent, travel * distance / 100)

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != WINDOW_COVERING:
            return NOT_MINE
        command = header.command
        axis = LIFT_PERCENTAGE if self.lifts else TILT_PERCENTAGE
        if command == 0x00:  # Up / Open
            self._travel(axis, 0)
        elif command == 0x01:  # Down / Close
            self._travel(axis, 100)
        elif command == 0x02:  # Stop
            for attr in (LIFT_PERCENTAGE, TILT_PERCENTAGE):
                if attr in self.specs:
                    self.stop(attr)
        elif command in (0x05, 0x08):  # Go to lift / tilt percentage
            attr = LIFT_PERCENTAGE if command == 0x05 else TILT_PERCENTAGE
            if attr not in self.specs:
                return Status.UNSUP_CLUSTER_COMMAND
            (percent,) = struct.unpack_from("<B", payload)
            if percent > 100:
                return Status.INVALID_FIELD
            self._travel(attr, percent)
        else:
            return Status.UNSUP_CLUSTER_COMMAND
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        found: list[Property] = []
        for name, attr in (("position", LIFT_PERCENTAGE), ("tilt", TILT_PERCENTAGE)):
            if attr in self.specs:
                found.append(self._percent_property(name, attr))
        return found

    def _percent_property(self, name: str, attr: int) -> Property:
        def change(value: object, report: bool) -> None:
            # Moved by hand (or by its own remote): Zigbee2MQTT's 100 is open
            position = round(as_number(value))
            if not 0 <= position <= 100:
                raise PropertyError(f"{name} {position} out of 0..100")
            self.set(attr, 100 - position, report=report)

        return Property(
            name,
            read=lambda: 100 - int(self.get(attr)),
            change=change,
            pick=lambda current: 40 if current != 40 else 75,
        )
