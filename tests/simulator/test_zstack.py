"""The Z-Stack emulator, driven by the real zigpy-znp ControllerApplication over TCP."""

from __future__ import annotations

import asyncio
import json
import pathlib
import struct
import time
from typing import Any

import pytest
import zigpy.exceptions
import zigpy.types as zt
import zigpy.zdo.types as zdo_t
from zigpy_znp.api import ZNP
import zigpy_znp.commands as c
import zigpy_znp.config as znp_conf
from zigpy_znp.exceptions import CommandNotRecognized
import zigpy_znp.types as t
from zigpy_znp.types.nvids import ExNvIds, OsalNvIds
from zigpy_znp.zigbee.application import ControllerApplication

from custom_components.aqara_zigbee.simulator.air import (
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
    DeliveryStatus,
    NodeInfo,
    Transmit,
)
from custom_components.aqara_zigbee.simulator.nvram import NvRam
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator

from .conftest import AppFactory

WELL_KNOWN_KEY = bytes.fromhex("01030507090b0d0f00020406080a0c0d")
DEVICE_IEEE = bytes.fromhex("0102030405158d00")  # 00:8d:15:05:04:03:02:01 (Lumi OUI)
DEVICE_NWK = 0x1A2B
EVENT_TIMEOUT = 5.0


class FakeLumiPlug:
    """A tiny router: answers the interview and a few ZCL requests, sends reports."""

    def __init__(self, transmit: Transmit, *, ieee: bytes = DEVICE_IEEE, nwk: int = DEVICE_NWK):
        self._transmit = transmit
        self._node = NodeInfo(ieee=ieee, nwk=nwk, rx_on_when_idle=True, is_router=True)
        self.received: list[ApsFrame] = []
        self.on = False

    @property
    def node(self) -> NodeInfo:
        return self._node

    def receive(self, frame: ApsFrame) -> None:
        self.received.append(frame)
        if frame.profile == ZDO_PROFILE:
            self._zdo(frame)
        elif frame.dst_mode == AddressMode.NWK:
            self._zcl(frame)
        elif frame.cluster == 0x0006 and frame.payload[0] & 0x03 == 0x01:
            self.on = frame.payload[2] == 0x01

    def send_on_off_report(self) -> None:
        report = bytes([0x18, 0x42, 0x0A]) + struct.pack("<HBB", 0x0000, 0x10, int(self.on))
        self._send(src_ep=1, dst_ep=1, cluster=0x0006, profile=0x0104, payload=report)

    def _send(
        self, *, src_ep: int, dst_ep: int, cluster: int, profile: int, payload: bytes
    ) -> None:
        self._transmit(
            ApsFrame(
                src_nwk=self._node.nwk,
                src_ep=src_ep,
                dst=0x0000,
                dst_ep=dst_ep,
                cluster=cluster,
                profile=profile,
                payload=payload,
                lqi=200,
            )
        )

    def _zdo(self, frame: ApsFrame) -> None:
        tsn, nwk = frame.payload[0], struct.pack("<H", self._node.nwk)
        answers = {
            0x0002: (  # Node_Desc_req: router, mains powered, Lumi manufacturer code
                b"\x00"
                + nwk
                + bytes([0x01, 0x40, 0x8E])
                + struct.pack("<HBHHHB", 0x115F, 0x52, 100, 0x2C00, 100, 0)
            ),
            0x0005: b"\x00" + nwk + b"\x01\x01",  # Active_EP_req: endpoint 1
            0x0004: (  # Simple_Desc_req: HA smart plug with Basic + On/Off
                b"\x00"
                + nwk
                + bytes([12, 1])
                + struct.pack("<HHB", 0x0104, 0x0051, 1)
                + b"\x02"
                + struct.pack("<HH", 0x0000, 0x0006)
                + b"\x01"
                + struct.pack("<H", 0x000A)
            ),
            0x0034: b"\x00",  # Mgmt_Leave_req: accepted
        }
        answer = answers.get(frame.cluster)
        if answer is not None and frame.dst_mode == AddressMode.NWK:
            self._send(
                src_ep=0,
                dst_ep=0,
                cluster=frame.cluster | 0x8000,
                profile=0,
                payload=bytes([tsn]) + answer,
            )

    def _zcl(self, frame: ApsFrame) -> None:
        control, tsn, command = frame.payload[0], frame.payload[1], frame.payload[2]
        if control & 0x03 == 0x00 and command == 0x00:  # Read Attributes
            attributes = struct.unpack(f"<{(len(frame.payload) - 3) // 2}H", frame.payload[3:])
            records = b"".join(self._attribute(frame.cluster, attr) for attr in attributes)
            payload = bytes([0x18, tsn, 0x01]) + records  # server->client, no default rsp
        elif control & 0x03 == 0x01 and frame.cluster == 0x0006:  # On/Off commands
            self.on = command == 0x01
            payload = bytes([0x18, tsn, 0x0B, command, 0x00])  # Default Response SUCCESS
        else:
            return
        self._send(
            src_ep=frame.dst_ep,
            dst_ep=frame.src_ep,
            cluster=frame.cluster,
            profile=frame.profile,
            payload=payload,
        )

    def _attribute(self, cluster: int, attribute: int) -> bytes:
        strings = {(0x0000, 0x0004): b"LUMI", (0x0000, 0x0005): b"lumi.plug.sim"}
        value = strings.get((cluster, attribute))
        if value is not None:
            return struct.pack("<HBB", attribute, 0x00, 0x42) + bytes([len(value)]) + value
        if (cluster, attribute) == (0x0006, 0x0000):
            return struct.pack("<HBBB", attribute, 0x00, 0x10, int(self.on))
        return struct.pack("<HB", attribute, 0x86)  # UNSUPPORTED_ATTRIBUTE


class AppEvents:
    """zigpy application listener that turns callbacks into awaitable events."""

    def __init__(self) -> None:
        self.events: dict[str, asyncio.Event] = {}
        self.args: dict[str, tuple[Any, ...]] = {}

    def _record(self, name: str, *args: Any) -> None:
        self.args[name] = args
        self.events.setdefault(name, asyncio.Event()).set()

    def device_initialized(self, device: Any) -> None:
        self._record("device_initialized", device)

    def device_left(self, device: Any) -> None:
        self._record("device_left", device)

    def connection_lost(self, exc: Exception) -> None:
        self._record("connection_lost", exc)

    async def wait(self, name: str) -> tuple[Any, ...]:
        async with asyncio.timeout(EVENT_TIMEOUT):
            await self.events.setdefault(name, asyncio.Event()).wait()
        return self.args[name]


def _nv(emu: ZStackEmulator, nvid: int) -> bytes:
    value = emu.nvram.osal(nvid)
    assert value is not None
    return value


async def _join_and_interview(
    emu: ZStackEmulator, app: ControllerApplication
) -> tuple[FakeLumiPlug, Any]:
    events = AppEvents()
    app.add_listener(events)
    plug = FakeLumiPlug(emu.transmit)
    await app.permit(60)
    await emu.join(plug)
    (device,) = await events.wait("device_initialized")
    return plug, device


@pytest.mark.blank_nvram
async def test_form_from_blank_nvram(emulator: ZStackEmulator, make_app: AppFactory) -> None:
    started = time.perf_counter()
    app = await make_app(emulator)
    print(f"\nform from blank NVRAM: {time.perf_counter() - started:.3f} s")

    info = app.state.network_info
    key = bytes(info.network_key.key.serialize())
    assert key not in (WELL_KNOWN_KEY, bytes(16))
    assert info.pan_id not in (0x0000, 0xFFFE, 0xFFFF)
    assert bytes(info.extended_pan_id.serialize()) not in (bytes(8), b"\xff" * 8)
    assert 11 <= info.channel <= 26

    # zigpy's view is what the emulator's NVRAM holds.
    key_desc, _ = t.NwkKeyDesc.deserialize(_nv(emulator, OsalNvIds.NWK_ACTIVE_KEY_INFO), align=True)
    assert bytes(key_desc.Key.serialize()) == key
    assert _nv(emulator, OsalNvIds.BDBNODEISONANETWORK) == b"\x01"
    assert bytes(app.state.node_info.ieee.serialize()) == emulator.hardware_ieee
    assert emulator.hardware_ieee.endswith(b"\x4b\x12\x00")  # TI OUI 00:12:4B

    # An in-memory emulator forms an unrelated network.
    other = ZStackEmulator(None)
    await other.start()
    try:
        other_app = await make_app(other, database=None)
        other_key = other_app.state.network_info.network_key.key
        assert other_key != info.network_key.key
        assert other.hardware_ieee != emulator.hardware_ieee
    finally:
        await make_app.shutdown_all()
        await other.stop()


async def test_restart_keeps_network(tmp_path: pathlib.Path, make_app: AppFactory) -> None:
    emu = ZStackEmulator(tmp_path / "coordinator")
    await emu.start()
    app = await make_app(emu)
    before = app.state.network_info
    ieee = app.state.node_info.ieee
    await make_app.shutdown(app)
    await emu.stop()

    started = time.perf_counter()
    emu = ZStackEmulator(tmp_path / "coordinator")
    await emu.start()
    app = await make_app(emu, auto_form=False)
    print(f"\nrestart from saved state: {time.perf_counter() - started:.3f} s")
    try:
        after = app.state.network_info
        assert app.state.node_info.ieee == ieee
        assert after.pan_id == before.pan_id
        assert after.extended_pan_id == before.extended_pan_id
        assert after.network_key.key == before.network_key.key
        assert after.channel == before.channel
        assert after.stack_specific == before.stack_specific  # TC link key seed
        assert after.network_key.tx_counter >= before.network_key.tx_counter
    finally:
        await make_app.shutdown_all()
        await emu.stop()


async def test_permit_join_notifies_listeners(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    plug = FakeLumiPlug(emulator.transmit)
    emulator.add_device(plug)
    calls: list[int] = []
    unsubscribe = emulator.add_permit_join_listener(calls.append)
    assert not emulator.permit_join_open

    await app.permit(60)
    assert emulator.permit_join_open
    assert calls == [60]
    # Routers on the air get zigpy's Mgmt_Permit_Joining_req broadcast.
    permit = [f for f in plug.received if f.cluster == zdo_t.ZDOCmd.Mgmt_Permit_Joining_req]
    assert permit
    assert permit[0].dst_mode == AddressMode.BROADCAST

    await app.permit(0)
    assert not emulator.permit_join_open
    assert calls == [60, 0]

    # The permit window closes by itself when its duration runs out.
    closed = asyncio.Event()

    def on_permit(duration: int) -> None:
        if duration == 0:
            closed.set()

    stop_watching = emulator.add_permit_join_listener(on_permit)
    await app.permit(1)
    assert emulator.permit_join_open
    async with asyncio.timeout(EVENT_TIMEOUT):
        await closed.wait()
    assert not emulator.permit_join_open
    stop_watching()

    unsubscribe()
    await app.permit(10)
    assert calls == [60, 0, 1, 0]
    await app.permit(0)


async def test_device_joins_and_is_interviewed(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    plug, device = await _join_and_interview(emulator, app)

    assert device.nwk == DEVICE_NWK
    assert bytes(device.ieee.serialize()) == DEVICE_IEEE
    assert device.manufacturer == "LUMI"
    assert device.model == "lumi.plug.sim"
    assert device.node_desc.manufacturer_code == 0x115F
    assert 1 in device.endpoints
    assert emulator.is_joined(DEVICE_IEEE)
    assert emulator.joined_devices() == {DEVICE_IEEE: DEVICE_NWK}
    # Routing needs no help: every ZDO request was preceded by a route check.
    assert plug.received


async def test_zcl_round_trips(emulator: ZStackEmulator, app: ControllerApplication) -> None:
    plug, device = await _join_and_interview(emulator, app)
    on_off = device.endpoints[1].on_off

    success, failure = await on_off.read_attributes(["on_off"])
    assert success == {"on_off": False}
    assert not failure

    await on_off.on()
    assert plug.on
    success, _ = await on_off.read_attributes(["on_off"], allow_cache=False)
    assert success == {"on_off": True}

    # A report from the device reaches zigpy as AF.IncomingMsg.
    reported = asyncio.Event()

    def on_report(event: Any) -> None:
        if event.attribute_name == "on_off" and not event.value:
            reported.set()

    unsubscribe = on_off.on_event("attribute_report", on_report)
    plug.on = False
    plug.send_on_off_report()
    async with asyncio.timeout(EVENT_TIMEOUT):
        await reported.wait()
    unsubscribe()

    # Group-addressed frames reach every device on the air.
    group = app.groups.add_group(0x0042, "sim group")
    await group.endpoint.on_off.on()
    assert plug.on
    assert plug.received[-1].dst_mode == AddressMode.GROUP
    assert plug.received[-1].dst == 0x0042


async def test_fail_next_raises_delivery_error(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    plug, device = await _join_and_interview(emulator, app)
    on_off = device.endpoints[1].on_off
    delivered = len(plug.received)

    emulator.fail_next(DEVICE_NWK, 100, DeliveryStatus.MAC_NO_ACK)
    with pytest.raises(zigpy.exceptions.DeliveryError):
        await on_off.read_attributes(["on_off"], allow_cache=False)
    assert len(plug.received) == delivered  # failed frames never reach the device

    emulator.fail_next(DEVICE_NWK, 0, DeliveryStatus.SUCCESS)
    success, _ = await on_off.read_attributes(["on_off"], allow_cache=False)
    assert success == {"on_off": False}


async def test_drop_connection_is_noticed_and_zigpy_reconnects(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    events = AppEvents()
    app.add_listener(events)
    network = app.state.network_info

    await emulator.drop_connection()
    await events.wait("connection_lost")
    assert not emulator.connected

    # What ZHA does on connection_lost: tear down the radio and start it again.
    await app.disconnect()
    await app.startup(auto_form=False)
    assert emulator.connected
    assert app.state.network_info.network_key.key == network.network_key.key
    assert app.state.network_info.pan_id == network.pan_id
    await app.permit(0)


async def test_leave_and_remove(emulator: ZStackEmulator, app: ControllerApplication) -> None:
    plug, device = await _join_and_interview(emulator, app)
    events = AppEvents()
    app.add_listener(events)

    # The device leaves on its own.
    await emulator.leave(DEVICE_NWK)
    (left,) = await events.wait("device_left")
    assert left is device
    assert not emulator.is_joined(DEVICE_IEEE)

    # It comes back, then zigpy removes it: Mgmt_Leave_req, answer, leave indication.
    events.events.pop("device_left").clear()
    await emulator.join(plug)
    assert emulator.is_joined(DEVICE_IEEE)
    await app.remove(device.ieee)
    await events.wait("device_left")
    assert not emulator.is_joined(DEVICE_IEEE)
    assert any(f.cluster == zdo_t.ZDOCmd.Mgmt_Leave_req for f in plug.received)


async def test_backup_and_restore(
    tmp_path: pathlib.Path,
    emulator: ZStackEmulator,
    app: ControllerApplication,
    make_app: AppFactory,
) -> None:
    await _join_and_interview(emulator, app)
    backup = await app.backups.create_backup(load_devices=True)
    device_ieee = zt.EUI64(DEVICE_IEEE)
    assert backup.network_info.nwk_addresses[device_ieee] == DEVICE_NWK
    assert [key.partner_ieee for key in backup.network_info.key_table] == [device_ieee]

    # Restore onto a blank stick (another IEEE): network and joined devices come back.
    blank = ZStackEmulator(tmp_path / "replacement")
    await blank.start()
    try:
        restored = await make_app(blank, start_radio=False, database="restored.db")
        await restored.connect()
        await restored.backups.restore_backup(backup)
        await restored.initialize()

        info = restored.state.network_info
        assert info.pan_id == backup.network_info.pan_id
        assert info.extended_pan_id == backup.network_info.extended_pan_id
        assert info.network_key.key == backup.network_info.network_key.key
        assert info.channel == backup.network_info.channel
        assert info.network_key.tx_counter >= backup.network_info.network_key.tx_counter
        assert restored.state.node_info.ieee == backup.node_info.ieee
        assert blank.is_joined(DEVICE_IEEE)

        again = await restored.backups.create_backup(load_devices=True)
        assert again.network_info.key_table[0].key == backup.network_info.key_table[0].key
    finally:
        await make_app.shutdown_all()
        await blank.stop()


async def test_coordinator_answers_its_own_zdo(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    coordinator = app._device
    assert coordinator.node_desc.logical_type == zdo_t.LogicalType.Coordinator
    # zigpy registers 1 and 2, and 242 (Green Power) from zigpy 2.4 on: whatever the host
    # registered is what the coordinator's own ZDO reports
    assert {1, 2} <= emulator.registered_endpoints
    assert set(coordinator.endpoints) == {0, *emulator.registered_endpoints}

    energy = await app.energy_scan(t.Channels.ALL_CHANNELS, duration_exp=2, count=1)
    assert sorted(energy) == list(range(11, 27))

    plug = FakeLumiPlug(emulator.transmit)
    await emulator.join(plug)
    status, neighbors = await coordinator.zdo.Mgmt_Lqi_req(0)
    assert status == zdo_t.Status.SUCCESS
    assert [n.nwk for n in neighbors.NeighborTableList] == [DEVICE_NWK]

    # A device's own ZDO query to the coordinator is answered by the "firmware".
    plug.received.clear()
    emulator.transmit(
        ApsFrame(
            src_nwk=DEVICE_NWK,
            src_ep=0,
            dst=0,
            dst_ep=0,
            cluster=0x0001,
            profile=0,
            payload=b"\x07\x00\x00\x00\x00",
        )
    )
    (reply,) = plug.received
    assert reply.cluster == zdo_t.ZDOCmd.IEEE_addr_rsp
    assert reply.payload[:2] == b"\x07\x00"
    assert reply.payload[2:10] == emulator.hardware_ieee


async def test_less_common_mt_commands(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    znp = app._znp
    plug = FakeLumiPlug(emulator.transmit)
    await emulator.join(plug)
    events = AppEvents()
    app.add_listener(events)

    info = await znp.request(c.UTIL.GetDeviceInfo.Req())
    assert app.state.node_info.ieee == info.IEEE
    assert info.NWK == 0x0000
    assert info.DeviceState == t.DeviceState.StartedAsCoordinator
    assert DEVICE_NWK in info.AssociatedDevices
    assoc = await znp.request(c.UTIL.AssocGetWithAddress.Req(IEEE=zt.EUI64(DEVICE_IEEE), NWK=0))
    assert assoc.Device.shortAddr == DEVICE_NWK
    assert assoc.Device.nodeRelation == c.util.NodeRelation.CHILD_FFD_RX_IDLE
    assert (await znp.request(c.SYS.GetExtAddr.Req())).ExtAddr == app.state.node_info.ieee

    # The legacy and source-routed data requests reach the device too.
    options = c.af.TransmitOptions.ACK_REQUEST
    await znp.request(
        c.AF.DataRequest.Req(
            DstAddr=DEVICE_NWK,
            DstEndpoint=1,
            SrcEndpoint=1,
            ClusterId=0x0006,
            TSN=0x55,
            Options=options,
            Radius=30,
            Data=b"\x01\x55\x01",
        ),
        RspStatus=t.Status.SUCCESS,
    )
    assert plug.on
    await znp.request(
        c.AF.DataRequestSrcRtg.Req(
            DstAddr=DEVICE_NWK,
            DstEndpoint=1,
            SrcEndpoint=1,
            ClusterId=0x0006,
            TSN=0x56,
            Options=options,
            Radius=30,
            SourceRoute=[],
            Data=b"\x01\x56\x00",
        ),
        RspStatus=t.Status.SUCCESS,
    )
    assert not plug.on

    # Energy scan and channel change through the MT command.
    notify = await znp.request_callback_rsp(
        request=c.ZDO.MgmtNWKUpdateReq.Req(
            Dst=0x0000,
            DstAddrMode=t.AddrMode.NWK,
            Channels=t.Channels.ALL_CHANNELS,
            ScanDuration=2,
            ScanCount=1,
            NwkManagerAddr=0x0000,
        ),
        RspStatus=t.Status.SUCCESS,
        callback=c.ZDO.MgmtNWKUpdateNotify.Callback(partial=True),
    )
    assert len(notify.EnergyValues) == 16
    nib = await znp.nvram.osal_read(OsalNvIds.NIB, item_type=t.NIB)
    await znp.request(
        c.ZDO.MgmtNWKUpdateReq.Req(
            Dst=0x0000,
            DstAddrMode=t.AddrMode.NWK,
            Channels=t.Channels.from_channel_list([20]),
            ScanDuration=0xFE,
            ScanCount=0,
            NwkManagerAddr=0x0000,
        ),
        RspStatus=t.Status.SUCCESS,
    )
    moved = await znp.nvram.osal_read(OsalNvIds.NIB, item_type=t.NIB)
    assert moved.nwkLogicalChannel == 20
    assert moved.nwkUpdateId == nib.nwkUpdateId + 1

    # Mgmt_Leave through the MT command: the device leaves at once.
    await znp.request(
        c.ZDO.MgmtLeaveReq.Req(
            DstAddr=DEVICE_NWK,
            IEEE=zt.EUI64(DEVICE_IEEE),
            RemoveChildren_Rejoin=c.zdo.LeaveOptions.NONE,
        ),
        RspStatus=t.Status.SUCCESS,
    )
    await events.wait("device_left")
    assert not emulator.is_joined(DEVICE_IEEE)


async def test_air_routing_between_devices(
    emulator: ZStackEmulator, app: ControllerApplication
) -> None:
    switch = FakeLumiPlug(emulator.transmit, ieee=b"\x11" * 7 + b"\x00", nwk=0x1111)
    plug = FakeLumiPlug(emulator.transmit)
    await emulator.join(switch)
    await emulator.join(plug)
    assert any(f.cluster == 0x0013 for f in switch.received)  # plug's announce
    switch.received.clear()

    def send(dst: int, mode: AddressMode, cluster: int, payload: bytes, ep: int = 1) -> None:
        profile = 0x0104 if ep else 0x0000
        emulator.transmit(
            ApsFrame(
                src_nwk=0x1111,
                src_ep=ep,
                dst=dst,
                dst_ep=ep,
                cluster=cluster,
                profile=profile,
                payload=payload,
                dst_mode=mode,
            )
        )

    # Bound switch -> plug unicast and group frames never need the coordinator.
    send(DEVICE_NWK, AddressMode.NWK, 0x0006, b"\x01\x10\x01")
    assert plug.on
    send(0x0042, AddressMode.GROUP, 0x0006, b"\x01\x11\x00")
    assert not plug.on
    assert not switch.received  # a sender does not hear itself

    # OTA clients look for a server with a broadcast Match_Desc_req: we have one on ep 1.
    match_ota = b"\x21" + struct.pack("<HHBBH", 0xFFFD, 0x0104, 0, 1, 0x0019)
    send(0xFFFD, AddressMode.BROADCAST, 0x0006, match_ota, ep=0)
    (reply,) = [f for f in switch.received if f.cluster == 0x8006]
    assert reply.payload == b"\x21\x00\x00\x00\x01\x01"
    # Nobody answers a broadcast NWK_addr_req for somebody else.
    switch.received.clear()
    send(0xFFFD, AddressMode.BROADCAST, 0x0000, b"\x22" + b"\x99" * 8 + b"\x00\x00", ep=0)
    assert not [f for f in switch.received if f.cluster == 0x8000]


async def test_mt_framing_is_robust(emulator: ZStackEmulator) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", _port(emulator))
    try:
        ping = bytes([0xFE, 0x00, 0x21, 0x01, 0x20])
        bad_checksum = bytes([0xFE, 0x00, 0x21, 0x01, 0x21])
        writer.write(b"\x00garbage" + bad_checksum + ping[:2])
        await writer.drain()
        writer.write(ping[2:])
        async with asyncio.timeout(EVENT_TIMEOUT):
            raw = await reader.readexactly(7)
        # SRSP SYS_PING: the capabilities of a ZNP build (SYS AF ZDO UTIL GP APP_CNF).
        assert raw == bytes([0xFE, 0x02, 0x61, 0x01, 0x59, 0x06, 0x02 ^ 0x61 ^ 0x01 ^ 0x59 ^ 0x06])
        assert emulator.connected
    finally:
        writer.close()
        await writer.wait_closed()


def _port(emulator: ZStackEmulator) -> int:
    return int(emulator.url.rsplit(":", 1)[1])


async def test_unknown_commands_are_not_recognized(emulator: ZStackEmulator) -> None:
    # Raw MT: an SREQ the firmware does not know gets RPCError.CommandNotRecognized.
    reader, writer = await asyncio.open_connection("127.0.0.1", _port(emulator))
    try:
        bogus = bytes([0x00, 0x21, 0x7E])  # SYS SREQ, id 0x7E
        writer.write(bytes([0xFE]) + bogus + bytes([0x00 ^ 0x21 ^ 0x7E]))
        async with asyncio.timeout(EVENT_TIMEOUT):
            raw = await reader.readexactly(8)
        # SRSP of subsystem 0: error 2 (unknown command id), then the request's CMD0 CMD1.
        body = bytes([0x03, 0x60, 0x00, 0x02, 0x21, 0x7E])
        assert raw == b"\xfe" + body + bytes([0x03 ^ 0x60 ^ 0x02 ^ 0x21 ^ 0x7E])
    finally:
        writer.close()
        await writer.wait_closed()

    # Through zigpy-znp: a real command the emulator does not implement.
    znp = ZNP(
        znp_conf.CONFIG_SCHEMA(
            {"device": {"path": emulator.url}, "znp_config": {"skip_bootloader": False}}
        )
    )
    await znp.connect()
    try:
        assert znp.version == 3.30
        assert znp.nvram.align_structs
        with pytest.raises(CommandNotRecognized):
            await znp.request(c.SYS.GetTime.Req())
    finally:
        await znp.disconnect()


async def test_state_file_is_a_zigpy_znp_nvram_backup(
    tmp_path: pathlib.Path,
    emulator: ZStackEmulator,
    app: ControllerApplication,
    make_app: AppFactory,
) -> None:
    plug = FakeLumiPlug(emulator.transmit)
    await emulator.join(plug)
    await make_app.shutdown(app)
    await emulator.stop()

    data = json.loads((tmp_path / "coordinator" / "nvram.json").read_text())
    assert {"LEGACY", "ADDRMGR", "TCLK_TABLE", "NWK_SEC_MATERIAL_TABLE"} <= set(data)
    assert len(data["ADDRMGR"]) == 257
    assert data["LEGACY"]["BDBNODEISONANETWORK"] == "01"
    for name in data:
        ExNvIds[name]  # every section is a zigpy-znp NV item name
    for name in data["LEGACY"]:
        OsalNvIds[name]

    reloaded = ZStackEmulator(tmp_path / "coordinator")
    assert reloaded.is_joined(DEVICE_IEEE)
    assert reloaded.hardware_ieee == emulator.hardware_ieee


def test_nvram_semantics() -> None:
    nvram = NvRam(b"\x01\x02\x03\x04\x05\x4b\x12\x00")
    assert nvram.osal(OsalNvIds.EXTADDR) == b"\x01\x02\x03\x04\x05\x4b\x12\x00"
    assert nvram.osal(OsalNvIds.PRECFGKEY) != WELL_KNOWN_KEY
    assert not nvram.write(0, 0x9999, 0, b"\x00")  # missing items are not created by writes
    assert nvram.create(0, 0x9999, 4, b"\x01")
    assert not nvram.create(0, 0x9999, 4)
    assert nvram.get(0, 0x9999) == b"\x01\xff\xff\xff"
    assert not nvram.write(0, 0x9999, 2, b"\x00\x00\x00")  # items never grow
    assert len(nvram.table(ExNvIds.TCLK_TABLE)) == 200

    nvram.set_osal(OsalNvIds.NIB, b"\x00" * 116)
    nvram.set(ExNvIds.NWK_SEC_MATERIAL_TABLE, 0, b"\x10\x00\x00\x00" + b"\xaa" * 8)
    nvram.clear_network_state()
    assert nvram.osal(OsalNvIds.NIB) is None
    assert nvram.osal(OsalNvIds.BDBNODEISONANETWORK) == b"\x00"
    # Frame counters survive resets, as on the real stack.
    assert nvram.get(ExNvIds.NWK_SEC_MATERIAL_TABLE, 0) == b"\x10\x00\x00\x00" + b"\xaa" * 8

    nvram.delete(0, OsalNvIds.EXTADDR)
    nvram.restore_missing_defaults()
    assert nvram.osal(OsalNvIds.EXTADDR) == b"\x01\x02\x03\x04\x05\x4b\x12\x00"


async def test_per_frame_overhead(emulator: ZStackEmulator, app: ControllerApplication) -> None:
    """Informational: wall time per ZCL round trip and the emulator's share of it."""
    _plug, device = await _join_and_interview(emulator, app)
    on_off = device.endpoints[1].on_off
    rounds = 200
    busy, frames = emulator.busy_seconds, emulator.frames_in + emulator.frames_out
    started = time.perf_counter()
    for _ in range(rounds):
        await on_off.read_attributes(["on_off"], allow_cache=False)
    elapsed = time.perf_counter() - started
    frames = emulator.frames_in + emulator.frames_out - frames
    busy = emulator.busy_seconds - busy
    print(
        f"\n{rounds} ZCL reads: {elapsed / rounds * 1000:.2f} ms per round trip, "
        f"emulator {busy / frames * 1e6:.0f} us per MT frame ({frames} frames)"
    )
    assert frames >= rounds * 3  # request, SRSP, data confirm (+ the answer)
