"""The Z-Stack emulator's MT protocol, request by request, over an in-memory serial line.

These tests build and parse frames with zigpy-znp's command definitions (TI's MT
protocol) but need no zigpy application: they cover the answers zigpy-znp rarely or
never asks for, and the protocol's error paths.
"""

from __future__ import annotations

import asyncio
import json
import logging
import pathlib
import struct
from typing import Any

import pytest
import zigpy_znp.commands as c
from zigpy_znp.frames import GeneralFrame, TransportFrame
import zigpy_znp.types as t
from zigpy_znp.types.nvids import ExNvIds, NvSysIds, OsalNvIds

from custom_components.aqara_zigbee.simulator.air import AddressMode, ApsFrame
from custom_components.aqara_zigbee.simulator.nvram import LEGACY, NWK_SEC_MATERIAL_TABLE
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator

from .mt_host import MtHost, node, start_network

ABSENT = OsalNvIds.HAS_CONFIGURED_ZSTACK3  # not in a blank CC2652's NVRAM
ZSTACK = NvSysIds.ZSTACK
OTHER_SYSTEM = NvSysIds.APP  # NV items of other systems are not Z-Stack's business
ADDRMGR = ExNvIds.ADDRMGR
NEW_ITEM = 0x0F42
ROUTER = 0x2001
NO_OPTIONS = c.af.TransmitOptions(0)


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


def _raw(header: int, payload: bytes) -> bytes:
    """An MT frame; ``header`` is Cmd0 | Cmd1 << 8 (type/subsystem, then command id)."""
    frame = GeneralFrame(t.CommandHeader(header), payload)
    return TransportFrame(frame).serialize()


def _statuses(answers: list[Any]) -> list[Any]:
    return [answer.Status for answer in answers]


# ----------------------------------------------------------------- transport / framing

PING = _raw(0x0121, b"")
NV_READ = _raw(0x0821, struct.pack("<HB", OsalNvIds.STARTUP_OPTION, 0))


@pytest.mark.parametrize(
    ("chunks", "answers"),
    [
        pytest.param([PING[:3], PING[3:]], [c.SYS.Ping.Rsp], id="header split"),
        pytest.param([NV_READ[:6], NV_READ[6:]], [c.SYS.OSALNVRead.Rsp], id="body split"),
        pytest.param([b"\xfe\xff" + PING], [c.SYS.Ping.Rsp], id="impossible length"),
        pytest.param([b"\x00\x01" + PING + PING], [c.SYS.Ping.Rsp] * 2, id="two frames"),
        pytest.param([b"\x00\x01\x02"], [], id="no start of frame"),
    ],
)
def test_frames_are_reassembled_and_resynchronised(
    host: MtHost, chunks: list[bytes], answers: list[type]
) -> None:
    received: list[Any] = []
    for chunk in chunks:
        received += host.write(chunk)
    assert [type(answer) for answer in received] == answers
    assert not host.protocol.buffer


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        pytest.param(
            _raw(0x0821, b"\x03\x00"),
            c.rpc_error.ErrorCode.InvalidParameter,
            id="SREQ missing a parameter",
        ),
        pytest.param(
            _raw(0x0121, b"\x00"), c.rpc_error.ErrorCode.InvalidParameter, id="SREQ too long"
        ),
        # An AREQ has no SRSP: a malformed or unknown one is dropped without an answer.
        pytest.param(_raw(0x0041, b"\x01\x02"), None, id="AREQ too long"),
        pytest.param(_raw(0x7E41, b""), None, id="unknown AREQ"),
        pytest.param(_raw(0x7E21, b""), c.rpc_error.ErrorCode.InvalidCommandId, id="unknown SREQ"),
    ],
)
def test_bad_requests(emu: ZStackEmulator, host: MtHost, raw: bytes, error: Any) -> None:
    answers = host.write(raw)
    if error is None:
        assert answers == []
    else:
        (answer,) = answers
        assert isinstance(answer, c.RPCError.CommandNotRecognized.Rsp)
        assert answer.ErrorCode == error
        assert answer.RequestHeader == t.CommandHeader(int.from_bytes(raw[2:4], "little"))
    assert emu.frames_in == 1


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
    assert [type(a) for a in second.write(PING)] == [c.SYS.Ping.Rsp]
    # The old connection's late close does not disconnect the new one.
    first.protocol.connection_lost(None)
    assert emu.connected


async def test_start_is_idempotent(emu: ZStackEmulator) -> None:
    port = await emu.start()
    try:
        assert await emu.start() == port
        assert emu.url.endswith(f":{port}")
    finally:
        await emu.stop()


# ----------------------------------------------------------------- SYS


def test_set_ext_addr_and_tx_power(host: MtHost) -> None:
    ieee = t.EUI64.convert("00:12:4b:00:aa:bb:cc:dd")
    assert host.request(c.SYS.SetExtAddr.Req(ExtAddr=ieee)) == [
        c.SYS.SetExtAddr.Rsp(Status=t.Status.SUCCESS)
    ]
    assert host.request(c.SYS.GetExtAddr.Req()) == [c.SYS.GetExtAddr.Rsp(ExtAddr=ieee)]
    # Z-Stack 3.30 answers with a status, not the power it applied.
    (answer,) = host.request(c.SYS.SetTxPower.Req(TXPower=19))
    assert answer.StatusOrPower == 0


def test_nv_change_without_event_loop_is_saved_at_once(tmp_path: pathlib.Path) -> None:
    emu = ZStackEmulator(tmp_path)
    ieee = t.EUI64.convert("00:12:4b:00:01:02:03:04")
    MtHost(emu).request(c.SYS.SetExtAddr.Req(ExtAddr=ieee))
    saved = json.loads((tmp_path / "nvram.json").read_text())
    assert saved["LEGACY"]["EXTADDR"] == ieee.serialize().hex()


def _counter(emu: ZStackEmulator) -> bytes:
    row = emu.nvram.get(NWK_SEC_MATERIAL_TABLE, 0)
    assert row is not None
    return row[:4]


@pytest.mark.parametrize(
    ("options", "formed_after", "counter_after"),
    [
        (t.StartupOptions(0), True, 5),
        (t.StartupOptions.ClearState, False, 5),
        (t.StartupOptions.ClearState | t.StartupOptions.ClearNwkFrameCounter, False, 0),
        (t.StartupOptions.ClearConfig, False, 5),
    ],
)
def test_reset_applies_startup_options(
    emu: ZStackEmulator, running: MtHost, options: int, formed_after: bool, counter_after: int
) -> None:
    running.request(c.AppConfig.SetNwkFrameCounter.Req(FrameCounterValue=5))
    assert _counter(emu) == (5).to_bytes(4, "little")
    running.request(
        c.SYS.OSALNVWrite.Req(Id=OsalNvIds.STARTUP_OPTION, Offset=0, Value=bytes([options]))
    )
    assert emu.network_running

    (indication,) = running.request(c.SYS.ResetReq.Req(Type=t.ResetType.Soft))

    assert isinstance(indication, c.SYS.ResetInd.Callback)
    assert indication.Reason == t.ResetReason.PowerUp
    assert not emu.network_running
    assert emu.registered_endpoints == frozenset()
    assert emu.nvram.osal(OsalNvIds.STARTUP_OPTION) == b"\x00"  # options apply once
    assert (emu.nvram.osal(OsalNvIds.BDBNODEISONANETWORK) == b"\x01") is formed_after
    assert _counter(emu) == counter_after.to_bytes(4, "little")


# ----------------------------------------------------------------- NVRAM


@pytest.mark.parametrize(
    ("request_", "answer"),
    [
        pytest.param(
            c.SYS.OSALNVRead.Req(Id=ABSENT, Offset=0),
            c.SYS.OSALNVRead.Rsp(Status=t.Status.INVALID_PARAMETER, Value=b""),
            id="osal read missing",
        ),
        pytest.param(
            c.SYS.OSALNVWrite.Req(Id=ABSENT, Offset=0, Value=b"\x01"),
            c.SYS.OSALNVWrite.Rsp(Status=t.Status.INVALID_PARAMETER),
            id="osal write missing",
        ),
        pytest.param(
            c.SYS.OSALNVWriteExt.Req(Id=OsalNvIds.STARTUP_OPTION, Offset=1, Value=b"\x01"),
            c.SYS.OSALNVWriteExt.Rsp(Status=t.Status.INVALID_PARAMETER),
            id="osal write past end",
        ),
        pytest.param(
            c.SYS.OSALNVItemInit.Req(Id=ABSENT, ItemLen=1, Value=b"\x01\x02"),
            c.SYS.OSALNVItemInit.Rsp(Status=t.Status.INVALID_PARAMETER),
            id="osal init value longer than item",
        ),
        pytest.param(
            c.SYS.OSALNVItemInit.Req(Id=OsalNvIds.STARTUP_OPTION, ItemLen=1, Value=b"\x02"),
            c.SYS.OSALNVItemInit.Rsp(Status=t.Status.SUCCESS),
            id="osal init existing",
        ),
        pytest.param(
            c.SYS.OSALNVDelete.Req(Id=ABSENT, ItemLen=1),
            c.SYS.OSALNVDelete.Rsp(Status=t.Status.NV_ITEM_UNINIT),
            id="osal delete missing",
        ),
        pytest.param(
            c.SYS.OSALNVDelete.Req(Id=OsalNvIds.STARTUP_OPTION, ItemLen=2),
            c.SYS.OSALNVDelete.Rsp(Status=t.Status.NV_BAD_ITEM_LEN),
            id="osal delete wrong length",
        ),
        pytest.param(
            c.SYS.NVLength.Req(SysId=OTHER_SYSTEM, ItemId=ExNvIds.LEGACY, SubId=3),
            c.SYS.NVLength.Rsp(Length=0),
            id="length other system",
        ),
        pytest.param(
            c.SYS.NVRead.Req(SysId=OTHER_SYSTEM, ItemId=LEGACY, SubId=3, Offset=0, Length=1),
            c.SYS.NVRead.Rsp(Status=t.Status.FAILURE, Value=b""),
            id="read other system",
        ),
        pytest.param(
            c.SYS.NVRead.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=0, Offset=0, Length=1),
            c.SYS.NVRead.Rsp(Status=t.Status.FAILURE, Value=b""),
            id="read missing",
        ),
        pytest.param(
            c.SYS.NVWrite.Req(SysId=OTHER_SYSTEM, ItemId=LEGACY, SubId=3, Offset=0, Value=b"1"),
            c.SYS.NVWrite.Rsp(Status=t.Status.FAILURE),
            id="write other system",
        ),
        pytest.param(
            c.SYS.NVWrite.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=0, Offset=0, Value=b"1"),
            c.SYS.NVWrite.Rsp(Status=t.Status.FAILURE),
            id="write missing",
        ),
        pytest.param(
            c.SYS.NVCreate.Req(SysId=OTHER_SYSTEM, ItemId=NEW_ITEM, SubId=0, Length=4),
            c.SYS.NVCreate.Rsp(Status=t.Status.FAILURE),
            id="create other system",
        ),
        pytest.param(
            c.SYS.NVCreate.Req(SysId=ZSTACK, ItemId=ADDRMGR, SubId=0, Length=16),
            c.SYS.NVCreate.Rsp(Status=t.Status.SUCCESS),
            id="create existing",
        ),
        pytest.param(
            c.SYS.NVDelete.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=0),
            c.SYS.NVDelete.Rsp(Status=t.Status.NV_OPER_FAILED),
            id="delete missing",
        ),
        pytest.param(
            c.SYS.NVDelete.Req(SysId=OTHER_SYSTEM, ItemId=ADDRMGR, SubId=0),
            c.SYS.NVDelete.Rsp(Status=t.Status.NV_OPER_FAILED),
            id="delete other system",
        ),
        pytest.param(
            c.SYS.NVUpdate.Req(SysId=OTHER_SYSTEM, ItemId=NEW_ITEM, SubId=0, Value=b"1"),
            c.SYS.NVUpdate.Rsp(Status=t.Status.FAILURE),
            id="update other system",
        ),
    ],
)
def test_nv_requests_that_change_nothing(
    emu: ZStackEmulator, host: MtHost, request_: Any, answer: Any
) -> None:
    before = emu.nvram.to_json()
    assert host.request(request_) == [answer]
    assert emu.nvram.to_json() == before


def test_nv_item_lifecycle(host: MtHost) -> None:
    def read() -> Any:
        (answer,) = host.request(
            c.SYS.NVRead.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7, Offset=1, Length=255)
        )
        return answer

    def length() -> int:
        (answer,) = host.request(c.SYS.NVLength.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7))
        return int(answer.Length)

    create = c.SYS.NVCreate.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7, Length=4)
    assert _statuses(host.request(create)) == [t.Status.NV_ITEM_UNINIT]
    assert length() == 4
    assert read() == c.SYS.NVRead.Rsp(Status=t.Status.SUCCESS, Value=bytes(3))

    # NVUpdate replaces the whole item, NVWrite patches it in place.
    update = c.SYS.NVUpdate.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7, Value=b"abcdef")
    assert _statuses(host.request(update)) == [t.Status.SUCCESS]
    write = c.SYS.NVWrite.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7, Offset=5, Value=b"F")
    assert _statuses(host.request(write)) == [t.Status.SUCCESS]
    assert length() == 6
    assert read().Value == b"bcdeF"

    delete = c.SYS.NVDelete.Req(SysId=ZSTACK, ItemId=NEW_ITEM, SubId=7)
    assert _statuses(host.request(delete)) == [t.Status.SUCCESS]
    assert length() == 0
    assert _statuses(host.request(delete)) == [t.Status.NV_OPER_FAILED]


def test_osal_item_init_and_delete(host: MtHost) -> None:
    init = c.SYS.OSALNVItemInit.Req(Id=ABSENT, ItemLen=3, Value=b"\x55")
    assert _statuses(host.request(init)) == [t.Status.NV_ITEM_UNINIT]
    (answer,) = host.request(c.SYS.OSALNVRead.Req(Id=ABSENT, Offset=0))
    assert answer.Value == b"\x55\xff\xff"  # uninitialised flash reads as 0xFF
    delete = c.SYS.OSALNVDelete.Req(Id=ABSENT, ItemLen=3)
    assert _statuses(host.request(delete)) == [t.Status.SUCCESS]
    assert host.request(c.SYS.OSALNVLength.Req(Id=ABSENT)) == [c.SYS.OSALNVLength.Rsp(ItemLen=0)]


# ----------------------------------------------------------------- network start


def test_startup_from_app_forms_then_restores(emu: ZStackEmulator, host: MtHost) -> None:
    # An all-zero pre-configured key is never used: formation picks a random one.
    host.request(c.SYS.OSALNVWrite.Req(Id=OsalNvIds.PRECFGKEY, Offset=0, Value=bytes(16)))
    host.request(c.SYS.OSALNVWrite.Req(Id=OsalNvIds.APS_USE_EXT_PANID, Offset=0, Value=bytes(8)))
    host.request(c.SYS.OSALNVWrite.Req(Id=OsalNvIds.PANID, Offset=0, Value=b"\x62\x1a"))

    answer, state = host.request(c.ZDO.StartupFromApp.Req(StartDelay=0))
    assert answer.State == c.zdo.StartupState.NewNetworkState
    assert state.State == t.DeviceState.StartedAsCoordinator
    assert emu.network_running
    key = emu.nvram.osal(OsalNvIds.PRECFGKEY)
    assert key is not None
    assert key != bytes(16)
    (info,) = host.request(c.ZDO.ExtNwkInfo.Req())
    # No extended PAN id configured: the coordinator's own IEEE address is used.
    assert info.ExtendedPanId == t.EUI64(emu.hardware_ieee)
    assert info.Channel == t.Channels.from_channel_list([11])
    assert info.PanId == 0x1A62  # the configured PAN id

    answer, _state = host.request(c.ZDO.StartupFromApp.Req(StartDelay=0))
    assert answer.State == c.zdo.StartupState.RestoredNetworkState


@pytest.mark.parametrize("formed", [False, True])
def test_steering_needs_a_network(host: MtHost, formed: bool) -> None:
    if formed:
        start_network(host)
        host.request(c.SYS.ResetReq.Req(Type=t.ResetType.Soft))
    answers = host.request(
        c.AppConfig.BDBStartCommissioning.Req(Mode=c.app_config.BDBCommissioningMode.NwkSteering)
    )
    assert _statuses(answers[:1]) == [t.Status.SUCCESS]
    notification = answers[-1]
    assert isinstance(notification, c.AppConfig.BDBCommissioningNotification.Callback)
    expected = c.app_config.BDBCommissioningStatus
    assert notification.Status == (expected.Success if formed else expected.NoNetwork)
    assert len(answers) == (3 if formed else 2)  # formed: StateChangeInd as well


def test_a_corrupt_nib_is_no_network(emu: ZStackEmulator, running: MtHost) -> None:
    running.request(
        c.SYS.NVUpdate.Req(SysId=ZSTACK, ItemId=LEGACY, SubId=OsalNvIds.NIB, Value=b"\x00" * 8)
    )
    (info,) = running.request(c.ZDO.ExtNwkInfo.Req())
    assert info.PanId == 0xFFFF
    assert info.Channel == t.Channels.NO_CHANNELS
    answer, _state = running.request(c.ZDO.StartupFromApp.Req(StartDelay=0))
    assert answer.State == c.zdo.StartupState.NewNetworkState


@pytest.mark.parametrize("formed", [False, True])
def test_set_nwk_frame_counter(emu: ZStackEmulator, host: MtHost, formed: bool) -> None:
    if formed:
        start_network(host)
    answers = host.request(c.AppConfig.SetNwkFrameCounter.Req(FrameCounterValue=0x12345))
    assert _statuses(answers) == [t.Status.SUCCESS]
    rows = emu.nvram.table(NWK_SEC_MATERIAL_TABLE)
    counters = [int.from_bytes(row[:4], "little") for row in rows]
    assert (0x12345 in counters) is formed


# ----------------------------------------------------------------- UTIL / AF


def test_assoc_get_reports_each_kind_of_child(emu: ZStackEmulator, running: MtHost) -> None:
    relation = c.util.NodeRelation
    children = [
        (node(0x1001, router=True), relation.CHILD_FFD_RX_IDLE),
        (node(0x1002, router=False, rx_on=True), relation.CHILD_RFD_RX_IDLE),
        (node(0x1003, router=False, rx_on=False), relation.CHILD_RFD),
    ]
    for child, _relation in children:
        emu.add_device(child)
    emu.add_device(node(0x1004, router=False, parent=0x1001))  # not our child

    for child, expected in children:
        (answer,) = running.request(
            c.UTIL.AssocGetWithAddress.Req(IEEE=t.EUI64(child.node.ieee), NWK=0)
        )
        assert answer.Device.shortAddr == child.node.nwk
        assert answer.Device.nodeRelation == expected
    for ieee, nwk in [(bytes(8), 0x1004), (b"\x99" * 8, 0)]:
        (answer,) = running.request(c.UTIL.AssocGetWithAddress.Req(IEEE=t.EUI64(ieee), NWK=nwk))
        assert answer.Device.shortAddr == 0xFFFE
        assert answer.Device.nodeRelation == relation.NOTUSED


def _register(endpoint: int) -> Any:
    return c.AF.Register.Req(
        Endpoint=endpoint,
        ProfileId=0x0104,
        DeviceId=0,
        DeviceVersion=0,
        LatencyReq=c.af.LatencyReq.NoLatencyReqs,
        InputClusters=[0x0019],
        OutputClusters=[],
    )


def test_af_register_and_delete(emu: ZStackEmulator, host: MtHost) -> None:
    assert _statuses(host.request(_register(2))) == [t.Status.SUCCESS]
    assert _statuses(host.request(_register(2))) == [t.Status.APS_DUPLICATE_ENTRY]
    assert emu.registered_endpoints == {2}
    assert _statuses(host.request(c.AF.Delete.Req(Endpoint=2))) == [t.Status.SUCCESS]
    assert emu.registered_endpoints == frozenset()
    assert _statuses(host.request(c.AF.Delete.Req(Endpoint=2))) == [t.Status.INVALID_PARAMETER]


def _ext_request(
    address: t.AddrModeAddress,
    *,
    pan_id: int = 0x0000,
    options: c.af.TransmitOptions = NO_OPTIONS,
) -> Any:
    return c.AF.DataRequestExt.Req(
        DstAddrModeAddress=address,
        DstEndpoint=1,
        DstPanId=pan_id,
        SrcEndpoint=1,
        ClusterId=0x0006,
        TSN=0x33,
        Options=options,
        Radius=30,
        Data=b"\x01\x33\x02",
    )


def _ieee(nwk: int) -> t.AddrModeAddress:
    return t.AddrModeAddress(mode=t.AddrMode.IEEE, address=t.EUI64(node(nwk).node.ieee))


def _nwk(nwk: int) -> t.AddrModeAddress:
    return t.AddrModeAddress(mode=t.AddrMode.NWK, address=t.NWK(nwk))


@pytest.mark.parametrize(
    ("request_", "confirm", "profile"),
    [
        pytest.param(_ext_request(_ieee(0x1001)), t.Status.SUCCESS, 0x0104, id="by IEEE"),
        pytest.param(_ext_request(_ieee(0x7777)), t.Status.MAC_NO_ACK, None, id="unknown IEEE"),
        pytest.param(_ext_request(_nwk(0x1001), pan_id=0xFFFF), None, None, id="inter-PAN"),
        pytest.param(_ext_request(_nwk(0x0000)), t.Status.SUCCESS, None, id="to ourselves"),
        pytest.param(
            _ext_request(_nwk(0x1001), options=c.af.TransmitOptions.WILDCARD_PROFILEID),
            t.Status.SUCCESS,
            0xFFFF,
            id="wildcard profile",
        ),
    ],
)
def test_data_request_destinations(
    emu: ZStackEmulator, running: MtHost, request_: Any, confirm: Any, profile: int | None
) -> None:
    device = node(0x1001)
    emu.add_device(device)
    srsp, *callbacks = running.request(request_)
    assert srsp.Status == t.Status.SUCCESS
    expected = (
        [] if confirm is None else [c.AF.DataConfirm.Callback(Status=confirm, Endpoint=1, TSN=0x33)]
    )
    assert callbacks == expected
    assert [frame.profile for frame in device.received] == ([] if profile is None else [profile])
    if profile is not None:
        assert device.received[0].dst == 0x1001


async def test_a_crashing_device_does_not_break_the_coordinator(
    emu: ZStackEmulator, running: MtHost, caplog: pytest.LogCaptureFixture
) -> None:
    device = node(0x1001)
    device.broken = True
    emu.add_device(device)
    with caplog.at_level(logging.ERROR):
        _srsp, confirm = running.request(_ext_request(_nwk(0x1001)))
    assert confirm.Status == t.Status.SUCCESS
    assert len(device.received) == 1
    assert "Simulated device 0x1001 failed" in caplog.text
    assert [type(a) for a in running.write(PING)] == [c.SYS.Ping.Rsp]


async def test_broadcast_before_formation_uses_no_frame_counter(
    emu: ZStackEmulator, host: MtHost
) -> None:
    device = node(0x1001)
    emu.add_device(device)
    address = t.AddrModeAddress(mode=t.AddrMode.Broadcast, address=t.NWK(0xFFFF))
    host.request(_ext_request(address))
    assert len(device.received) == 1
    assert device.received[0].dst_mode == AddressMode.BROADCAST
    assert all(row[:4] == bytes(4) for row in emu.nvram.table(NWK_SEC_MATERIAL_TABLE))


# ----------------------------------------------------------------- ZDO requests


def _permit(dst: int, duration: int, mode: t.AddrMode = t.AddrMode.NWK) -> Any:
    return c.ZDO.MgmtPermitJoinReq.Req(AddrMode=mode, Dst=dst, Duration=duration, TCSignificance=1)


@pytest.mark.parametrize(
    ("on_air", "status"), [(True, t.ZDOStatus.SUCCESS), (False, t.ZDOStatus.TIMEOUT)]
)
async def test_permit_join_on_a_router(
    emu: ZStackEmulator, running: MtHost, on_air: bool, status: Any
) -> None:
    if on_air:
        emu.add_device(node(ROUTER))
    srsp, answer = running.request(_permit(ROUTER, 60))
    assert srsp.Status == t.Status.SUCCESS
    assert answer == c.ZDO.MgmtPermitJoinRsp.Callback(Src=ROUTER, Status=status)
    assert not emu.permit_join_open  # the router opens, not the coordinator


async def test_permit_join_forever_and_a_failing_listener(
    emu: ZStackEmulator, running: MtHost, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    def broken(duration: int) -> None:
        raise RuntimeError("listener bug")

    emu.add_permit_join_listener(broken)
    emu.add_permit_join_listener(calls.append)
    # 0xFF is the historical "until told otherwise": open, and no timer to close it.
    running.request(_permit(0xFFFC, 0xFF, t.AddrMode.Broadcast))
    assert emu.permit_join_open
    assert calls == [0xFF]
    assert "Permit join listener failed" in caplog.text
    running.request(_permit(0x0000, 0))
    assert not emu.permit_join_open
    assert calls == [0xFF, 0]


async def _joined(emu: ZStackEmulator, host: MtHost, device: Any) -> list[Any]:
    await emu.join(device)
    return host.read()


def _leave_req(dst: int, ieee: bytes, options: c.zdo.LeaveOptions) -> Any:
    return c.ZDO.MgmtLeaveReq.Req(DstAddr=dst, IEEE=t.EUI64(ieee), RemoveChildren_Rejoin=options)


@pytest.mark.parametrize(
    ("dst", "ieee", "options", "answered", "left"),
    [
        pytest.param(0x1001, None, c.zdo.LeaveOptions.NONE, True, True, id="leave"),
        pytest.param(0x1001, None, c.zdo.LeaveOptions.Rejoin, True, False, id="rejoin"),
        pytest.param(0x1001, bytes(8), c.zdo.LeaveOptions(0), True, True, id="by NWK only"),
        pytest.param(0x7777, b"\x77" * 8, c.zdo.LeaveOptions(0), False, False, id="unknown"),
        pytest.param(0x0000, bytes(8), c.zdo.LeaveOptions(0), False, False, id="coordinator"),
    ],
)
async def test_mgmt_leave_request(
    emu: ZStackEmulator,
    running: MtHost,
    *,
    dst: int,
    ieee: bytes | None,
    options: Any,
    answered: bool,
    left: bool,
) -> None:
    device = node(0x1001)
    await _joined(emu, running, device)
    srsp, *callbacks = running.request(_leave_req(dst, ieee or device.node.ieee, options))
    assert srsp.Status == t.Status.SUCCESS
    kinds = [type(callback) for callback in callbacks]
    expected: list[type] = [c.ZDO.MgmtLeaveRsp.Callback] if answered else []
    if left:
        expected.append(c.ZDO.LeaveInd.Callback)
    assert kinds == expected
    assert emu.is_joined(device.node.ieee) is not left


def _nib(emu: ZStackEmulator) -> Any:
    raw = emu.nvram.osal(OsalNvIds.NIB)
    assert raw is not None
    return t.NIB.deserialize(raw, align=True)[0]


@pytest.mark.parametrize(
    ("dst", "channels", "duration"),
    [
        pytest.param(0x1001, [15], 0xFE, id="for another device"),
        pytest.param(0x0000, [], 0xFE, id="no channel"),
        pytest.param(0x0000, [15], 0xFF, id="channel mask update"),
        pytest.param(0x0000, [15], 0x06, id="scan too long"),
    ],
)
def test_nwk_update_requests_that_change_nothing(
    emu: ZStackEmulator, running: MtHost, dst: int, channels: list[int], duration: int
) -> None:
    before = _nib(emu)
    request = c.ZDO.MgmtNWKUpdateReq.Req(
        Dst=dst,
        DstAddrMode=t.AddrMode.NWK,
        Channels=t.Channels.from_channel_list(channels),
        ScanDuration=duration,
        ScanCount=1,
        NwkManagerAddr=0x0000,
    )
    assert _statuses(running.request(request)) == [t.Status.SUCCESS]
    assert _nib(emu) == before


def _zdo_to_coordinator(cluster: int, data: bytes) -> Any:
    return c.AF.DataRequestExt.Req(
        DstAddrModeAddress=_nwk(0x0000),
        DstEndpoint=0,
        DstPanId=0x0000,
        SrcEndpoint=0,
        ClusterId=cluster,
        TSN=0x44,
        Options=NO_OPTIONS,
        Radius=30,
        Data=data,
    )


def test_zdo_channel_change_sent_to_the_coordinator(emu: ZStackEmulator, running: MtHost) -> None:
    change = b"\x44" + struct.pack("<IBB", 1 << 20, 0xFE, 7)  # channel 20, update id 7
    # Acted on, never answered (no MsgCbIncoming, and ZDO frames get no DataConfirm).
    assert _statuses(running.request(_zdo_to_coordinator(0x0038, change))) == [t.Status.SUCCESS]
    nib = _nib(emu)
    assert nib.nwkLogicalChannel == 20
    assert nib.nwkUpdateId == 7
    # An empty ZDO frame is dropped.
    assert _statuses(running.request(_zdo_to_coordinator(0x0005, b""))) == [t.Status.SUCCESS]


# ----------------------------------------------------------------- frames from devices


@pytest.mark.parametrize(
    ("kind", "capability"),
    [
        pytest.param({"router": True}, 0x8E, id="router"),
        pytest.param({"router": False, "rx_on": True}, 0x8C, id="mains end device"),
        pytest.param(
            {"router": False, "rx_on": True, "mains_powered": False}, 0x88, id="rx-on battery"
        ),
        pytest.param({"router": False, "rx_on": False}, 0x80, id="sleepy"),
    ],
)
async def test_announce_carries_mac_capabilities(
    emu: ZStackEmulator, running: MtHost, kind: dict[str, Any], capability: int
) -> None:
    answers = await _joined(emu, running, node(0x1001, **kind))
    (announce,) = [a for a in answers if isinstance(a, c.ZDO.MsgCbIncoming.Callback)]
    assert announce.ClusterId == 0x0013
    assert announce.Data[-1] == capability


async def test_device_behind_a_router(emu: ZStackEmulator, running: MtHost) -> None:
    emu.add_device(node(ROUTER))
    child = node(0x1001, router=False, parent=ROUTER)
    answers = await _joined(emu, running, child)
    assert answers[:2] == [
        c.ZDO.TCDevInd.Callback(SrcNwk=0x1001, SrcIEEE=t.EUI64(child.node.ieee), ParentNwk=ROUTER),
        c.ZDO.SrcRtgInd.Callback(DstAddr=0x1001, Relays=[ROUTER]),
    ]
    emu.transmit(ApsFrame(0x1001, 1, 0x0000, 1, 0x0006, 0x0104, b"\x18\x01\x0a\x00\x00\x10\x01"))
    (message,) = running.read()
    assert message.SrcAddr == 0x1001
    assert message.MacSrcAddr == ROUTER  # the last hop


async def test_frames_nobody_receives(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(0x1001)
    emu.add_device(device)
    report = b"\x18\x01\x0a\x00\x00\x10\x01"
    # A unicast to an address nobody has is lost on the air.
    emu.transmit(ApsFrame(0x1001, 1, 0x5555, 1, 0x0006, 0x0104, report))
    assert running.read() == []
    assert device.received == []
    # Frames for the host while it is away are dropped (and counted).
    running.disconnect()
    emu.transmit(ApsFrame(0x1001, 1, 0x0000, 1, 0x0006, 0x0104, report))
    emu.transmit(ApsFrame(0x1001, 0, 0x0000, 0, 0x8005, 0x0000, b"\x01\x00\x01\x10\x00"))
    assert emu.frames_dropped == 2


@pytest.mark.parametrize(
    ("options", "status", "left"),
    [
        pytest.param(0x00, 0x00, True, id="leave"),
        pytest.param(0x80, 0x00, False, id="leave and rejoin"),
        pytest.param(0x00, 0x84, False, id="refused"),
    ],
)
async def test_leave_follows_the_devices_answer(
    emu: ZStackEmulator, running: MtHost, options: int, status: int, left: bool
) -> None:
    device = node(0x1001)
    await _joined(emu, running, device)
    leave = bytes([0x05]) + device.node.ieee + bytes([options])
    request = _zdo_to_coordinator(0x0034, leave)
    request = request.replace(DstAddrModeAddress=_nwk(0x1001))
    running.request(request)
    assert device.received[-1].cluster == 0x0034
    emu.transmit(ApsFrame(0x1001, 0, 0x0000, 0, 0x8034, 0x0000, bytes([0x05, status])))
    await asyncio.sleep(0)
    assert emu.is_joined(device.node.ieee) is not left


async def test_join_with_a_full_address_manager(emu: ZStackEmulator, running: MtHost) -> None:
    for index in range(257):
        assert emu.nvram.record_join(
            index.to_bytes(2, "little") + b"\x01" * 6, 0x2000 + index, child=False
        )
    with pytest.raises(RuntimeError, match="address manager table is full"):
        await emu.join(node(0x1001))


def test_hardware_ieee_is_kept_per_state_dir(
    tmp_path: pathlib.Path, caplog: pytest.LogCaptureFixture
) -> None:
    ieee = bytes.fromhex("0102030405") + b"\x4b\x12\x00"
    assert ZStackEmulator(tmp_path, ieee=ieee).hardware_ieee == ieee
    assert ZStackEmulator(tmp_path).hardware_ieee == ieee
    with pytest.raises(ValueError, match="8 bytes"):
        ZStackEmulator(tmp_path, ieee=b"\x01\x02")

    (tmp_path / "hardware.json").write_text('{"ieee": 12}')
    replaced = ZStackEmulator(tmp_path).hardware_ieee
    assert replaced != ieee
    assert replaced.endswith(b"\x4b\x12\x00")
    assert "Ignoring unreadable" in caplog.text
    assert ZStackEmulator(tmp_path).hardware_ieee == replaced
