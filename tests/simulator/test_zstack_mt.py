"""The Z-Stack emulator's MT protocol, request by request, over an in-memory serial line.

Every expectation is the byte layout of TI's Z-Stack Monitor and Test API (SWRA198) and of
the MT sources of the CC2652 firmware, written out here by hand: no host library decides
what a frame should look like. This file: framing, SYS, NV, network start, UTIL and AF.
ZDO is in ``test_zstack_zdo.py``.
"""

from __future__ import annotations

import json
import logging
import pathlib
import struct

import pytest

from custom_components.aqara_zigbee.simulator.air import AddressMode, ApsFrame
from custom_components.aqara_zigbee.simulator.nvram import (
    ADDRMGR,
    LEGACY,
    NWK_SEC_MATERIAL_TABLE,
)
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator

from .mt_host import (
    AF,
    APP_CNF,
    SYS,
    UTIL,
    ZDO,
    Mt,
    MtHost,
    af_register,
    areq,
    node,
    raw_frame,
    srsp,
    start_network,
)

# OSAL NV ids (ZCD_NV_*).
STARTUP_OPTION = 0x0003
NIB_ID = 0x0021
APS_USE_EXT_PANID = 0x0047
BDBNODEISONANETWORK = 0x0055
HAS_CONFIGURED_ZSTACK3 = 0x0060  # not in a blank CC2652's NVRAM
PRECFGKEY = 0x0062
PANID = 0x0083
ZSTACK = 1  # NV system id of Z-Stack's own items
OTHER_SYSTEM = 7  # NVINTF_SYSID_APP: items of other systems are not Z-Stack's business
NEW_ITEM = 0x0F42
ROUTER = 0x2001

OK = b"\x00"
SYS_RESET_IND = areq(SYS, 0x80, bytes([0x00, 0x02, 0x01, 0x02, 0x07, 0x01]))


@pytest.fixture
def emu() -> ZStackEmulator:
    return ZStackEmulator(None)


@pytest.fixture
def host(emu: ZStackEmulator) -> MtHost:
    return MtHost(emu)


@pytest.fixture
def running(host: MtHost) -> MtHost:
    """A host on a formed, started network."""
    start_network(host)
    return host


def _nv_id(item: int, sub: int, system: int = ZSTACK) -> bytes:
    return struct.pack("<BHH", system, item, sub)


def _osal_write(host: MtHost, nvid: int, value: bytes) -> list[Mt]:
    """SYS_OSAL_NV_WRITE: id, offset (1 byte), length (1 byte), value."""
    return host.sreq(SYS, 0x09, struct.pack("<HBB", nvid, 0, len(value)) + value)


def _status(answers: list[Mt]) -> int:
    return answers[0].data[0]


# ----------------------------------------------------------------- transport / framing

PING = raw_frame(0x21, 0x01)
NV_READ = raw_frame(0x21, 0x08, struct.pack("<HB", STARTUP_OPTION, 0))
PING_ANSWER = srsp(SYS, 0x01, b"\x59\x06")  # SYS AF ZDO UTIL GP APP_CNF


@pytest.mark.parametrize(
    ("chunks", "answers"),
    [
        pytest.param([PING[:3], PING[3:]], [PING_ANSWER], id="header split"),
        pytest.param([NV_READ[:6], NV_READ[6:]], [srsp(SYS, 0x08, b"\x00\x01\x00")], id="body"),
        pytest.param([b"\xfe\xff" + PING], [PING_ANSWER], id="impossible length"),
        pytest.param([PING[:-1] + b"\x00" + PING], [PING_ANSWER], id="bad checksum"),
        pytest.param([b"\x00\x01" + PING + PING], [PING_ANSWER] * 2, id="two frames"),
        pytest.param([b"\x00\x01\x02"], [], id="no start of frame"),
    ],
)
def test_frames_are_reassembled_and_resynchronised(
    host: MtHost, chunks: list[bytes], answers: list[Mt]
) -> None:
    received: list[Mt] = []
    for chunk in chunks:
        received += host.write(chunk)
    assert received == answers
    assert not host.protocol.buffer


@pytest.mark.parametrize(
    ("raw", "answers"),
    [
        # The RPC error SRSP (subsystem 0, command 0): error code, then CMD0 and CMD1.
        pytest.param(raw_frame(0x21, 0x08, b"\x03"), [srsp(0, 0, b"\x04\x21\x08")], id="short"),
        pytest.param(raw_frame(0x21, 0x7E), [srsp(0, 0, b"\x02\x21\x7e")], id="unknown command"),
        pytest.param(raw_frame(0x22, 0x00), [srsp(0, 0, b"\x01\x22\x00")], id="no MAC subsystem"),
        # Bytes past the parameters are ignored, as the firmware ignores them.
        pytest.param(raw_frame(0x21, 0x01, b"\x00"), [PING_ANSWER], id="trailing data"),
        # An AREQ has no SRSP: a malformed or unknown one is dropped without an answer.
        pytest.param(raw_frame(0x41, 0x00), [], id="short AREQ"),
        pytest.param(raw_frame(0x41, 0x7E), [], id="unknown AREQ"),
        # Hosts never send answers; one that does is ignored.
        pytest.param(raw_frame(0x61, 0x01), [], id="SRSP from the host"),
    ],
)
def test_bad_requests(emu: ZStackEmulator, host: MtHost, raw: bytes, answers: list[Mt]) -> None:
    assert host.write(raw) == answers
    assert emu.frames_in == 1


def test_an_sreq_sent_as_areq_is_carried_out_without_answer(
    emu: ZStackEmulator, host: MtHost
) -> None:
    answers = host.areq(ZDO, 0x40, b"\x00\x00")  # ZDO_STARTUP_FROM_APP as an AREQ
    # Callbacks only (state changes, BDB notifications), no SRSP.
    assert [frame.cmd0 for frame in answers] == [0x45, 0x4F, 0x45, 0x4F]
    assert emu.network_running


def test_nothing_is_written_to_a_closing_line(emu: ZStackEmulator, host: MtHost) -> None:
    host.line.closed = True
    assert not emu.connected
    assert host.write(PING) == []
    assert emu.frames_in == 1
    assert emu.frames_out == 0


async def test_a_new_connection_replaces_the_old_one(emu: ZStackEmulator) -> None:
    first = MtHost(emu)
    second = MtHost(emu)
    assert first.line.closed
    assert emu.connected
    assert first.write(PING) == []  # the stale connection is not served any more
    assert second.write(PING) == [PING_ANSWER]
    # The old connection's late close does not disconnect the new one.
    first.protocol.connection_lost(None)
    assert emu.connected


async def test_start_is_idempotent(emu: ZStackEmulator) -> None:
    port = await emu.start()
    try:
        assert await emu.start() == port
        assert emu.port == port
        assert emu.url == f"socket://127.0.0.1:{port}"
    finally:
        await emu.stop()


# ----------------------------------------------------------------- SYS


def test_version_is_koenkks_cc2652_firmware(host: MtHost) -> None:
    # Transport 2, product 1 (Z-Stack 3.x.0), 2.7.1, then the build date (uint32).
    expected = bytes([2, 1, 2, 7, 1]) + struct.pack("<I", 20240710)
    assert host.sreq(SYS, 0x02) == [srsp(SYS, 0x02, expected)]


def test_ext_addr_tx_power_and_random(emu: ZStackEmulator, host: MtHost) -> None:
    ieee = bytes.fromhex("ddccbbaa004b1200")
    assert host.sreq(SYS, 0x03, ieee) == [srsp(SYS, 0x03, OK)]
    assert host.sreq(SYS, 0x04) == [srsp(SYS, 0x04, ieee)]
    assert emu.nvram.osal(0x0001) == ieee
    # SYS_SET_TX_POWER answers a MAC status: success, or MAC_INVALID_PARAMETER.
    assert host.sreq(SYS, 0x14, bytes([5])) == [srsp(SYS, 0x14, OK)]
    assert host.sreq(SYS, 0x14, struct.pack("<b", -40)) == [srsp(SYS, 0x14, b"\xe8")]
    ((random,),) = [host.sreq(SYS, 0x0C)]
    assert (random.cmd0, random.cmd1, len(random.data)) == (0x61, 0x0C, 2)


@pytest.mark.parametrize(
    ("request_", "answer"),
    [
        pytest.param(b"\x00\x05", OK, id="transmit power"),
        pytest.param(b"\x01\x00", OK, id="rx on when idle off"),
        pytest.param(b"\x01\xff", b"\x01", id="rx on when idle query"),
        pytest.param(b"\x07\x00", b"\x02", id="unknown operation"),
    ],
)
def test_stack_tune(host: MtHost, request_: bytes, answer: bytes) -> None:
    assert host.sreq(SYS, 0x0F, request_) == [srsp(SYS, 0x0F, answer)]


def test_nv_change_without_event_loop_is_saved_at_once(tmp_path: pathlib.Path) -> None:
    emu = ZStackEmulator(tmp_path)
    ieee = bytes.fromhex("04030201004b1200")
    MtHost(emu).sreq(SYS, 0x03, ieee)
    saved = json.loads((tmp_path / "nvram.json").read_text())
    assert saved["LEGACY"]["EXTADDR"] == ieee.hex()


def _counter(emu: ZStackEmulator) -> bytes:
    row = emu.nvram.get(NWK_SEC_MATERIAL_TABLE, 0)
    assert row is not None
    return row[:4]


@pytest.mark.parametrize(
    ("options", "formed_after", "counter_after"),
    [
        pytest.param(0x00, True, 5, id="nothing"),
        pytest.param(0x02, False, 5, id="clear state"),
        pytest.param(0x82, False, 0, id="clear state and frame counter"),
        pytest.param(0x01, False, 5, id="clear config"),
    ],
)
def test_reset_applies_startup_options(
    emu: ZStackEmulator, running: MtHost, options: int, formed_after: bool, counter_after: int
) -> None:
    assert running.sreq(APP_CNF, 0xFF, struct.pack("<I", 5)) == [srsp(APP_CNF, 0xFF, OK)]
    assert _counter(emu) == struct.pack("<I", 5)
    _osal_write(running, STARTUP_OPTION, bytes([options]))
    assert emu.network_running

    assert running.areq(SYS, 0x00, b"\x01") == [SYS_RESET_IND]  # soft reset

    assert not emu.network_running
    assert emu.registered_endpoints == frozenset()
    assert emu.nvram.osal(STARTUP_OPTION) == b"\x00"  # options apply once
    assert (emu.nvram.osal(BDBNODEISONANETWORK) == b"\x01") is formed_after
    assert _counter(emu) == struct.pack("<I", counter_after)


# ----------------------------------------------------------------- NVRAM


@pytest.mark.parametrize(
    ("command", "request_", "answer"),
    [
        # OSAL items: status, then a length-prefixed value where there is one.
        pytest.param(
            0x08, struct.pack("<HB", HAS_CONFIGURED_ZSTACK3, 0), b"\x02\x00", id="read missing"
        ),
        pytest.param(0x08, struct.pack("<HB", STARTUP_OPTION, 1), b"\x02\x00", id="read past end"),
        pytest.param(
            0x09, struct.pack("<HBB", HAS_CONFIGURED_ZSTACK3, 0, 1) + b"\x01", b"\x02", id="write"
        ),
        pytest.param(
            0x1D,
            struct.pack("<HHH", STARTUP_OPTION, 1, 1) + b"\x01",
            b"\x02",
            id="write ext past end",
        ),
        pytest.param(0x07, struct.pack("<HHB", STARTUP_OPTION, 1, 1) + b"\x02", OK, id="init"),
        pytest.param(
            0x12, struct.pack("<HH", HAS_CONFIGURED_ZSTACK3, 1), b"\x09", id="delete missing"
        ),
        pytest.param(
            0x12, struct.pack("<HH", STARTUP_OPTION, 2), b"\x0c", id="delete wrong length"
        ),
        # Extended items (system, item, sub id): NVINTF_* statuses.
        pytest.param(0x32, _nv_id(LEGACY, 3, OTHER_SYSTEM), bytes(4), id="length other system"),
        pytest.param(
            0x33, _nv_id(LEGACY, 3, OTHER_SYSTEM) + b"\x00\x00\x01", b"\x0a\x00", id="read other"
        ),
        pytest.param(0x33, _nv_id(NEW_ITEM, 0) + b"\x00\x00\x01", b"\x0a\x00", id="read missing"),
        pytest.param(
            0x34, _nv_id(LEGACY, 3, OTHER_SYSTEM) + b"\x00\x00\x011", b"\x09", id="write other"
        ),
        pytest.param(0x34, _nv_id(ADDRMGR, 0) + b"\x01\x00\x011", b"\x04", id="write at offset"),
        pytest.param(0x34, _nv_id(ADDRMGR, 0) + b"\x00\x00\x00", b"\x04", id="write nothing"),
        pytest.param(
            0x30, _nv_id(NEW_ITEM, 0, OTHER_SYSTEM) + struct.pack("<I", 4), b"\x09", id="create"
        ),
        pytest.param(0x30, _nv_id(ADDRMGR, 0) + struct.pack("<I", 16), b"\x0d", id="exists"),
        pytest.param(0x30, _nv_id(NEW_ITEM, 0) + struct.pack("<I", 0), b"\x05", id="empty"),
        pytest.param(0x31, _nv_id(NEW_ITEM, 0), b"\x0a", id="delete missing ext"),
        pytest.param(0x31, _nv_id(ADDRMGR, 0, OTHER_SYSTEM), b"\x09", id="delete other"),
        pytest.param(0x35, _nv_id(NEW_ITEM, 0, OTHER_SYSTEM) + b"\x011", b"\x09", id="update"),
        pytest.param(0x36, b"\x00\x00", OK, id="compact"),
    ],
)
def test_nv_requests_that_change_nothing(
    emu: ZStackEmulator, host: MtHost, command: int, request_: bytes, answer: bytes
) -> None:
    before = emu.nvram.to_json()
    assert host.sreq(SYS, command, request_) == [srsp(SYS, command, answer)]
    assert emu.nvram.to_json() == before


def test_nv_item_lifecycle(host: MtHost) -> None:
    def read(offset: int, length: int) -> bytes:
        (answer,) = host.sreq(SYS, 0x33, _nv_id(NEW_ITEM, 7) + struct.pack("<HB", offset, length))
        return answer.data

    def length() -> int:
        (answer,) = host.sreq(SYS, 0x32, _nv_id(NEW_ITEM, 7))
        return int.from_bytes(answer.data, "little")

    create = _nv_id(NEW_ITEM, 7) + struct.pack("<I", 4)
    assert host.sreq(SYS, 0x30, create) == [srsp(SYS, 0x30, OK)]
    assert length() == 4
    assert read(1, 3) == b"\x00\x03" + bytes(3)  # created zero-filled
    assert read(0, 5) == b"\x05\x00"  # NVINTF_BADLENGTH: longer than the item
    assert read(2, 3) == b"\x06\x00"  # NVINTF_BADOFFSET

    # SYS_NV_UPDATE and SYS_NV_WRITE (offset 0) replace the whole item.
    assert host.sreq(SYS, 0x35, _nv_id(NEW_ITEM, 7) + b"\x06abcdef") == [srsp(SYS, 0x35, OK)]
    assert length() == 6
    assert read(1, 5) == b"\x00\x05bcdef"
    write = _nv_id(NEW_ITEM, 7) + struct.pack("<HB", 0, 2) + b"xy"
    assert host.sreq(SYS, 0x34, write) == [srsp(SYS, 0x34, OK)]
    assert length() == 2

    assert host.sreq(SYS, 0x31, _nv_id(NEW_ITEM, 7)) == [srsp(SYS, 0x31, OK)]
    assert length() == 0
    assert host.sreq(SYS, 0x31, _nv_id(NEW_ITEM, 7)) == [srsp(SYS, 0x31, b"\x0a")]


def test_osal_item_init_read_and_delete(host: MtHost) -> None:
    init = struct.pack("<HHB", HAS_CONFIGURED_ZSTACK3, 3, 1) + b"\x55"
    assert host.sreq(SYS, 0x07, init) == [srsp(SYS, 0x07, b"\x09")]  # NV_ITEM_UNINIT: created
    # Uninitialised flash reads as 0xFF; SYS_OSAL_NV_READ_EXT takes a 16-bit offset.
    read = struct.pack("<HH", HAS_CONFIGURED_ZSTACK3, 1)
    assert host.sreq(SYS, 0x1C, read) == [srsp(SYS, 0x1C, b"\x00\x02\xff\xff")]
    write = struct.pack("<HHH", HAS_CONFIGURED_ZSTACK3, 2, 1) + b"\x77"
    assert host.sreq(SYS, 0x1D, write) == [srsp(SYS, 0x1D, OK)]
    length = struct.pack("<H", HAS_CONFIGURED_ZSTACK3)
    assert host.sreq(SYS, 0x13, length) == [srsp(SYS, 0x13, b"\x03\x00")]
    read = struct.pack("<HB", HAS_CONFIGURED_ZSTACK3, 0)
    assert host.sreq(SYS, 0x08, read) == [srsp(SYS, 0x08, b"\x00\x03\x55\xff\x77")]
    delete = struct.pack("<HH", HAS_CONFIGURED_ZSTACK3, 3)
    assert host.sreq(SYS, 0x12, delete) == [srsp(SYS, 0x12, OK)]
    assert host.sreq(SYS, 0x13, length) == [srsp(SYS, 0x13, b"\x00\x00")]
    # Initial data longer than the item: the item takes what fits.
    init = struct.pack("<HHB", HAS_CONFIGURED_ZSTACK3, 1, 2) + b"\x01\x02"
    assert host.sreq(SYS, 0x07, init) == [srsp(SYS, 0x07, b"\x09")]
    assert host.sreq(SYS, 0x13, length) == [srsp(SYS, 0x13, b"\x01\x00")]


def test_long_items_are_read_in_chunks(emu: ZStackEmulator, host: MtHost) -> None:
    emu.nvram.set(LEGACY, NEW_ITEM, bytes(range(256)) + bytes(44))
    (first,) = host.sreq(SYS, 0x1C, struct.pack("<HH", NEW_ITEM, 0))
    assert first.data[:2] == b"\x00\xf8"  # 248 bytes: what fits in an answer
    (rest,) = host.sreq(SYS, 0x1C, struct.pack("<HH", NEW_ITEM, 248))
    assert rest.data == b"\x00\x34" + bytes(range(248, 256)) + bytes(44)


# ----------------------------------------------------------------- network start

STATE_STARTING = areq(ZDO, 0xC0, b"\x08")  # ZDO_STATE_CHANGE_IND: DEV_COORD_STARTING
STATE_COORDINATOR = areq(ZDO, 0xC0, b"\x09")  # DEV_ZB_COORD


def _bdb(status: int, mode: int, remaining: int) -> Mt:
    """APP_CNF_BDB_COMMISSIONING_NOTIFICATION: status, mode reported (an index), remaining."""
    return areq(APP_CNF, 0x80, bytes([status, mode, remaining]))


FORMED = [
    STATE_STARTING,
    _bdb(1, 2, 0x04),  # in progress, formation, formation still to do
    STATE_COORDINATOR,
    _bdb(0, 2, 0x00),  # success
]
RESTORED = [STATE_COORDINATOR, _bdb(13, 0, 0x04), _bdb(0, 2, 0x00)]


def _nwk_info(host: MtHost) -> bytes:
    (answer,) = host.sreq(ZDO, 0x50)
    assert (answer.cmd0, answer.cmd1) == (0x65, 0x50)
    return answer.data


def test_startup_from_app_forms_then_restores(emu: ZStackEmulator, host: MtHost) -> None:
    # Before the stack runs: no address, state DEV_HOLD, no PAN, no channel.
    assert _nwk_info(host) == bytes.fromhex("feff00fffffeff") + bytes(17)
    # An all-zero pre-configured key is never used: formation picks a random one.
    _osal_write(host, PRECFGKEY, bytes(16))
    _osal_write(host, APS_USE_EXT_PANID, bytes(8))
    _osal_write(host, PANID, b"\x62\x1a")

    assert host.sreq(ZDO, 0x40, b"\x00\x00") == [srsp(ZDO, 0x40, OK), *FORMED]
    assert emu.network_running
    key = emu.nvram.osal(PRECFGKEY)
    assert key is not None
    assert key != bytes(16)
    # ZDO_EXT_NWK_INFO (24 bytes): short address, device state, PAN id, parent short
    # address, extended PAN id, parent IEEE address, logical channel.
    info = _nwk_info(host)
    assert len(info) == 24
    assert info[:7] == bytes.fromhex("000009621a0000")
    # No extended PAN id configured: the coordinator's own IEEE address is used.
    assert info[7:15] == emu.hardware_ieee
    assert info[15:23] == bytes(8)  # a coordinator has no parent
    assert info[23] == 11  # the default primary channel

    assert host.sreq(ZDO, 0x40, b"\x00\x00") == [srsp(ZDO, 0x40, OK), *RESTORED]


def test_bdb_formation_on_the_configured_channel(host: MtHost) -> None:
    assert host.sreq(APP_CNF, 0x08, b"\x01" + struct.pack("<I", 1 << 25)) == [
        srsp(APP_CNF, 0x08, OK)
    ]
    assert host.sreq(APP_CNF, 0x08, b"\x00" + bytes(4)) == [srsp(APP_CNF, 0x08, OK)]
    assert host.sreq(APP_CNF, 0x05, b"\x04") == [srsp(APP_CNF, 0x05, OK), *FORMED]
    assert _nwk_info(host)[23] == 25
    assert host.sreq(APP_CNF, 0x05, b"\x04") == [srsp(APP_CNF, 0x05, OK), *RESTORED]


@pytest.mark.parametrize("formed", [False, True])
def test_steering_needs_a_network(host: MtHost, formed: bool) -> None:
    if formed:
        start_network(host)
        host.areq(SYS, 0x00, b"\x01")
    answers = host.sreq(APP_CNF, 0x05, b"\x02")  # network steering only
    if formed:
        assert answers == [srsp(APP_CNF, 0x05, OK), STATE_COORDINATOR, _bdb(0, 0, 0)]
    else:
        assert answers == [srsp(APP_CNF, 0x05, OK), _bdb(2, 0, 0)]  # no network


def test_a_corrupt_nib_is_no_network(emu: ZStackEmulator, running: MtHost) -> None:
    update = _nv_id(LEGACY, NIB_ID) + b"\x08" + bytes(8)
    assert running.sreq(SYS, 0x35, update) == [srsp(SYS, 0x35, OK)]
    assert _nwk_info(running)[3:5] == b"\xff\xff"  # no PAN id
    assert running.sreq(ZDO, 0x40, b"\x00\x00") == [srsp(ZDO, 0x40, OK), *FORMED]


@pytest.mark.parametrize("formed", [False, True])
def test_set_nwk_frame_counter(emu: ZStackEmulator, host: MtHost, formed: bool) -> None:
    if formed:
        start_network(host)
    assert host.sreq(APP_CNF, 0xFF, struct.pack("<I", 0x12345)) == [srsp(APP_CNF, 0xFF, OK)]
    rows = emu.nvram.table(NWK_SEC_MATERIAL_TABLE)
    counters = [int.from_bytes(row[:4], "little") for row in rows]
    assert (0x12345 in counters) is formed


@pytest.mark.parametrize(
    ("command", "request_", "status"),
    [
        pytest.param(0x01, b"\x08", 0x00, id="end device timeout"),
        pytest.param(0x01, b"\x0f", 0x02, id="end device timeout too long"),
        pytest.param(0x03, b"\x01", 0x00, id="allow rejoin policy"),
        pytest.param(0x04, b"\x01" + bytes(8) + bytes(18), 0x00, id="install code"),
        pytest.param(0x06, b"\x00", 0x00, id="join uses install code"),
        pytest.param(0x07, b"\x01", 0x00, id="centralized key"),
        pytest.param(0x09, b"\x00", 0x00, id="no TC key exchange"),
    ],
)
def test_app_cnf_settings(host: MtHost, command: int, request_: bytes, status: int) -> None:
    assert host.sreq(APP_CNF, command, request_) == [srsp(APP_CNF, command, bytes([status]))]


# ----------------------------------------------------------------- UTIL


def _entry(nwk: int, index: int, relation: int) -> bytes:
    """An association entry as the firmware packs it, zero-padded to 36 bytes."""
    packed = struct.pack("<HHBBBBBBBBIH", nwk, index, relation, 0, 0, 0, 0, 1, 255, 0, 0, 0)
    return packed.ljust(36, b"\x00")


NO_ENTRY = b"\xfe\xff" + bytes(34)


def test_device_info(emu: ZStackEmulator, host: MtHost) -> None:
    # Status, IEEE, short address, device types it can be, state, associated devices.
    before = bytes([0x00]) + emu.hardware_ieee + b"\xfe\xff\x07\x00\x00"
    assert host.sreq(UTIL, 0x00) == [srsp(UTIL, 0x00, before)]
    start_network(host)
    emu.add_device(node(0x1001))
    emu.add_device(node(0x1002, router=False, parent=0x1001))  # not our child
    after = bytes([0x00]) + emu.hardware_ieee + b"\x00\x00\x07\x09\x01\x01\x10"
    assert host.sreq(UTIL, 0x00) == [srsp(UTIL, 0x00, after)]
    assert host.sreq(UTIL, 0x0A, b"\xff\x05") == [srsp(UTIL, 0x0A, OK)]  # LED control


def test_association_table(emu: ZStackEmulator, running: MtHost) -> None:
    children = [
        (node(0x1001, router=True), 4),  # CHILD_FFD_RX_IDLE
        (node(0x1002, router=False, rx_on=True), 2),  # CHILD_RFD_RX_IDLE
        (node(0x1003, router=False, rx_on=False), 1),  # CHILD_RFD
    ]
    for child, _relation in children:
        emu.add_device(child)
    emu.add_device(node(0x1004, router=False, parent=0x1001))  # not our child

    for index, (child, relation) in enumerate(children):
        by_ieee = child.node.ieee + b"\x00\x00"
        expected = srsp(UTIL, 0x4A, _entry(child.node.nwk, index, relation))
        assert running.sreq(UTIL, 0x4A, by_ieee) == [expected]
        assert running.sreq(UTIL, 0x49, bytes([index])) == [srsp(UTIL, 0x49, expected.data)]
    # No valid IEEE address: looked up by short address.
    by_nwk = b"\xff" * 8 + struct.pack("<H", 0x1002)
    assert running.sreq(UTIL, 0x4A, by_nwk) == [srsp(UTIL, 0x4A, _entry(0x1002, 1, 2))]
    for request_ in (bytes(8) + struct.pack("<H", 0x1004), b"\x99" * 8 + b"\x00\x00"):
        assert running.sreq(UTIL, 0x4A, request_) == [srsp(UTIL, 0x4A, NO_ENTRY)]
    assert running.sreq(UTIL, 0x49, b"\x03") == [srsp(UTIL, 0x49, NO_ENTRY)]
    # Counting children by relation: the RFDs, then everyone.
    assert running.sreq(UTIL, 0x48, b"\x01\x02") == [srsp(UTIL, 0x48, b"\x02\x00")]
    assert running.sreq(UTIL, 0x48, b"\x00\xff") == [srsp(UTIL, 0x48, b"\x03\x00")]

    # Koenkk's firmware lets hosts drop an entry and put it back.
    ieee = children[0][0].node.ieee
    assert running.sreq(UTIL, 0x63, ieee) == [srsp(UTIL, 0x63, OK)]
    assert running.sreq(UTIL, 0x4A, ieee + b"\x00\x00") == [srsp(UTIL, 0x4A, NO_ENTRY)]
    assert running.sreq(UTIL, 0x64, ieee + b"\x01\x10\x04") == [srsp(UTIL, 0x64, OK)]
    assert running.sreq(UTIL, 0x48, b"\x00\xff") == [srsp(UTIL, 0x48, b"\x03\x00")]


async def test_address_manager_lookups(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(0x1001)
    await emu.join(device)
    running.read()
    ieee = device.node.ieee
    assert running.sreq(UTIL, 0x40, ieee) == [srsp(UTIL, 0x40, b"\x01\x10")]
    assert running.sreq(UTIL, 0x40, emu.hardware_ieee) == [srsp(UTIL, 0x40, b"\x00\x00")]
    assert running.sreq(UTIL, 0x40, b"\x99" * 8) == [srsp(UTIL, 0x40, b"\xfe\xff")]
    assert running.sreq(UTIL, 0x41, b"\x01\x10") == [srsp(UTIL, 0x41, ieee)]
    assert running.sreq(UTIL, 0x41, b"\x00\x00") == [srsp(UTIL, 0x41, emu.hardware_ieee)]
    assert running.sreq(UTIL, 0x41, b"\x99\x99") == [srsp(UTIL, 0x41, b"\xff" * 8)]


# ----------------------------------------------------------------- AF


def test_af_register_and_delete(emu: ZStackEmulator, host: MtHost) -> None:
    assert host.sreq(AF, 0x00, af_register(2, in_clusters=(0x0019,))) == [srsp(AF, 0x00, OK)]
    # A duplicate, or the ZDO's own endpoint 0: afStatus_INVALID_PARAMETER.
    assert host.sreq(AF, 0x00, af_register(2)) == [srsp(AF, 0x00, b"\x02")]
    assert host.sreq(AF, 0x00, af_register(0)) == [srsp(AF, 0x00, b"\x02")]
    assert emu.registered_endpoints == {2}
    assert host.sreq(AF, 0x04, b"\x02") == [srsp(AF, 0x04, OK)]
    assert emu.registered_endpoints == frozenset()
    assert host.sreq(AF, 0x04, b"\x02") == [srsp(AF, 0x04, b"\x02")]


ZCL_ON = b"\x01\x33\x01"


def _ext_request(
    mode: int, address: bytes, *, pan_id: int = 0, options: int = 0, src_ep: int = 1
) -> bytes:
    """AF_DATA_REQUEST_EXT: mode, 8-byte address, dst endpoint, dst PAN, src endpoint,
    cluster, transaction id, options, radius, 16-bit length, data."""
    return (
        bytes([mode])
        + address.ljust(8, b"\x00")
        + struct.pack("<BHBHBBB", 1, pan_id, src_ep, 0x0006, 0x33, options, 30)
        + struct.pack("<H", len(ZCL_ON))
        + ZCL_ON
    )


def _confirm(status: int, trans_id: int = 0x33) -> Mt:
    """AF_DATA_CONFIRM: status, endpoint, transaction id."""
    return areq(AF, 0x80, bytes([status, 1, trans_id]))


IEEE_1001 = node(0x1001).node.ieee


@pytest.mark.parametrize(
    ("request_", "callbacks", "received"),
    [
        pytest.param(_ext_request(3, IEEE_1001), [_confirm(0)], [(0x1001, 0x0104)], id="IEEE"),
        pytest.param(_ext_request(3, b"\x77" * 8), [_confirm(0xE9)], [], id="unknown IEEE"),
        pytest.param(_ext_request(2, b"\x01\x10"), [_confirm(0)], [(0x1001, 0x0104)], id="NWK"),
        pytest.param(
            _ext_request(2, b"\xfd\xff"), [_confirm(0)], [(0xFFFD, 0x0104)], id="NWK broadcast"
        ),
        pytest.param(
            _ext_request(15, b"\xff\xff"), [_confirm(0)], [(0xFFFF, 0x0104)], id="broadcast"
        ),
        pytest.param(_ext_request(1, b"\x42\x00"), [_confirm(0)], [(0x0042, 0x0104)], id="group"),
        pytest.param(_ext_request(2, b"\x01\x10", pan_id=0xFFFF), [], [], id="inter-PAN"),
        pytest.param(_ext_request(2, b"\x00\x00"), [_confirm(0)], [], id="to ourselves"),
        pytest.param(_ext_request(0, b""), [_confirm(0xB9)], [], id="along bindings"),
        pytest.param(
            _ext_request(2, b"\x01\x10", options=0x02),
            [_confirm(0)],
            [(0x1001, 0xFFFF)],
            id="wildcard profile",
        ),
    ],
)
def test_data_request_destinations(
    emu: ZStackEmulator,
    running: MtHost,
    request_: bytes,
    callbacks: list[Mt],
    received: list[tuple[int, int]],
) -> None:
    device = node(0x1001)
    emu.add_device(device)
    assert running.sreq(AF, 0x02, request_) == [srsp(AF, 0x02, OK), *callbacks]
    assert [(frame.dst, frame.profile) for frame in device.received] == received
    assert all(frame.payload == ZCL_ON for frame in device.received)


@pytest.mark.parametrize(
    "request_",
    [
        pytest.param(_ext_request(2, b"\x01\x10", src_ep=9), id="unregistered source"),
        pytest.param(_ext_request(0, b"", src_ep=9), id="bindings of no endpoint"),
        pytest.param(_ext_request(7, b"\x01\x10"), id="no such address mode"),
    ],
)
def test_data_requests_refused(emu: ZStackEmulator, running: MtHost, request_: bytes) -> None:
    device = node(0x1001)
    emu.add_device(device)
    assert running.sreq(AF, 0x02, request_) == [srsp(AF, 0x02, b"\x02")]
    assert device.received == []


def test_legacy_and_source_routed_data_requests(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(0x1001)
    emu.add_device(device)
    tail = struct.pack("<BHBBB", 1, 0x0006, 0x55, 0, 30)  # src ep, cluster, id, options, radius
    # AF_DATA_REQUEST: short address, endpoint, ..., 8-bit length, data.
    unicast = struct.pack("<HB", 0x1001, 1) + tail + b"\x03" + ZCL_ON
    assert running.sreq(AF, 0x01, unicast) == [srsp(AF, 0x01, OK), _confirm(0, 0x55)]
    broadcast = struct.pack("<HB", 0xFFFC, 1) + tail + b"\x03" + ZCL_ON
    assert running.sreq(AF, 0x01, broadcast) == [srsp(AF, 0x01, OK), _confirm(0, 0x55)]
    # AF_DATA_REQUEST_SRC_RTG: the relay list comes before the data.
    routed = struct.pack("<HB", 0x1001, 1) + tail + b"\x01\x01\x20" + b"\x03" + ZCL_ON
    assert running.sreq(AF, 0x03, routed) == [srsp(AF, 0x03, OK), _confirm(0, 0x55)]
    assert [(f.dst, f.dst_mode) for f in device.received] == [
        (0x1001, AddressMode.NWK),
        (0xFFFC, AddressMode.BROADCAST),
        (0x1001, AddressMode.NWK),
    ]
    assert running.sreq(AF, 0x10, b"\x00") == [srsp(AF, 0x10, OK)]  # inter-PAN control


async def test_a_crashing_device_does_not_break_the_coordinator(
    emu: ZStackEmulator, running: MtHost, caplog: pytest.LogCaptureFixture
) -> None:
    device = node(0x1001)
    device.broken = True
    emu.add_device(device)
    with caplog.at_level(logging.ERROR):
        answers = running.sreq(AF, 0x02, _ext_request(2, b"\x01\x10"))
    assert answers == [srsp(AF, 0x02, OK), _confirm(0)]
    assert len(device.received) == 1
    assert "Simulated device 0x1001 failed" in caplog.text
    assert running.write(PING) == [PING_ANSWER]


async def test_broadcast_before_formation_uses_no_frame_counter(
    emu: ZStackEmulator, host: MtHost
) -> None:
    device = node(0x1001)
    emu.add_device(device)
    host.sreq(AF, 0x00, af_register(1))
    host.sreq(AF, 0x02, _ext_request(15, b"\xff\xff"))
    assert len(device.received) == 1
    assert device.received[0].dst_mode == AddressMode.BROADCAST
    assert all(row[:4] == bytes(4) for row in emu.nvram.table(NWK_SEC_MATERIAL_TABLE))


def test_incoming_message_layout(emu: ZStackEmulator, running: MtHost) -> None:
    emu.add_device(node(0x1001))
    report = b"\x18\x07\x0a\x00\x00\x10\x01"
    emu.transmit(ApsFrame(0x1001, 1, 0x0000, 1, 0x0006, 0x0104, report, lqi=170))
    (message,) = running.read()
    assert (message.cmd0, message.cmd1) == (0x44, 0x81)
    data = message.data
    # Group, cluster, source address, source and destination endpoints, broadcast, LQI,
    # security, timestamp (4 bytes), a sequence byte the firmware always leaves at 0, the
    # data with its length, the MAC source (last hop) and radius.
    assert data[:11] == struct.pack("<HHHBBBBB", 0, 0x0006, 0x1001, 1, 1, 0, 170, 0)
    assert data[15:] == b"\x00" + bytes([len(report)]) + report + b"\x01\x10\x1d"


def test_frames_longer_than_the_coordinator_takes_never_arrive(
    emu: ZStackEmulator, running: MtHost
) -> None:
    emu.add_device(node(0x1001))
    # 160 bytes: the maximum incoming transfer size in the coordinator's node descriptor.
    emu.transmit(ApsFrame(0x1001, 1, 0x0000, 1, 0xFCC0, 0x0104, bytes(160)))
    (message,) = running.read()
    assert message.data[15:17] == b"\x00\xa0"
    emu.transmit(ApsFrame(0x1001, 1, 0x0000, 1, 0xFCC0, 0x0104, bytes(161)))
    assert running.read() == []
    assert emu.frames_dropped == 1
    # So nothing is ever held back for AF_DATA_RETRIEVE: afStatus_FAILED.
    retrieve = struct.pack("<IHB", 1234, 0, 10)
    assert running.sreq(AF, 0x12, retrieve) == [srsp(AF, 0x12, b"\x01\x00")]


def test_hardware_ieee_is_kept_per_state_dir(
    tmp_path: pathlib.Path, caplog: pytest.LogCaptureFixture
) -> None:
    ieee = bytes.fromhex("0102030405") + b"\x4b\x12\x00"
    assert ZStackEmulator(tmp_path, ieee=ieee).hardware_ieee == ieee
    assert json.loads((tmp_path / "hardware.json").read_text()) == {
        "ieee": "00:12:4b:05:04:03:02:01"
    }
    assert ZStackEmulator(tmp_path).hardware_ieee == ieee
    with pytest.raises(ValueError, match="8 bytes"):
        ZStackEmulator(tmp_path, ieee=b"\x01\x02")

    for text in ('{"ieee": 12}', '{"ieee": "01:02"}'):
        (tmp_path / "hardware.json").write_text(text)
        replaced = ZStackEmulator(tmp_path).hardware_ieee
        assert replaced != ieee
        assert replaced.endswith(b"\x4b\x12\x00")
        assert "Ignoring unreadable" in caplog.text
        assert ZStackEmulator(tmp_path).hardware_ieee == replaced
