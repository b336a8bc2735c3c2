"""The emulated CC2652 NV store: device tables, frame counters, persistence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import json
import logging
import pathlib
from typing import Any

import pytest
from zigpy_znp.types.nvids import ExNvIds, OsalNvIds

from custom_components.aqara_zigbee.simulator.nvram import (
    ADDRMGR,
    EMPTY_ADDRMGR_ROW,
    LEGACY,
    NWK_SEC_MATERIAL_TABLE,
    TABLE_ROWS,
    TCLK_TABLE,
    NvRam,
    StateWriter,
)

HARDWARE_IEEE = bytes.fromhex("01020304054b1200")
EXT_PAN_ID = bytes.fromhex("dddddddddddddddd")


def _ieee(index: int) -> bytes:
    return index.to_bytes(2, "little") + b"\x01\x01\x01\x15\x8d\x00"


def _keyed(nvram: NvRam) -> list[bytes]:
    return [row[8:16] for row in nvram.table(TCLK_TABLE) if row[8:16] != bytes(8)]


def test_delete_reports_whether_the_item_existed() -> None:
    nvram = NvRam(HARDWARE_IEEE)
    assert nvram.delete(LEGACY, OsalNvIds.STARTUP_OPTION)
    assert not nvram.delete(LEGACY, OsalNvIds.STARTUP_OPTION)


def test_a_rejoin_reuses_the_devices_rows() -> None:
    nvram = NvRam(HARDWARE_IEEE)
    assert nvram.record_join(_ieee(1), 0x1001, child=True)
    assert nvram.record_join(_ieee(1), 0x2002, child=False)  # new address after a rejoin
    assert nvram.joined_devices() == {_ieee(1): 0x2002}
    assert _keyed(nvram) == [_ieee(1)]


def test_full_tables(caplog: pytest.LogCaptureFixture) -> None:
    nvram = NvRam(HARDWARE_IEEE)
    keys, addresses = TABLE_ROWS[TCLK_TABLE], TABLE_ROWS[ADDRMGR]
    for index in range(keys):
        assert nvram.record_join(_ieee(index), 0x1000 + index, child=False)
    assert not caplog.records

    # Past the TC link key table's capacity devices still join, without a stored key.
    with caplog.at_level(logging.WARNING):
        assert nvram.record_join(_ieee(keys), 0x1000 + keys, child=False)
    assert "TC link key table full" in caplog.text
    assert _ieee(keys) in nvram.joined_devices()
    assert len(_keyed(nvram)) == keys

    for index in range(keys + 1, addresses):
        assert nvram.record_join(_ieee(index), 0x1000 + index, child=False)
    # The address manager is full: nobody else gets in.
    assert not nvram.record_join(_ieee(addresses), 0x1000 + addresses, child=False)
    assert len(nvram.joined_devices()) == addresses
    # A device that is already known still rejoins.
    assert nvram.record_join(_ieee(5), 0x3005, child=False)
    assert nvram.joined_devices()[_ieee(5)] == 0x3005


def test_frame_counter_rows() -> None:
    nvram = NvRam(HARDWARE_IEEE)
    assert nvram.frame_counter_row(EXT_PAN_ID) is None
    assert nvram.frame_counter_row(bytes(8)) is None  # a free row is nobody's counter
    row = nvram.frame_counter_row(EXT_PAN_ID, create=True)
    assert row == 0
    assert nvram.frame_counter_row(EXT_PAN_ID) == row
    assert nvram.set_frame_counter(row, 0xFFFFFFFF)
    assert nvram.increment_frame_counter(row)
    assert nvram.get(NWK_SEC_MATERIAL_TABLE, row) == bytes(4) + EXT_PAN_ID  # wraps around
    assert not nvram.increment_frame_counter(TABLE_ROWS[NWK_SEC_MATERIAL_TABLE])


def test_boot_recreates_deleted_table_rows() -> None:
    nvram = NvRam(HARDWARE_IEEE)
    nvram.delete(ADDRMGR, 3)
    assert len(nvram.table(ADDRMGR)) == 3  # zigpy-znp stops reading at the gap
    nvram.dirty = False
    nvram.restore_missing_defaults()
    assert nvram.dirty
    assert len(nvram.table(ADDRMGR)) == TABLE_ROWS[ADDRMGR]
    assert nvram.get(ADDRMGR, 3) == EMPTY_ADDRMGR_ROW


def test_item_names_round_trip() -> None:
    nvram = NvRam(HARDWARE_IEEE)
    nvram.set(LEGACY, 0x0EFF, b"\x01")  # no name in zigpy-znp
    nvram.set(0x00FE, 3, b"\x02")
    data = nvram.to_json()
    assert data["LEGACY"]["0x0EFF"] == "01"
    assert data["0x00FE"] == {"0x0003": "02"}

    # zigpy-znp backups also name table rows as an offset from a named start.
    data["LEGACY"]["LEGACY_TCLK_TABLE_START+2"] = "0a0b"
    copy = NvRam(HARDWARE_IEEE)
    copy.load_json(data)
    assert copy.get(LEGACY, 0x0EFF) == b"\x01"
    assert copy.get(0x00FE, 3) == b"\x02"
    assert copy.get(LEGACY, OsalNvIds.LEGACY_TCLK_TABLE_START + 2) == b"\x0a\x0b"
    assert copy.get(ExNvIds.TCLK_TABLE, 0) == nvram.get(TCLK_TABLE, 0)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("{", id="not JSON"),
        pytest.param("[]", id="not an object"),
        pytest.param('{"LEGACY": 5}', id="section not an object"),
        pytest.param('{"NOT_AN_ITEM": {}}', id="unknown section"),
        pytest.param('{"LEGACY": {"NOT_AN_ID": "00"}}', id="unknown item"),
        pytest.param('{"LEGACY": {"NIB": "zz"}}', id="not hex"),
        pytest.param('{"LEGACY": {"NIB": 5}}', id="not a string"),
    ],
)
def test_unreadable_state_file_gives_a_factory_image(
    tmp_path: pathlib.Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    path = tmp_path / "nvram.json"
    path.write_text(text)
    nvram = NvRam(HARDWARE_IEEE)
    nvram.set_osal(OsalNvIds.BDBNODEISONANETWORK, b"\x01")
    assert not nvram.load(path)
    assert "Ignoring unreadable NVRAM state" in caplog.text
    assert nvram.osal(OsalNvIds.BDBNODEISONANETWORK) == b"\x00"
    assert nvram.osal(OsalNvIds.EXTADDR) == HARDWARE_IEEE


def test_missing_state_file_keeps_the_store(tmp_path: pathlib.Path) -> None:
    nvram = NvRam(HARDWARE_IEEE)
    nvram.set_osal(OsalNvIds.BDBNODEISONANETWORK, b"\x01")
    assert not nvram.load(tmp_path / "nvram.json")
    assert nvram.osal(OsalNvIds.BDBNODEISONANETWORK) == b"\x01"


def test_writer_without_event_loop_writes_at_once(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "nvram.json"
    writer = StateWriter(path)
    writer.submit('{"LEGACY": {}}')
    assert json.loads(path.read_text()) == {"LEGACY": {}}
    assert not path.with_suffix(".tmp").exists()


class _OutOfOrderExecutor:
    """Stands in for the loop's executor: runs its jobs last-in first-out when told to."""

    def __init__(self) -> None:
        self.jobs: list[tuple[asyncio.Future[Any], Callable[..., Any], tuple[Any, ...]]] = []

    def run_in_executor(self, _executor: Any, fn: Callable[..., Any], *args: Any) -> Any:
        future = asyncio.get_running_loop().create_future()
        self.jobs.append((future, fn, args))
        return future

    def run_reversed(self) -> None:
        for future, fn, args in reversed(self.jobs):
            future.set_result(fn(*args))


async def test_writer_keeps_the_newest_snapshot(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = _OutOfOrderExecutor()
    monkeypatch.setattr(asyncio.get_running_loop(), "run_in_executor", executor.run_in_executor)
    path = tmp_path / "nvram.json"
    writer = StateWriter(path)
    writer.submit("old")
    writer.submit("new")
    executor.run_reversed()  # the newer write finishes first
    await writer.drain()
    assert path.read_text() == "new"


async def test_writer_survives_a_failing_disk(
    tmp_path: pathlib.Path, caplog: pytest.LogCaptureFixture
) -> None:
    writer = StateWriter(tmp_path / "gone" / "nvram.json")
    writer.submit("{}")
    await writer.drain()
    assert "Could not persist the emulator NVRAM" in caplog.text
    # It tries again with the next snapshot.
    (tmp_path / "gone").mkdir()
    writer.submit("{}")
    await writer.drain()
    assert (tmp_path / "gone" / "nvram.json").read_text() == "{}"
