"""FP1 regions: up to ten regions of its 4 x 7 detection grid, written with 0xFCC0 0x0150.

Zigbee2MQTT's converters (lumi_presence_region_upsert / _delete) write one 7-byte octet
string (type 0x41, manufacturer 0x115F): [command, region id, four bytes of cells, suffix].
Create is command 1 with suffix 0xFF, delete command 3 with suffix 0x00 and no cells. The
cells are one bit per column x (1-4, bit x-1) per row y (1-7): rows 1 and 2 share byte 2
(row 2 in the high nibble), 3 and 4 byte 3, 5 and 6 byte 4, row 7 the low nibble of byte 5.
Nothing tells the regions back: ``configured_regions`` is what the device confirmed, in
Zigbee2MQTT's own summary text ("1: y1=x1-2; y3=x4 (3 zones) | 2: ..."; "None").

Zigbee2MQTT writes them as composite exposes, which no Home Assistant entity takes: the
integration actions ``fp1_set_region`` and ``fp1_delete_region`` write them here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import re
from typing import Final

from ..devices.model import (
    Access,
    Expose,
    Feature,
    FrameContext,
    FrameWrite,
    Platform,
)
from ..lumi.const import LUMI_CLUSTER, LUMI_MANUFACTURER_CODE, ZCL_OCTET_STRING

ATTR_REGION_CONFIG: Final = 0x0150
CREATE: Final = 1  # creates the region, or replaces it ("modify", 2, breaks regions)
DELETE: Final = 3
CREATE_SUFFIX: Final = 0xFF
DELETE_SUFFIX: Final = 0x00
REGION_IDS: Final = range(1, 11)
COLUMNS: Final = range(1, 5)  # x: 1 is the nearest cell on the sensor's right
ROWS: Final = range(1, 8)  # y: 1 is nearest to the sensor

CONFIGURED_REGIONS: Final = "configured_regions"
REGION_UPSERT: Final = "region_upsert"
REGION_DELETE: Final = "region_delete"
#: the integration actions that write them (services.yaml)
ACTION_SET_REGION: Final = "fp1_set_region"
ACTION_DELETE_REGION: Final = "fp1_delete_region"

Cell = tuple[int, int]  # (x, y)


@dataclass(frozen=True, slots=True)
class Region:
    """A region as written: its id and its grid cells (x, y), each once."""

    region_id: int
    cells: tuple[Cell, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.region_id, bool) or self.region_id not in REGION_IDS:
            raise ValueError(f"region {self.region_id!r} is not 1-10")
        for x, y in self.cells:
            if isinstance(x, bool) or isinstance(y, bool) or x not in COLUMNS or y not in ROWS:
                raise ValueError(f"cell x={x!r}, y={y!r} is not on the 4 x 7 grid")


def cell_bytes(cells: Iterable[Cell]) -> bytes:
    """The four bytes of cells: a bit per column, a nibble per row (row 1 low)."""
    packed = bytearray(4)
    for x, y in cells:
        packed[(y - 1) // 2] |= (1 << (x - 1)) << (4 * ((y - 1) % 2))
    return bytes(packed)


def region_frame(command: int, region: Region) -> bytes:
    cells = cell_bytes(region.cells) if command == CREATE else bytes(4)
    suffix = CREATE_SUFFIX if command == CREATE else DELETE_SUFFIX
    return bytes((command, region.region_id)) + cells + bytes((suffix,))


# --------------------------------------------------------------------------- the summary


def _ranges(columns: list[int]) -> str:
    """``x1-2,x4`` for columns 1, 2 and 4."""
    runs: list[list[int]] = []
    for x in columns:
        if runs and x == runs[-1][-1] + 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    return ",".join(f"x{run[0]}" if len(run) == 1 else f"x{run[0]}-{run[-1]}" for run in runs)


def summarize(regions: Mapping[int, tuple[Cell, ...]]) -> str:
    """Zigbee2MQTT's ``configured_regions`` text for these regions ("None" for none)."""
    if not regions:
        return "None"
    parts = []
    for region_id in sorted(regions):
        cells = regions[region_id]
        rows = sorted({y for _, y in cells})
        text = "; ".join(
            f"y{y}={_ranges(sorted({x for x, row in cells if row == y}))}" for y in rows
        )
        parts.append(f"{region_id}: {text} ({len(cells)} zones)")
    return " | ".join(parts)


_REGION_TEXT: Final = re.compile(r"^(\d+): (.*?)(?: \(\d+ zones\))?$")
_ROW_TEXT: Final = re.compile(r"^y(\d+)=(.+)$")
_RANGE_TEXT: Final = re.compile(r"^x(\d+)(?:-(\d+))?$")


def parse_summary(text: object) -> dict[int, tuple[Cell, ...]]:
    """The regions of a ``configured_regions`` text (what cannot be read is left out)."""
    regions: dict[int, tuple[Cell, ...]] = {}
    if not isinstance(text, str) or text in ("", "None"):
        return regions
    for part in text.split(" | "):
        match = _REGION_TEXT.match(part)
        if match is None:
            continue
        cells: list[Cell] = []
        for row in match[2].split("; "):
            row_match = _ROW_TEXT.match(row)
            if row_match is None:
                continue
            y = int(row_match[1])
            for run in row_match[2].split(","):
                run_match = _RANGE_TEXT.match(run)
                if run_match is None:
                    continue
                first = int(run_match[1])
                last = first if run_match[2] is None else int(run_match[2])
                cells.extend((x, y) for x in range(first, last + 1))
        regions[int(match[1])] = tuple(cells)
    return regions


# --------------------------------------------------------------------------- writes


def _region(value: object, *, with_cells: bool) -> Region:
    if not isinstance(value, Region):
        raise TypeError(f"expected a region, got {value!r}")
    if with_cells and not value.cells:
        raise ValueError("a region needs at least one cell")
    return value


@dataclass(frozen=True, slots=True)
class RegionUpsert:
    """Creates (or replaces) a region; confirms the summary with it."""

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        return (region_frame(CREATE, _region(value, with_cells=True)),)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        region = _region(value, with_cells=True)
        regions = parse_summary(context.values.get(CONFIGURED_REGIONS))
        # Zigbee2MQTT keeps a region's cells row by row, nearest first
        regions[region.region_id] = tuple(sorted(region.cells, key=lambda cell: (cell[1], cell[0])))
        return {CONFIGURED_REGIONS: summarize(regions)}


@dataclass(frozen=True, slots=True)
class RegionDelete:
    """Deletes a region; confirms the summary without it."""

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        return (region_frame(DELETE, _region(value, with_cells=False)),)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        region = _region(value, with_cells=False)
        regions = parse_summary(context.values.get(CONFIGURED_REGIONS))
        regions.pop(region.region_id, None)
        return {CONFIGURED_REGIONS: summarize(regions)}


def _write(codec: RegionUpsert | RegionDelete) -> FrameWrite:
    return FrameWrite(
        endpoint=1,
        cluster=LUMI_CLUSTER,
        attribute=ATTR_REGION_CONFIG,
        zcl_type=ZCL_OCTET_STRING,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )


def fp1_regions() -> Feature:
    """The FP1's regions: written by two actions, shown as the summary they confirmed."""
    return Feature(
        exposes=(
            Expose(
                key=CONFIGURED_REGIONS,
                platform=Platform.SENSOR,
                access=Access.REPORT,
                kind="text",
                description="Region definitions written through the fp1_set_region and "
                "fp1_delete_region actions, as the device confirmed them. May not include "
                "regions configured by another gateway.",
                # The device never tells its regions: the state is the confirmed writes
                assumed=True,
            ),
            Expose(
                key=REGION_UPSERT,
                platform=Platform.SENSOR,
                access=Access.WRITE,
                kind="composite",
                description="Definition of a new region to be added (or replace existing one).",
                member_of=CONFIGURED_REGIONS,
                action=ACTION_SET_REGION,
                write=_write(RegionUpsert()),
            ),
            Expose(
                key=REGION_DELETE,
                platform=Platform.SENSOR,
                access=Access.WRITE,
                kind="composite",
                description="Region definition to be deleted from the device.",
                member_of=CONFIGURED_REGIONS,
                action=ACTION_DELETE_REGION,
                write=_write(RegionDelete()),
            ),
        )
    )
