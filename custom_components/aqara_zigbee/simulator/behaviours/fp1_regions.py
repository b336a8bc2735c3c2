"""The FP1's region table: 0xFCC0 0x0150 takes 7-byte commands that create or delete one of
ten regions of its 4 x 7 detection grid.

Facts (Zigbee2MQTT's converters): [command, region 1-10, cells in four bytes, suffix];
create is 1 with suffix 0xFF, delete 3 with suffix 0x00 and no cells; a cell (x 1-4, y 1-7)
is bit x-1 of the nibble of row y, rows paired low/high in bytes 2-5. Inferred: the firmware
refuses any other command (modify, 2, is known to break regions) or a region out of range,
keeps its table across power cuts, and tells nothing about it (no report, no read back).

The Zigbee2MQTT properties: ``region_upsert`` / ``region_delete`` (the last command taken, as
Zigbee2MQTT's composite payload) and ``configured_regions`` (Zigbee2MQTT's summary text of
the table).
"""

from __future__ import annotations

import re
from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour

REGION_CONFIG: Final = 0x0150
_CREATE: Final = (1, 0xFF)  # (command, suffix)
_DELETE: Final = (3, 0x00)
_FRAME_LENGTH: Final = 7

Cells = frozenset[tuple[int, int]]  # (x, y)


def _cells_of(packed: bytes) -> Cells:
    cells: set[tuple[int, int]] = set()
    for y in range(1, 8):
        nibble = (packed[(y - 1) // 2] >> (4 * ((y - 1) % 2))) & 0x0F
        cells.update((x, y) for x in range(1, 5) if nibble & (1 << (x - 1)))
    return frozenset(cells)


def _runs(columns: list[int]) -> str:
    text: list[str] = []
    start = previous = columns[0]
    for x in [*columns[1:], None]:
        if x is not None and x == previous + 1:
            previous = x
            continue
        text.append(f"x{start}" if start == previous else f"x{start}-{previous}")
        if x is not None:
            start = previous = x
    return ",".join(text)


def summary(table: dict[int, Cells]) -> str:
    """Zigbee2MQTT's ``configured_regions`` text of a region table."""
    if not table:
        return "None"
    regions = []
    for region in sorted(table):
        cells = table[region]
        rows = [
            f"y{y}={_runs(sorted(x for x, row in cells if row == y))}"
            for y in sorted({y for _, y in cells})
        ]
        regions.append(f"{region}: {'; '.join(rows)} ({len(cells)} zones)")
    return " | ".join(regions)


def table_of(text: str) -> dict[int, Cells]:
    """The region table a ``configured_regions`` text describes."""
    table: dict[int, Cells] = {}
    if text == "None":
        return table
    for part in text.split(" | "):
        match = re.fullmatch(r"(\d+): (.+) \(\d+ zones\)", part)
        if match is None:
            raise PropertyError(f"configured_regions: {part!r} is no region")
        cells: set[tuple[int, int]] = set()
        for row in match[2].split("; "):
            y, _, runs = row.removeprefix("y").partition("=x")
            for run in runs.split(",x"):
                first, _, last = run.partition("-")
                cells.update((x, int(y)) for x in range(int(first), int(last or first) + 1))
        table[int(match[1])] = frozenset(cells)
    return table


def _payload(region: int, cells: Cells) -> dict[str, Any]:
    zones = [{"x": x, "y": y} for x, y in sorted(cells, key=lambda cell: (cell[1], cell[0]))]
    return {"region_id": region, "zones": zones}


class Fp1Regions(Behaviour):
    """Up to ten regions, each a set of grid cells, written by the hub."""

    def __init__(self) -> None:
        self.table: dict[int, Cells] = {}
        self.frames: list[bytes] = []  # every command taken, as written
        self.last_upsert: dict[str, Any] | None = None
        self.last_delete: dict[str, Any] | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        last = lambda: self.frames[-1] if self.frames else b""  # noqa: E731
        return {REGION_CONFIG: lumi_attr(DataType.OCTET_STRING, last, self._command)}

    def _command(self, value: object) -> Status:
        if not isinstance(value, bytes | bytearray) or len(value) != _FRAME_LENGTH:
            return Status.INVALID_VALUE
        frame = bytes(value)
        command, region, suffix = frame[0], frame[1], frame[6]
        if not 1 <= region <= 10:
            return Status.INVALID_VALUE
        if (command, suffix) == _CREATE:
            cells = _cells_of(frame[2:6])
            if not cells or frame[5] & 0xF0:  # no cell, or a row 8 the grid lacks
                return Status.INVALID_VALUE
            self.table[region] = cells
            self.last_upsert = _payload(region, cells)
        elif (command, suffix) == _DELETE and frame[2:6] == bytes(4):
            self.table.pop(region, None)
            self.last_delete = {"region_id": region}
        else:
            return Status.INVALID_VALUE
        self.frames.append(frame)
        self.device.state_changed()
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        def upsert(value: object, report: bool) -> None:
            # Another gateway (or the Aqara app) configures the region: nothing is sent
            if not isinstance(value, dict) or not isinstance(value.get("zones"), list):
                raise PropertyError(f"region_upsert: {value!r} is no region")
            cells = frozenset((zone["x"], zone["y"]) for zone in value["zones"])
            self.table[int(value["region_id"])] = cells
            self.last_upsert = _payload(int(value["region_id"]), cells)

        def delete(value: object, report: bool) -> None:
            if not isinstance(value, dict):
                raise PropertyError(f"region_delete: {value!r} is no region")
            self.table.pop(int(value["region_id"]), None)
            self.last_delete = {"region_id": int(value["region_id"])}

        def configure(value: object, report: bool) -> None:
            # Another gateway (or the Aqara app) rewrites the table: nothing is sent
            self.table = table_of(str(value))

        def other_table(_current: object) -> object:
            return summary({}) if self.table else summary({1: frozenset({(1, 1), (2, 1)})})

        def next_region(_current: object) -> object:
            region = next((r for r in range(1, 11) if r not in self.table), 1)
            row = (region - 1) % 7 + 1
            zones = [{"x": 1, "y": row}, {"x": 2, "y": row}, {"x": 4, "y": row % 7 + 1}]
            return {"region_id": region, "zones": zones}

        return [
            Property(
                "region_upsert",
                read=lambda: self.last_upsert,
                change=upsert,
                pick=next_region,
                writable=True,
                reported=False,
                momentary=True,  # a command: the device tells nothing back
            ),
            Property(
                "region_delete",
                read=lambda: self.last_delete,
                change=delete,
                pick=lambda _current: {"region_id": min(self.table, default=1)},
                writable=True,
                reported=False,
                momentary=True,
            ),
            Property(
                "configured_regions",
                read=lambda: summary(self.table),
                change=configure,
                pick=other_table,
                # what the hub wrote, held by the device: the hub shows its confirmed writes
                writable=True,
                reported=False,
            ),
        ]

    def factory_reset(self) -> None:
        self.table.clear()

    def export_state(self, state: dict[str, Any]) -> None:
        state["fp1_regions"] = {
            str(region): sorted([x, y] for x, y in cells) for region, cells in self.table.items()
        }

    def import_state(self, state: dict[str, Any]) -> None:
        if "fp1_regions" in state:
            self.table = {
                int(region): frozenset((int(x), int(y)) for x, y in cells)
                for region, cells in state["fp1_regions"].items()
            }
