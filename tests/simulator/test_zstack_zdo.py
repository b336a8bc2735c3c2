"""ZDO through the Z-Stack emulator's MT interface, byte by byte.

MT ZDO requests (SWRA198 section 3.12.1) put ZDP frames on the air; ZDO messages that
reach the coordinator come back to the host as the ZNP's own callbacks (section 3.12.2)
and, for the clusters a host registered, as ``ZDO_MSG_CB_INCOMING``. The expected bytes
are written out here from the specification and TI's MT sources.
"""

from __future__ import annotations

import asyncio
import struct

import pytest

from custom_components.aqara_zigbee.simulator.air import AddressMode, ApsFrame
from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator

from .mt_host import AF, ZDO, Mt, MtHost, areq, node, srsp, start_network

OK = b"\x00"
ROUTER = 0x2001
DEVICE = 0x1001
DEVICE_IEEE = node(DEVICE).node.ieee
OTHER_IEEE = node(0x3003).node.ieee
NIB_ID = 0x0021


@pytest.fixture
def emu() -> ZStackEmulator:
    return ZStackEmulator(None)


@pytest.fixture
def running(emu: ZStackEmulator) -> MtHost:
    """A host on a formed, started network (endpoint 1 registered)."""
    host = MtHost(emu)
    start_network(host)
    return host


def _register_all(host: MtHost) -> None:
    """ZDO_MSG_CB_REGISTER 0xFFFF: every response and announcement, as hosts do."""
    assert host.sreq(ZDO, 0x3E, b"\xff\xff") == [srsp(ZDO, 0x3E, OK)]


def _from_device(emu: ZStackEmulator, cluster: int, zdp: bytes, *, src: int = DEVICE) -> None:
    """A ZDO frame (sequence number 0x42) sent by a device to the coordinator."""
    emu.transmit(ApsFrame(src, 0, 0x0000, 0, cluster, 0x0000, b"\x42" + zdp))


def _msg_cb(src: int, cluster: int, zdp: bytes, *, broadcast: bool = False, seq: int = 0x42) -> Mt:
    """ZDO_MSG_CB_INCOMING: source, broadcast, cluster, security, sequence, MAC
    destination, then the ZDP payload without its sequence number."""
    mac_dst = 0xFFFF if broadcast else 0x0000
    head = struct.pack("<HBHBBH", src, int(broadcast), cluster, 0, seq, mac_dst)
    return areq(ZDO, 0xFF, head + zdp)


# ----------------------------------------------------------------- requests to devices

BIND_IEEE = OTHER_IEEE + struct.pack("<BHB", 1, 0x0006, 3) + DEVICE_IEEE + b"\x01"


@pytest.mark.parametrize(
    ("command", "request_", "dst", "cluster", "zdp"),
    [
        pytest.param(
            0x00,
            OTHER_IEEE + b"\x00\x00",
            0xFFFD,
            0x0000,
            OTHER_IEEE + b"\x00\x00",
            id="NWK_addr_req to every rx-on device",
        ),
        pytest.param(
            0x01, b"\x01\x10\x01\x00", DEVICE, 0x0001, b"\x01\x10\x01\x00", id="IEEE_addr_req"
        ),
        pytest.param(0x02, b"\x01\x10\x01\x10", DEVICE, 0x0002, b"\x01\x10", id="Node_Desc_req"),
        pytest.param(0x03, b"\x01\x10\x01\x10", DEVICE, 0x0003, b"\x01\x10", id="Power_Desc_req"),
        pytest.param(
            0x04, b"\x01\x10\x01\x10\x0b", DEVICE, 0x0004, b"\x01\x10\x0b", id="Simple_Desc_req"
        ),
        pytest.param(0x05, b"\x01\x10\x01\x10", DEVICE, 0x0005, b"\x01\x10", id="Active_EP_req"),
        pytest.param(
            0x06,
            b"\xfd\xff\xfd\xff\x04\x01\x01\x19\x00\x00",
            0xFFFD,
            0x0006,
            b"\xfd\xff\x04\x01\x01\x19\x00\x00",
            id="Match_Desc_req",
        ),
        pytest.param(0x07, b"\x01\x10\x01\x10", DEVICE, 0x0010, b"\x01\x10", id="Complex_Desc_req"),
        pytest.param(0x08, b"\x01\x10\x01\x10", DEVICE, 0x0011, b"\x01\x10", id="User_Desc_req"),
        pytest.param(0x21, b"\x01\x10" + BIND_IEEE, DEVICE, 0x0021, BIND_IEEE, id="Bind_req"),
        pytest.param(
            0x21,
            b"\x01\x10" + OTHER_IEEE + struct.pack("<BHB", 1, 6, 1) + b"\x42\x00" + bytes(7),
            DEVICE,
            0x0021,
            OTHER_IEEE + struct.pack("<BHB", 1, 6, 1) + b"\x42\x00",
            id="Bind_req to a group",
        ),
        pytest.param(0x22, b"\x01\x10" + BIND_IEEE, DEVICE, 0x0022, BIND_IEEE, id="Unbind_req"),
        pytest.param(0x31, b"\x01\x10\x03", DEVICE, 0x0031, b"\x03", id="Mgmt_Lqi_req"),
        pytest.param(0x32, b"\x01\x10\x00", DEVICE, 0x0032, b"\x00", id="Mgmt_Rtg_req"),
        pytest.param(0x33, b"\x01\x10\x00", DEVICE, 0x0033, b"\x00", id="Mgmt_Bind_req"),
        # MT's leave flags (bit 0 rejoin, bit 1 remove children) become ZDP's (bits 7, 6).
        pytest.param(
            0x34,
            b"\x01\x10" + DEVICE_IEEE + b"\x01",
            DEVICE,
            0x0034,
            DEVICE_IEEE + b"\x80",
            id="Mgmt_Leave_req and rejoin",
        ),
        pytest.param(
            0x34,
            b"\x01\x10" + DEVICE_IEEE + b"\x02",
            DEVICE,
            0x0034,
            DEVICE_IEEE + b"\x40",
            id="Mgmt_Leave_req with children",
        ),
    ],
)
def test_zdo_requests_go_on_the_air(
    emu: ZStackEmulator,
    running: MtHost,
    *,
    command: int,
    request_: bytes,
    dst: int,
    cluster: int,
    zdp: bytes,
) -> None:
    device = node(DEVICE)
    emu.add_device(device)
    assert running.sreq(ZDO, command, request_) == [srsp(ZDO, command, OK)]
    (frame,) = device.received
    assert (frame.src_nwk, frame.dst, frame.cluster, frame.profile) == (0, dst, cluster, 0)
    assert (frame.src_ep, frame.dst_ep) == (0, 0)
    expected_mode = AddressMode.BROADCAST if dst >= 0xFFF8 else AddressMode.NWK
    assert frame.dst_mode == expected_mode
    assert frame.payload[1:] == zdp


def test_requests_to_an_absent_device_are_lost(emu: ZStackEmulator, running: MtHost) -> None:
    assert running.sreq(ZDO, 0x02, b"\x77\x77\x77\x77") == [srsp(ZDO, 0x02, OK)]
    assert running.read() == []


def test_zdo_requests_answered_by_the_coordinator_itself(
    emu: ZStackEmulator, running: MtHost
) -> None:
    _register_all(running)
    own = emu.hardware_ieee
    # Active_EP_req to 0x0000: the ZNP's own ZDO answers, reported both ways.
    active = b"\x00\x00\x00\x01\x01"  # success, NWK 0x0000, one endpoint: 1
    assert running.sreq(ZDO, 0x05, b"\x00\x00\x00\x00") == [
        srsp(ZDO, 0x05, OK),
        areq(ZDO, 0x85, b"\x00\x00" + active),
        _msg_cb(0x0000, 0x8005, active, seq=emu._tsn),
    ]
    # NWK_addr_req for our own address stays local; the callback has no source address
    # and puts the start index before the device count.
    (answer, callback, _msg) = running.sreq(ZDO, 0x00, own + b"\x00\x00")
    assert answer == srsp(ZDO, 0x00, OK)
    assert callback == areq(ZDO, 0x80, OK + own + b"\x00\x00\x00\x00")
    # Node_Desc_req: a coordinator's descriptor, manufacturer code 0x0000.
    (_answer, callback, _msg) = running.sreq(ZDO, 0x02, b"\x00\x00\x00\x00")
    descriptor = bytes([0x00, 0x40, 0x8F, 0x00, 0x00, 80, 160, 0, 0x01, 0x2C, 160, 0, 0])
    assert callback == areq(ZDO, 0x82, b"\x00\x00" + OK + b"\x00\x00" + descriptor)


# ----------------------------------------------------------------- answers from devices

NODE_DESC = bytes([0x01, 0x40, 0x8E, 0x5F, 0x11, 0x52, 0x64, 0x00, 0x00, 0x2C, 0x64, 0x00, 0x00])


@pytest.mark.parametrize(
    ("cluster", "zdp", "callback"),
    [
        pytest.param(
            0x8002,
            OK + b"\x01\x10" + NODE_DESC,
            areq(ZDO, 0x82, b"\x01\x10" + OK + b"\x01\x10" + NODE_DESC),
            id="Node_Desc_rsp",
        ),
        pytest.param(
            0x8005,
            OK + b"\x01\x10\x02\x01\x02",
            areq(ZDO, 0x85, b"\x01\x10" + OK + b"\x01\x10\x02\x01\x02"),
            id="Active_EP_rsp",
        ),
        pytest.param(
            0x8004,
            OK + b"\x01\x10\x08\x01\x04\x01\x51\x00\x01\x00\x00",
            areq(ZDO, 0x84, b"\x01\x10" + OK + b"\x01\x10\x08\x01\x04\x01\x51\x00\x01\x00\x00"),
            id="Simple_Desc_rsp",
        ),
        # The firmware files a failed one under 0x0040: the source and the status only, under
        # the id 0xC0 (that of ZDO_STATE_CHANGE_IND).
        pytest.param(
            0x8004,
            b"\x83\x01\x10\x00",
            areq(ZDO, 0xC0, b"\x01\x10\x83"),
            id="failed Simple_Desc_rsp",
        ),
        pytest.param(
            0x8000,
            OK + DEVICE_IEEE + b"\x01\x10",
            areq(ZDO, 0x80, OK + DEVICE_IEEE + b"\x01\x10\x00\x00"),
            id="NWK_addr_rsp",
        ),
        pytest.param(
            0x8001,
            OK + DEVICE_IEEE + b"\x01\x10\x02\x00\x02\x20\x03\x20",
            # Start index 0, then the count 2: the other way round from ZDP.
            areq(ZDO, 0x81, OK + DEVICE_IEEE + b"\x01\x10\x00\x02\x02\x20\x03\x20"),
            id="IEEE_addr_rsp with devices",
        ),
        pytest.param(0x8001, b"\x81" + DEVICE_IEEE + b"\x01\x10", None, id="failed IEEE_addr"),
        pytest.param(0x8021, OK, areq(ZDO, 0xA1, b"\x01\x10" + OK), id="Bind_rsp"),
        pytest.param(0x8022, b"\x88", areq(ZDO, 0xA2, b"\x01\x10\x88"), id="Unbind_rsp"),
        pytest.param(
            0x8031,
            OK + b"\x00\x00\x00",
            areq(ZDO, 0xB1, b"\x01\x10" + OK + b"\x00\x00\x00"),
            id="Mgmt_Lqi_rsp",
        ),
        pytest.param(0x8034, OK, areq(ZDO, 0xB4, b"\x01\x10" + OK), id="Mgmt_Leave_rsp"),
        pytest.param(0x8036, OK, areq(ZDO, 0xB6, b"\x01\x10" + OK), id="Mgmt_Permit_Join_rsp"),
        pytest.param(
            0x8038,
            OK + struct.pack("<IHHB", 1 << 15, 1, 0, 1) + b"\x20",
            areq(ZDO, 0xB8, b"\x01\x10" + OK + struct.pack("<IHHB", 1 << 15, 1, 0, 1) + b"\x20"),
            id="Mgmt_NWK_Update_notify",
        ),
        pytest.param(
            0x0013,
            b"\x01\x10" + DEVICE_IEEE + b"\x8e",
            areq(ZDO, 0xC1, b"\x01\x10\x01\x10" + DEVICE_IEEE + b"\x8e"),
            id="Device_annce",
        ),
        pytest.param(0x0005, b"\x00\x00", None, id="a request"),
    ],
)
@pytest.mark.parametrize("registered", [False, True])
def test_zdo_messages_reach_the_host(
    emu: ZStackEmulator,
    running: MtHost,
    *,
    cluster: int,
    zdp: bytes,
    callback: Mt | None,
    registered: bool,
) -> None:
    if registered:
        _register_all(running)
    emu.add_device(node(DEVICE))
    _from_device(emu, cluster, zdp)
    answers = running.read()
    # A request to the coordinator is answered on the air, never shown to the host.
    expected = [] if callback is None else [callback]
    if registered and (cluster & 0x8000 or cluster == 0x0013):
        expected.append(_msg_cb(DEVICE, cluster, zdp))
    assert answers == expected


def test_message_callbacks_for_chosen_clusters(emu: ZStackEmulator, running: MtHost) -> None:
    emu.add_device(node(DEVICE))
    # Registering a request cluster shows the host those requests too.
    assert running.sreq(ZDO, 0x3E, b"\x05\x00") == [srsp(ZDO, 0x3E, OK)]
    _from_device(emu, 0x0005, b"\x00\x00")
    assert running.read() == [_msg_cb(DEVICE, 0x0005, b"\x00\x00")]
    assert running.sreq(ZDO, 0x3F, b"\x05\x00") == [srsp(ZDO, 0x3F, OK)]
    assert running.sreq(ZDO, 0x3F, b"\x05\x00") == [srsp(ZDO, 0x3F, b"\x01")]  # not registered
    _from_device(emu, 0x0005, b"\x00\x00")
    assert running.read() == []
    # A reset forgets every registration.
    _register_all(running)
    running.areq(0x01, 0x00, b"\x01")
    start_network(running)
    _from_device(emu, 0x8021, OK)
    assert running.read() == [areq(ZDO, 0xA1, b"\x01\x10\x00")]


@pytest.mark.parametrize(
    ("requester", "manufacturer"),
    [
        pytest.param(bytes.fromhex("0102030405158d00"), 0x0000, id="Lumi"),
        pytest.param(bytes.fromhex("01020304058ccf04"), 0x115F, id="Xiaomi OUI 04:cf:8c"),
        pytest.param(bytes.fromhex("010203040544ef54"), 0x115F, id="Xiaomi OUI 54:ef:44"),
    ],
)
def test_devices_asking_for_the_node_descriptor(
    emu: ZStackEmulator, running: MtHost, requester: bytes, manufacturer: int
) -> None:
    device = node(DEVICE)
    device.node.ieee = requester
    emu.add_device(device)
    _from_device(emu, 0x0002, b"\x00\x00")
    (reply,) = device.received
    assert (reply.dst, reply.cluster) == (DEVICE, 0x8002)
    assert reply.payload[:4] == b"\x42\x00\x00\x00"
    assert struct.unpack_from("<H", reply.payload, 7) == (manufacturer,)
    assert running.read() == []


# ----------------------------------------------------------------- permit join

PERMIT_RSP = areq(ZDO, 0xB6, b"\x00\x00" + OK)  # from the coordinator, success


def permit_ind(duration: int) -> Mt:
    """ZDO_PERMIT_JOIN_IND: the coordinator's own permit-join state changed."""
    return areq(ZDO, 0xCB, bytes([duration]))


@pytest.mark.parametrize(
    "request_",
    [
        pytest.param(b"\x0f\xfc\xff\x3c\x01", id="broadcast"),
        pytest.param(b"\x02\xfc\xff\x3c\x01", id="16-bit broadcast address"),
        pytest.param(b"\x02\x00\x00\x3c\x01", id="to the coordinator"),
        pytest.param(b"\x00\x00\x3c\x01", id="before Z-Stack 2.6 (no address mode)"),
    ],
)
async def test_permit_join_on_the_coordinator(
    emu: ZStackEmulator, running: MtHost, request_: bytes
) -> None:
    router = node(ROUTER)
    emu.add_device(router)
    calls: list[int] = []
    emu.add_permit_join_listener(calls.append)
    assert running.sreq(ZDO, 0x36, request_) == [
        srsp(ZDO, 0x36, OK),
        permit_ind(60),
        PERMIT_RSP,
    ]
    assert emu.permit_join_open
    assert calls == [60]
    broadcast = request_[-4:-2] == b"\xfc\xff"
    assert [(f.cluster, f.payload[1:]) for f in router.received] == (
        [(0x0036, b"\x3c\x01")] if broadcast else []
    )
    assert running.sreq(ZDO, 0x36, b"\x02\x00\x00\x00\x01") == [
        srsp(ZDO, 0x36, OK),
        permit_ind(0),
        PERMIT_RSP,
    ]
    assert not emu.permit_join_open
    assert calls == [60, 0]
    # Closing what is already closed changes nothing, so nothing is indicated.
    assert running.sreq(ZDO, 0x36, b"\x02\x00\x00\x00\x01") == [srsp(ZDO, 0x36, OK), PERMIT_RSP]


async def test_a_permit_forever_is_capped(
    emu: ZStackEmulator, running: MtHost, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    def broken(duration: int) -> None:
        raise RuntimeError("listener bug")

    emu.add_permit_join_listener(broken)
    emu.add_permit_join_listener(calls.append)
    # 0xFF once meant "until told otherwise"; Zigbee R21 caps it at 254 seconds.
    running.sreq(ZDO, 0x36, b"\x0f\xfc\xff\xff\x01")
    assert emu.permit_join_open
    assert calls == [254]
    timer = emu._permit_timer
    assert timer is not None
    assert timer.when() - asyncio.get_running_loop().time() <= 254
    assert "Permit join listener failed" in caplog.text
    running.read()
    timer._run()  # the firmware's permit timer expires: the host is told
    assert running.read() == [permit_ind(0)]
    assert not emu.permit_join_open
    assert calls == [254, 0]


@pytest.mark.parametrize("on_air", [True, False])
async def test_permit_join_on_a_router(emu: ZStackEmulator, running: MtHost, on_air: bool) -> None:
    router = node(ROUTER)
    if on_air:
        emu.add_device(router)
    assert running.sreq(ZDO, 0x36, b"\x02\x01\x20\x3c\x00") == [srsp(ZDO, 0x36, OK)]
    assert [(f.dst, f.cluster, f.payload[1:]) for f in router.received] == (
        [(ROUTER, 0x0036, b"\x3c\x00")] if on_air else []
    )
    # Koenkk's firmware lets the trust center admit whoever joins through that router.
    assert emu.permit_join_open
    if on_air:  # the router's own answer comes back from the air
        _from_device(emu, 0x8036, OK, src=ROUTER)
        assert running.read() == [areq(ZDO, 0xB6, b"\x01\x20" + OK)]
    # A router's permit is not the coordinator's own: no ZDO_PERMIT_JOIN_IND either way.
    assert permit_ind(60) not in running.read()
    closed = running.sreq(ZDO, 0x36, b"\x02\x00\x00\x00\x01")
    assert not emu.permit_join_open
    assert permit_ind(0) not in closed


# ----------------------------------------------------------------- leave


async def _joined(emu: ZStackEmulator, host: MtHost, device: object) -> list[Mt]:
    await emu.join(device)  # type: ignore[arg-type]
    return host.read()


@pytest.mark.parametrize(
    ("dst", "ieee", "flags", "answer", "left"),
    [
        pytest.param(DEVICE, DEVICE_IEEE, 0x00, OK, True, id="leave"),
        pytest.param(DEVICE, DEVICE_IEEE, 0x01, OK, False, id="leave and rejoin"),
        pytest.param(DEVICE, bytes(8), 0x00, OK, True, id="by NWK only"),
        pytest.param(DEVICE, DEVICE_IEEE, 0x00, b"\x84", False, id="refused"),
    ],
)
async def test_mgmt_leave_request(
    emu: ZStackEmulator,
    running: MtHost,
    *,
    dst: int,
    ieee: bytes,
    flags: int,
    answer: bytes,
    left: bool,
) -> None:
    device = node(DEVICE)
    await _joined(emu, running, device)
    request_ = struct.pack("<H", dst) + ieee + bytes([flags])
    assert running.sreq(ZDO, 0x34, request_) == [srsp(ZDO, 0x34, OK)]
    assert device.received[-1].cluster == 0x0034
    tsn = device.received[-1].payload[0]
    emu.transmit(ApsFrame(DEVICE, 0, 0x0000, 0, 0x8034, 0x0000, bytes([tsn]) + answer))
    await asyncio.sleep(0)  # the device is gone once its answer is out
    expected = [areq(ZDO, 0xB4, b"\x01\x10" + answer)]
    if left:
        # ZDO_LEAVE_IND: short and IEEE address, request, remove children, rejoin.
        expected.append(areq(ZDO, 0xC9, b"\x01\x10" + DEVICE_IEEE + b"\x00\x00\x00"))
    assert running.read() == expected
    assert emu.is_joined(DEVICE_IEEE) is not left


async def test_leave_requests_nobody_answers(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(DEVICE)
    await _joined(emu, running, device)
    unknown = b"\x77\x77" + b"\x77" * 8 + b"\x00"
    assert running.sreq(ZDO, 0x34, unknown) == [srsp(ZDO, 0x34, OK)]
    # The coordinator does not leave its own network.
    own = b"\x00\x00" + bytes(8) + b"\x00"
    assert running.sreq(ZDO, 0x34, own) == [
        srsp(ZDO, 0x34, OK),
        areq(ZDO, 0xB4, b"\x00\x00\x84"),
    ]
    assert emu.is_joined(DEVICE_IEEE)


async def test_leave_follows_the_devices_answer_to_an_af_request(
    emu: ZStackEmulator, running: MtHost
) -> None:
    """zigpy-znp sends ZDO requests as AF frames to endpoint 0."""
    device = node(DEVICE)
    await _joined(emu, running, device)
    leave = b"\x05" + DEVICE_IEEE + b"\x00"
    request_ = (
        b"\x02"
        + struct.pack("<H", DEVICE).ljust(8, b"\x00")
        + struct.pack("<BHBHBBB", 0, 0, 0, 0x0034, 0x05, 0, 30)
        + struct.pack("<H", len(leave))
        + leave
    )
    assert running.sreq(AF, 0x02, request_) == [srsp(AF, 0x02, OK)]  # no AF confirm for ZDO
    emu.transmit(ApsFrame(DEVICE, 0, 0x0000, 0, 0x8034, 0x0000, b"\x05\x00"))
    await asyncio.sleep(0)
    assert not emu.is_joined(DEVICE_IEEE)


# ----------------------------------------------------------------- network update


def _nib(emu: ZStackEmulator) -> tuple[int, int]:
    """(logical channel, update id) from the NIB (offsets 24 and 114 on the CC2652)."""
    raw = emu.nvram.osal(NIB_ID)
    assert raw is not None
    return raw[24], raw[114]


def _nwk_update(dst: int, mode: int, channels: int, duration: int, count: int = 1) -> bytes:
    """ZDO_MGMT_NWK_UPDATE_REQ: destination, mode, channels, duration, count, manager."""
    return struct.pack("<HBIBBH", dst, mode, channels, duration, count, 0x0000)


def test_energy_scan_of_the_coordinator(emu: ZStackEmulator, running: MtHost) -> None:
    channels = 0x07FFF800  # 11-26
    answers = running.sreq(ZDO, 0x37, _nwk_update(0x0000, 2, channels, 2))
    assert answers[0] == srsp(ZDO, 0x37, OK)
    # Mgmt_NWK_Update_notify from 0x0000: status, channels, transmissions, failures, then
    # one energy value per channel.
    (notify,) = answers[1:]
    assert (notify.cmd0, notify.cmd1) == (0x45, 0xB8)
    assert notify.data[:12] == b"\x00\x00" + OK + struct.pack("<IHHB", channels, 16, 0, 16)
    assert len(notify.data) == 12 + 16


def test_channel_change_broadcast(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(DEVICE)
    emu.add_device(device)
    channel, update_id = _nib(emu)
    assert running.sreq(ZDO, 0x37, _nwk_update(0xFFFF, 15, 1 << 20, 0xFE)) == [srsp(ZDO, 0x37, OK)]
    (frame,) = device.received
    assert frame.dst_mode == AddressMode.BROADCAST
    assert frame.payload[1:] == struct.pack("<IBB", 1 << 20, 0xFE, update_id + 1)
    assert _nib(emu) == (20, update_id + 1)
    assert channel != 20


@pytest.mark.parametrize(
    ("dst", "channels", "duration", "zdp"),
    [
        pytest.param(
            DEVICE, 1 << 15, 0xFE, struct.pack("<IBB", 1 << 15, 0xFE, 1), id="another device"
        ),
        pytest.param(0x0000, 0, 0xFE, None, id="no channel"),
        pytest.param(0x0000, 1 << 15, 0xFF, None, id="channel mask update"),
        pytest.param(0x0000, 1 << 15, 0x06, None, id="scan too long"),
    ],
)
def test_nwk_update_requests_that_change_nothing(
    emu: ZStackEmulator,
    running: MtHost,
    *,
    dst: int,
    channels: int,
    duration: int,
    zdp: bytes | None,
) -> None:
    device = node(DEVICE)
    emu.add_device(device)
    before = _nib(emu)
    assert running.sreq(ZDO, 0x37, _nwk_update(dst, 2, channels, duration)) == [srsp(ZDO, 0x37, OK)]
    assert _nib(emu) == before
    assert [f.payload[1:] for f in device.received] == ([] if zdp is None else [zdp])


def _zdo_to_coordinator(cluster: int, zdp: bytes) -> bytes:
    """AF_DATA_REQUEST_EXT of a ZDO frame to 0x0000, as zigpy-znp sends its ZDO requests."""
    return (
        b"\x02"
        + bytes(8)
        + struct.pack("<BHBHBBB", 0, 0, 0, cluster, zdp[0], 0, 30)
        + struct.pack("<H", len(zdp))
        + zdp
    )


def test_zdo_channel_change_sent_to_the_coordinator(emu: ZStackEmulator, running: MtHost) -> None:
    change = b"\x44" + struct.pack("<IBB", 1 << 20, 0xFE, 7)  # channel 20, update id 7
    # Acted on, never answered (and ZDO frames get no AF_DATA_CONFIRM).
    assert running.sreq(AF, 0x02, _zdo_to_coordinator(0x0038, change)) == [srsp(AF, 0x02, OK)]
    assert _nib(emu) == (20, 7)
    # Without an update id the NIB's goes up by one.
    short = b"\x45" + struct.pack("<IB", 1 << 21, 0xFE)
    assert running.sreq(AF, 0x02, _zdo_to_coordinator(0x0038, short)) == [srsp(AF, 0x02, OK)]
    assert _nib(emu) == (21, 8)


# ----------------------------------------------------------------- groups, routes


def test_aps_groups(running: MtHost) -> None:
    def find(group: int) -> bytes:
        (answer,) = running.sreq(ZDO, 0x4A, struct.pack("<BH", 1, group))
        return answer.data

    # Not found: failure, and the rest of the fixed-size answer zero.
    assert find(0x0B84) == b"\x01" + bytes(18)
    assert running.sreq(ZDO, 0x4B, b"\x01\x84\x0b\x00") == [srsp(ZDO, 0x4B, OK)]
    assert running.sreq(ZDO, 0x4B, b"\x01\x84\x0b\x00") == [srsp(ZDO, 0x4B, b"\xb8")]
    assert running.sreq(ZDO, 0x4B, b"\x01\x42\x00\x07kitchen") == [srsp(ZDO, 0x4B, OK)]
    assert running.sreq(ZDO, 0x4B, b"\x09\x42\x00\x00") == [srsp(ZDO, 0x4B, b"\x02")]
    # Found: success, group, then the name field (length, up to 15 bytes, zero padded).
    assert find(0x0042) == b"\x00\x42\x00\x07kitchen" + bytes(8)
    assert find(0x0B84) == b"\x00\x84\x0b" + bytes(16)
    assert running.sreq(ZDO, 0x49, b"\x01") == [srsp(ZDO, 0x49, b"\x02\x84\x0b\x42\x00")]
    assert running.sreq(ZDO, 0x4C) == [srsp(ZDO, 0x4C, b"\x02")]
    assert running.sreq(ZDO, 0x47, b"\x01\x84\x0b") == [srsp(ZDO, 0x47, OK)]
    assert running.sreq(ZDO, 0x47, b"\x01\x84\x0b") == [srsp(ZDO, 0x47, b"\x01")]
    assert running.sreq(ZDO, 0x48, b"\x01") == [srsp(ZDO, 0x48, OK)]
    assert running.sreq(ZDO, 0x4C) == [srsp(ZDO, 0x4C, b"\x00")]
    assert running.sreq(ZDO, 0x49, b"\x09") == [srsp(ZDO, 0x49, b"\x00")]
    # A name longer than the table keeps is cut to 15 bytes.
    running.sreq(ZDO, 0x4B, b"\x01\x01\x00\x14" + b"n" * 20)
    assert find(0x0001) == b"\x00\x01\x00\x0f" + b"n" * 15
    # The firmware's group table has 16 rows: the 17th is ZApsTableFull.
    for group in range(2, 17):
        assert running.sreq(ZDO, 0x4B, struct.pack("<BHB", 1, group, 0)) == [srsp(ZDO, 0x4B, OK)]
    assert running.sreq(ZDO, 0x4B, b"\x01\x11\x00\x00") == [srsp(ZDO, 0x4B, b"\xb2")]


def test_route_requests(emu: ZStackEmulator, running: MtHost) -> None:
    emu.add_device(node(DEVICE))
    assert running.sreq(ZDO, 0x45, b"\x01\x10\x00\x1e") == [srsp(ZDO, 0x45, OK)]
    assert running.sreq(ZDO, 0x46, b"\x01\x10\x00\x00") == [srsp(ZDO, 0x46, OK)]
    assert running.sreq(ZDO, 0x46, b"\x77\x77\x00\x00") == [srsp(ZDO, 0x46, b"\xcd")]


# ----------------------------------------------------------------- joins, frames from devices


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
async def test_a_join_is_reported_with_the_announcement(
    emu: ZStackEmulator, running: MtHost, kind: dict[str, bool], capability: int
) -> None:
    _register_all(running)
    device = node(DEVICE, **kind)
    other = node(0x3003)
    emu.add_device(other)
    answers = await _joined(emu, running, device)
    announce = b"\x01\x10" + DEVICE_IEEE + bytes([capability])
    assert answers == [
        # ZDO_TC_DEV_IND: short address, IEEE address, parent.
        areq(ZDO, 0xCA, b"\x01\x10" + DEVICE_IEEE + b"\x00\x00"),
        # ZDO_END_DEVICE_ANNCE_IND: source, short address, IEEE address, capabilities.
        areq(ZDO, 0xC1, b"\x01\x10" + announce),
        _msg_cb(DEVICE, 0x0013, announce, broadcast=True, seq=emu._tsn),
    ]
    (heard,) = other.received  # the announcement is a broadcast
    assert (heard.cluster, heard.payload[1:]) == (0x0013, announce)


async def test_device_behind_a_router(emu: ZStackEmulator, running: MtHost) -> None:
    emu.add_device(node(ROUTER))
    child = node(DEVICE, router=False, parent=ROUTER)
    answers = await _joined(emu, running, child)
    assert answers[:2] == [
        areq(ZDO, 0xCA, b"\x01\x10" + DEVICE_IEEE + b"\x01\x20"),
        # ZDO_SRC_RTG_IND: destination, relay count, relays.
        areq(ZDO, 0xC4, b"\x01\x10\x01\x01\x20"),
    ]
    emu.transmit(ApsFrame(DEVICE, 1, 0x0000, 1, 0x0006, 0x0104, b"\x18\x01\x0a\x00\x00\x10\x01"))
    (message,) = running.read()
    assert message.data[-3:] == b"\x01\x20\x1d"  # MAC source: the last hop


async def test_frames_nobody_receives(emu: ZStackEmulator, running: MtHost) -> None:
    device = node(DEVICE)
    emu.add_device(device)
    report = b"\x18\x01\x0a\x00\x00\x10\x01"
    # A unicast to an address nobody has is lost on the air.
    emu.transmit(ApsFrame(DEVICE, 1, 0x5555, 1, 0x0006, 0x0104, report))
    assert running.read() == []
    assert device.received == []
    # Frames for the host while it is away are dropped (and counted).
    running.disconnect()
    emu.transmit(ApsFrame(DEVICE, 1, 0x0000, 1, 0x0006, 0x0104, report))
    emu.transmit(ApsFrame(DEVICE, 0, 0x0000, 0, 0x8005, 0x0000, b"\x01\x00\x01\x10\x00"))
    assert emu.frames_dropped == 2


async def test_join_with_a_full_address_manager(emu: ZStackEmulator, running: MtHost) -> None:
    for index in range(257):
        assert emu.nvram.record_join(
            index.to_bytes(2, "little") + b"\x01" * 6, 0x2000 + index, child=False
        )
    with pytest.raises(RuntimeError, match="address manager table is full"):
        await emu.join(node(DEVICE))
