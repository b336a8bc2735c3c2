"""The FP1's region writes, byte for byte against Zigbee2MQTT's converters.

Expected bytes are derived by hand from ``writeAqaraFp1RegionUpsert`` /
``writeAqaraFp1RegionDelete`` (zigbee-herdsman-converters 26.112.0, lib/lumi.js): a 7-byte
``Uint8Array`` [command, region, cells x4, suffix] written to manuSpecificLumi 0x0150 as an
octet string (type 0x41, so a length byte first) with manufacturer code 0x115F. A row y's
cells are ``sum(2 ** (x - 1))``, rows 1/3/5/7 in the low nibble of bytes 2-5, rows 2/4/6
shifted left by 4. The summary texts follow ``summarizeConfiguredPresenceRegions``.
"""

from __future__ import annotations

import pytest
import zigpy.device

from custom_components.aqara_zigbee.devices import get_definition
from custom_components.aqara_zigbee.devices.handle import DeviceHandle, WriteFailed
from custom_components.aqara_zigbee.devices.model import FrameContext
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.features.fp1_regions import (
    Region,
    RegionDelete,
    RegionUpsert,
    parse_summary,
    summarize,
)

from .fakes import FakeApp, build_device

FP1 = "lumi.motion.ac01"
FP1_ENDPOINTS = [(1, 0x0107, (0x0000, 0x0003, 0xFCC0), (0x0003, 0x0019))]


def _context(values: dict[str, object] | None = None) -> FrameContext:
    return FrameContext(ieee="54:ef:44:00:00:00:00:01", values=values or {}, numbers={}, now=0.0)


def test_an_upsert_is_zigbee2mqtt_s_frame() -> None:
    # zones {1,1} {2,1} {4,2} {3,3} {1,7}: byte 2 = (1 + 2) | 8 << 4 = 0x83,
    # byte 3 = 4 (row 3), byte 4 = 0 (rows 5, 6), byte 5 = 1 (row 7)
    region = Region(4, ((1, 1), (2, 1), (4, 2), (3, 3), (1, 7)))
    assert RegionUpsert().frames(region, _context()) == (
        bytes((0x01, 0x04, 0x83, 0x04, 0x00, 0x01, 0xFF)),
    )
    # Every cell: rows 1-6 fill bytes 2-4 (0xFF), row 7 the low nibble of byte 5
    full = Region(10, tuple((x, y) for y in range(1, 8) for x in range(1, 5)))
    assert RegionUpsert().frames(full, _context()) == (
        bytes((0x01, 0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0xFF)),
    )


def test_a_delete_is_zigbee2mqtt_s_frame() -> None:
    assert RegionDelete().frames(Region(7), _context()) == (bytes((0x03, 0x07, 0, 0, 0, 0, 0)),)


def test_the_summary_is_zigbee2mqtt_s_text() -> None:
    regions = {2: ((1, 1), (2, 1), (4, 1), (3, 3)), 1: ((2, 5),)}
    text = "1: y5=x2 (1 zones) | 2: y1=x1-2,x4; y3=x3 (4 zones)"
    assert summarize(regions) == text
    assert summarize({}) == "None"
    assert parse_summary(text) == {1: ((2, 5),), 2: ((1, 1), (2, 1), (4, 1), (3, 3))}
    assert parse_summary("None") == {}
    assert parse_summary(None) == {}


def test_writes_confirm_the_summary_from_the_last_confirmed_one() -> None:
    known = {"configured_regions": "1: y5=x2 (1 zones)"}
    upsert = Region(3, ((2, 2), (1, 1), (1, 2)))
    assert RegionUpsert().confirmed(upsert, _context(known)) == {
        "configured_regions": "1: y5=x2 (1 zones) | 3: y1=x1; y2=x1-2 (3 zones)"
    }
    # Replacing a region keeps the others
    replaced = RegionUpsert().confirmed(Region(1, ((4, 7),)), _context(known))
    assert replaced == {"configured_regions": "1: y7=x4 (1 zones)"}
    assert RegionDelete().confirmed(Region(1), _context(known)) == {"configured_regions": "None"}


@pytest.mark.parametrize(
    ("region_id", "cells"),
    [(0, ((1, 1),)), (11, ((1, 1),)), (1, ((5, 1),)), (1, ((1, 8),)), (1, ((0, 1),))],
)
def test_a_region_off_the_grid_is_refused(region_id: int, cells: tuple[tuple[int, int]]) -> None:
    with pytest.raises(ValueError, match="not"):
        Region(region_id, cells)


def test_an_upsert_without_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one cell"):
        RegionUpsert().frames(Region(1), _context())
    with pytest.raises(TypeError, match="expected a region"):
        RegionDelete().frames({"region_id": 1}, _context())


def _fp1(app: FakeApp) -> DeviceHandle:
    app.register_device_resolver(resolve_device)
    raw = build_device(app, FP1, FP1_ENDPOINTS)
    app.device_initialized(raw)
    device = app.get_device(ieee=raw.ieee)
    assert isinstance(device, zigpy.device.Device)
    handle = DeviceHandle(device, get_definition(FP1))
    handle.start()
    return handle


async def test_the_wire_frame_is_zigbee2mqtt_s_write(app: FakeApp) -> None:
    handle = _fp1(app)
    await handle.async_write("region_upsert", Region(1, ((1, 1), (2, 1))))
    (write,) = [frame for frame in app.radio.sent if frame.header.command_id == 0x02]
    assert write.packet.cluster_id == 0xFCC0
    assert write.packet.dst_ep == 1
    assert write.header.manufacturer == 0x115F
    # Zigbee2MQTT's entity.write: manufacturer specific, default response disabled
    assert write.header.frame_control.is_manufacturer_specific
    assert write.header.frame_control.disable_default_response
    # attribute 0x0150, octet string 0x41, length 7, the command
    assert write.payload == bytes.fromhex("5001 41 07 01 01 03 00 00 00 ff")
    assert handle.values["configured_regions"] == "1: y1=x1-2 (2 zones)"

    await handle.async_write("region_delete", Region(1))
    *_, delete = [frame for frame in app.radio.sent if frame.header.command_id == 0x02]
    assert delete.payload == bytes.fromhex("5001 41 07 03 01 00 00 00 00 00")
    assert handle.values["configured_regions"] == "None"
    handle.stop()


async def test_a_refused_write_confirms_nothing(app: FakeApp) -> None:
    handle = _fp1(app)
    handle.restore_assumed("configured_regions", "2: y3=x3 (1 zones)")
    app.radio.status = app.radio.status.INVALID_VALUE
    with pytest.raises(WriteFailed):
        await handle.async_write("region_upsert", Region(1, ((1, 1),)))
    assert handle.values["configured_regions"] == "2: y3=x3 (1 zones)"
    app.radio.status = app.radio.status.SUCCESS
    # The restored summary is what the next write builds on (nothing is read back)
    await handle.async_write("region_upsert", Region(1, ((1, 1),)))
    assert handle.values["configured_regions"] == "1: y1=x1 (1 zones) | 2: y3=x3 (1 zones)"
    handle.stop()
