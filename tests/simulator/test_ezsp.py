"""The emulated EmberZNet NCP, frame by frame (EZSP 13 as UG100 and the Gecko SDK define it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
import json
from pathlib import Path
import stat
import struct

import pytest

from custom_components.aqara_zigbee.simulator.air import (
    ApsFrame,
    DeliveryStatus,
    NodeInfo,
)
from custom_components.aqara_zigbee.simulator.ezsp.emulator import EzspEmulator
from custom_components.aqara_zigbee.simulator.ezsp.protocol import (
    ApsFields,
    ConfigId,
    EmberStatus,
    EzspStatus,
    FrameId,
    KeyType,
    NetworkParameters,
    SecurityContext,
    SecurityContextFlag,
    SlStatus,
    ValueId,
    Writer,
    parse_command,
)
from custom_components.aqara_zigbee.simulator.ezsp.state import STATE_FILE

from .ezsp_host import EzspHost

IEEE = bytes.fromhex("0102030405060708")
EXT_PAN = bytes.fromhex("dddddddddddddddd")
NETWORK_KEY = bytes(range(1, 17))
TC_KEY = b"ZigBeeAlliance09"


class FakeDevice:
    """A device on the air that records what it receives and can answer."""

    def __init__(self, nwk: int, ieee: bytes, *, router: bool = True) -> None:
        self.node = NodeInfo(ieee=ieee, nwk=nwk, rx_on_when_idle=router, is_router=router)
        self.received: list[ApsFrame] = []

    def receive(self, frame: ApsFrame) -> None:
        self.received.append(frame)


@pytest.fixture
async def emulator() -> AsyncIterator[EzspEmulator]:
    emulator = EzspEmulator(None, ieee=IEEE)
    yield emulator
    await emulator.stop()


@pytest.fixture
async def host(emulator: EzspEmulator) -> EzspHost:
    host = EzspHost(emulator)
    host.start()
    return host


def _form(host: EzspHost) -> None:
    state = Writer().u16(0x0204 | 0x0100 | 0x0004).raw(TC_KEY).raw(NETWORK_KEY).u8(0)
    reply = host.command(FrameId.SET_INITIAL_SECURITY_STATE, state.raw(bytes(8)).build())
    assert reply.params == bytes([EmberStatus.SUCCESS])
    params = NetworkParameters(EXT_PAN, 0x1234, 8, 15, channels=1 << 15)
    reply = host.command(FrameId.FORM_NETWORK, params.write(Writer()).build())
    assert reply.params == bytes([EmberStatus.SUCCESS])
    (status,) = host.take_callbacks(FrameId.STACK_STATUS_HANDLER)
    assert status.params == bytes([EmberStatus.NETWORK_UP])


# -- framing and version negotiation --------------------------------------------------


async def test_version_is_negotiated_in_the_legacy_format_first(emulator: EzspEmulator) -> None:
    host = EzspHost(emulator)
    host.reset()
    reply = host.command(FrameId.VERSION, bytes([4]), legacy=True)
    # The legacy answer: frame id 0x00 in one byte, our version 13, stack 7.4.4.0.
    assert (reply.frame_id, reply.params) == (0, bytes([13, 2]) + struct.pack("<H", 0x7440))
    # Asked for another version, the NCP still refuses other commands.
    reply = host.command(FrameId.NETWORK_STATE)
    assert reply.frame_id == FrameId.INVALID_COMMAND
    assert reply.params == bytes([EzspStatus.ERROR_VERSION_NOT_SET])
    host.command(FrameId.VERSION, bytes([13]))
    assert host.command(FrameId.NETWORK_STATE).params == bytes([0])  # no network


async def test_invalid_frames_are_answered_with_invalid_command(host: EzspHost) -> None:
    reply = host.command(0x0777)
    assert (reply.frame_id, reply.params) == (
        FrameId.INVALID_COMMAND,
        bytes([EzspStatus.ERROR_INVALID_FRAME_ID]),
    )
    assert host.emulator.unsupported == {0x0777: 1}
    # Only extended frames once version 13 is agreed.
    reply = host.command(FrameId.NETWORK_STATE, legacy=True)
    assert reply.frame_id == FrameId.INVALID_COMMAND
    # A response from the host is the wrong direction.
    replies = host.send_raw(bytes([9, 0x80, 0x01, 0x18, 0x00]))
    assert replies[0].params == bytes([EzspStatus.ERROR_WRONG_DIRECTION])
    # Parameters that end early.
    reply = host.command(FrameId.SET_CONFIGURATION_VALUE, bytes([ConfigId.STACK_PROFILE]))
    assert reply.params == bytes([EzspStatus.ERROR_INVALID_VALUE])


def test_parse_command_tells_the_formats_apart() -> None:
    header, params = parse_command(bytes([5, 0x00, 0x01, 0x52, 0x00, 0x1E]))
    assert (header.sequence, header.frame_id, header.legacy, params) == (5, 0x52, False, b"\x1e")
    header, params = parse_command(bytes([0, 0x00, 0x00, 0x04]))
    assert (header.frame_id, header.legacy, params) == (0, True, b"\x04")
    with pytest.raises(ValueError, match="short"):
        parse_command(b"\x00\x00")


# -- configuration ----------------------------------------------------------------------


async def test_configuration_values(host: EzspHost) -> None:
    def get(config_id: int) -> bytes:
        return host.command(FrameId.GET_CONFIGURATION_VALUE, bytes([config_id])).params

    assert get(ConfigId.KEY_TABLE_SIZE) == bytes([EzspStatus.SUCCESS]) + struct.pack("<H", 12)
    reply = host.command(
        FrameId.SET_CONFIGURATION_VALUE, bytes([ConfigId.KEY_TABLE_SIZE]) + struct.pack("<H", 4)
    )
    assert reply.params == bytes([EzspStatus.SUCCESS])
    assert get(ConfigId.KEY_TABLE_SIZE)[1:] == struct.pack("<H", 4)
    assert get(0x7F)[0] == EzspStatus.ERROR_INVALID_ID
    reply = host.command(
        FrameId.SET_CONFIGURATION_VALUE, bytes([ConfigId.PACKET_BUFFER_COUNT, 0xFF, 0])
    )
    assert reply.params == bytes([EzspStatus.ERROR_INVALID_CALL])  # read-only
    _form(host)
    # Once the network is up, configuration is frozen; a reset thaws it (and forgets it).
    reply = host.command(
        FrameId.SET_CONFIGURATION_VALUE, bytes([ConfigId.KEY_TABLE_SIZE]) + struct.pack("<H", 8)
    )
    assert reply.params == bytes([EzspStatus.ERROR_INVALID_CALL])
    host.start()
    assert get(ConfigId.KEY_TABLE_SIZE)[1:] == struct.pack("<H", 12)


async def test_endpoints_policies_and_values(host: EzspHost) -> None:
    endpoint = Writer().u8(1).u16(0x0104).u16(0x0005).u8(0).u8(2).u8(1)
    endpoint.u16_list([0x0000, 0x0006]).u16_list([0x0019])
    assert host.command(FrameId.ADD_ENDPOINT, endpoint.build()).params == bytes([0])
    assert host.command(FrameId.ADD_ENDPOINT, endpoint.build()).params == bytes(
        [EzspStatus.ERROR_INVALID_VALUE]
    )
    assert host.emulator.registered_endpoints == {1}
    assert host.command(FrameId.SET_POLICY, bytes([0x05, 0x51])).params == bytes([0])
    assert host.command(FrameId.GET_POLICY, bytes([0x05])).params == bytes([0, 0x51])
    assert host.command(FrameId.GET_POLICY, bytes([0x55])).params[0] == EzspStatus.ERROR_INVALID_ID
    version = host.command(FrameId.GET_VALUE, bytes([ValueId.VERSION_INFO])).params
    assert version == bytes([0, 7]) + struct.pack("<HBBBBB", 0, 7, 4, 4, 0, 0xAA)
    counter = Writer().u8(ValueId.NWK_FRAME_COUNTER).lv_bytes(struct.pack("<I", 5000))
    assert host.command(FrameId.SET_VALUE, counter.build()).params == bytes([0])
    assert host.emulator.tokens.nwk_frame_counter == 5000
    assert host.command(FrameId.GET_VALUE, bytes([0x3A])).params == bytes([0x37, 0])


# -- networks and keys -------------------------------------------------------------------


async def test_form_then_resume_after_a_reset(host: EzspHost) -> None:
    assert host.command(FrameId.NETWORK_INIT, b"\x00\x00").params == bytes([EmberStatus.NOT_JOINED])
    _form(host)
    params = host.command(FrameId.GET_NETWORK_PARAMETERS).params
    assert params[:2] == bytes([EmberStatus.SUCCESS, 1])  # coordinator
    assert params[2:10] == EXT_PAN
    assert struct.unpack_from("<HbB", params, 10) == (0x1234, 8, 15)
    assert host.command(FrameId.GET_NODE_ID).params == b"\x00\x00"
    host.start()  # the NCP reboots: RAM state is gone, tokens are not
    assert host.command(FrameId.NETWORK_STATE).params == bytes([0])
    assert host.command(FrameId.GET_NODE_ID).params == b"\xfe\xff"
    assert host.command(FrameId.NETWORK_INIT, b"\x00\x00").params == bytes([0])
    assert host.take_callbacks(FrameId.STACK_STATUS_HANDLER)[0].params == bytes([0x90])
    assert host.command(FrameId.NETWORK_STATE).params == bytes([2])
    # Leaving forgets the network.
    assert host.command(FrameId.LEAVE_NETWORK).params == bytes([0])
    assert host.take_callbacks(FrameId.STACK_STATUS_HANDLER)[0].params == bytes([0x91])
    assert host.emulator.tokens.network is None


async def test_keys_are_exported_and_imported(host: EzspHost) -> None:
    _form(host)

    def context(key_type: int, *, index: int = 0, eui64: bytes = bytes(8), flags: int = 0) -> bytes:
        return SecurityContext(key_type, index, 0, eui64, 0, flags, 0).write(Writer()).build()

    exported = host.command(FrameId.EXPORT_KEY, context(KeyType.NETWORK)).params
    assert exported == NETWORK_KEY + struct.pack("<I", SlStatus.OK)
    exported = host.command(FrameId.EXPORT_KEY, context(KeyType.TC_LINK)).params
    assert exported[:16] == TC_KEY
    info = host.command(FrameId.GET_NETWORK_KEY_INFO).params
    assert info == struct.pack("<IBBBBI", 0, 1, 0, 0, 0, host.emulator.tokens.nwk_frame_counter)

    partner, key = bytes.fromhex("aabbccddeeff0011"), bytes(range(16, 32))
    imported = host.command(FrameId.IMPORT_LINK_KEY, bytes([0]) + partner + key).params
    assert imported == struct.pack("<I", SlStatus.OK)
    by_index = host.command(FrameId.EXPORT_LINK_KEY_BY_INDEX, bytes([0])).params
    assert by_index[:8] == partner
    assert by_index[8:24] == key
    assert by_index[-4:] == struct.pack("<I", SlStatus.OK)
    by_eui = host.command(FrameId.EXPORT_LINK_KEY_BY_EUI, partner).params
    assert by_eui[:17] == key + bytes([0])
    flags = SecurityContextFlag.EUI_IS_VALID
    found = host.command(
        FrameId.EXPORT_KEY, context(KeyType.APP_LINK, eui64=partner, flags=flags)
    ).params
    assert found[:16] == key
    empty = host.command(FrameId.EXPORT_LINK_KEY_BY_INDEX, bytes([1])).params
    assert empty[-4:] == struct.pack("<I", SlStatus.NOT_FOUND)
    assert host.command(FrameId.FIND_KEY_TABLE_ENTRY, partner + b"\x01").params == b"\x00"
    assert host.command(FrameId.ERASE_KEY_TABLE_ENTRY, b"\x00").params == b"\x00"
    assert host.command(FrameId.FIND_KEY_TABLE_ENTRY, partner + b"\x01").params == b"\xff"

    new_key = bytes(range(100, 116))
    assert host.command(
        FrameId.IMPORT_KEY, context(KeyType.NETWORK) + new_key
    ).params == struct.pack("<I", 0)
    assert host.command(FrameId.EXPORT_KEY, context(KeyType.NETWORK)).params[:16] == new_key


async def test_the_eui64_can_be_replaced_once_or_restored_at_will(host: EzspHost) -> None:
    assert host.command(FrameId.GET_EUI64).params == IEEE
    restored = bytes.fromhex("1111111111111111")
    data = struct.pack("<III", 0xE12A, 0, 8) + restored
    assert host.command(FrameId.SET_TOKEN_DATA, data).params == bytes([0])
    # The stack reads its tokens at boot: the new address shows after a reset.
    assert host.command(FrameId.GET_EUI64).params == IEEE
    host.start()
    assert host.command(FrameId.GET_EUI64).params == restored
    token = host.command(FrameId.GET_TOKEN_DATA, struct.pack("<II", 0xE12A, 0)).params
    assert token == bytes([0]) + struct.pack("<I", 8) + restored
    # The manufacturing token is write-once.
    custom = bytes.fromhex("2222222222222222")
    mfg = bytes([0x0C, 8]) + custom
    assert host.command(FrameId.SET_MFG_TOKEN, mfg).params == bytes([0])
    assert host.command(FrameId.SET_MFG_TOKEN, mfg).params == bytes([EmberStatus.BAD_ARGUMENT])
    assert host.command(FrameId.GET_MFG_TOKEN, bytes([0x0C])).params == bytes([8]) + custom


# -- the air -------------------------------------------------------------------------------


async def test_a_device_joins_talks_and_leaves(host: EzspHost) -> None:
    emulator = host.emulator
    host.command(FrameId.ADD_ENDPOINT, bytes([1, 4, 1, 5, 0, 0, 0, 0]))
    _form(host)
    assert host.command(FrameId.PERMIT_JOINING, b"\x3c").params == b"\x00"
    assert host.take_callbacks(FrameId.STACK_STATUS_HANDLER)[0].params == bytes([0x9C])
    assert emulator.permit_join_open

    child_ieee = bytes.fromhex("a1a2a3a4a5a6a7a8")
    child = FakeDevice(0x1234, child_ieee, router=False)
    await emulator.join(child)
    (child_join,) = host.take_callbacks(FrameId.CHILD_JOIN_HANDLER)
    assert child_join.params == bytes([0, 1]) + b"\x34\x12" + child_ieee + bytes([4])
    (tc_join,) = host.take_callbacks(FrameId.TRUST_CENTER_JOIN_HANDLER)
    assert tc_join.params == b"\x34\x12" + child_ieee + bytes([1, 0]) + b"\x00\x00"
    (announce,) = host.take_callbacks(FrameId.INCOMING_MESSAGE_HANDLER)
    assert announce.params[0] == 4  # broadcast
    assert announce.params[3:5] == b"\x13\x00"  # Device_annce
    assert emulator.is_joined(child_ieee)
    child_data = host.command(FrameId.GET_CHILD_DATA, b"\x00").params
    assert child_data[:12] == bytes([0]) + child_ieee + bytes([4]) + b"\x34\x12"
    assert host.command(FrameId.GET_CHILD_DATA, b"\x01").params[0] == EmberStatus.NOT_JOINED
    lookup = host.command(FrameId.LOOKUP_EUI64_BY_NODE_ID, b"\x34\x12").params
    assert lookup == bytes([0]) + child_ieee

    # A unicast: the response, then its fate, then the frame on the air.
    aps = ApsFields(0x0104, 0x0006, 1, 1, 0x0140)
    send = Writer().u8(0).u16(0x1234)
    aps.write(send).u8(0x55).lv_bytes(b"\x01\x10\x01")
    reply = host.command(FrameId.SEND_UNICAST, send.build())
    assert reply.params[0] == EmberStatus.SUCCESS
    (sent,) = host.take_callbacks(FrameId.MESSAGE_SENT_HANDLER)
    assert sent.params[14:16] == bytes([0x55, EmberStatus.SUCCESS])
    assert child.received[-1].payload == b"\x01\x10\x01"

    # Failures injected on the air are reported as the stack reports them.
    emulator.fail_next(0x1234, 1, DeliveryStatus.MAC_TRANSACTION_EXPIRED)
    host.command(FrameId.SEND_UNICAST, send.build())
    (sent,) = host.take_callbacks(FrameId.MESSAGE_SENT_HANDLER)
    assert sent.params[15] == EmberStatus.MAC_INDIRECT_TIMEOUT

    # The device answers: an incoming unicast with its link quality.
    emulator.transmit(
        ApsFrame(0x1234, 1, 0x0000, 1, 0x0006, 0x0104, b"\x18\x01\x0b\x01\x00", lqi=120)
    )
    (incoming,) = host.take_callbacks(FrameId.INCOMING_MESSAGE_HANDLER)
    assert incoming.params[0] == 0
    assert incoming.params[12:16] == bytes([120, 256 - 50]) + b"\x34\x12"
    assert incoming.params[-5:] == b"\x18\x01\x0b\x01\x00"

    await emulator.leave(0x1234)
    assert host.take_callbacks(FrameId.CHILD_JOIN_HANDLER)[0].params[1] == 0
    left = host.take_callbacks(FrameId.TRUST_CENTER_JOIN_HANDLER)[0]
    assert left.params[10:12] == bytes([2, 3])  # device left, no action
    assert not emulator.is_joined(child_ieee)
    assert host.command(FrameId.PERMIT_JOINING, b"\x00").params == b"\x00"
    assert host.take_callbacks(FrameId.STACK_STATUS_HANDLER)[0].params == bytes([0x9D])


async def test_broadcasts_multicasts_and_zdo_to_the_coordinator(host: EzspHost) -> None:
    emulator = host.emulator
    _form(host)
    router = FakeDevice(0x4321, bytes.fromhex("b1b2b3b4b5b6b7b8"))
    await emulator.join(router)
    host.take_callbacks()
    broadcast = Writer().u16(0xFFFC)
    ApsFields(0, 0x0036, 0, 0).write(broadcast).u8(0).u8(1).lv_bytes(b"\x05\x3c\x00")
    assert host.command(FrameId.SEND_BROADCAST, broadcast.build()).params[0] == 0
    assert router.received[-1].cluster == 0x0036
    # The stack acts on its own broadcast permit-join request.
    assert emulator.permit_join_open
    multicast = ApsFields(0x0104, 0x0006, 1, 0xFF, group=0x1234).write(Writer())
    multicast.u8(0).u8(7).u8(2).lv_bytes(b"\x01\x02\x00")
    assert host.command(FrameId.SEND_MULTICAST, multicast.build()).params[0] == 0
    assert router.received[-1].dst == 0x1234
    host.take_callbacks()
    # Node_Desc_req to ourselves: the stack answers it, the host hears the answer.
    request = Writer().u8(0).u16(0x0000)
    ApsFields(0, 0x0002, 0, 0).write(request).u8(3).lv_bytes(b"\x07\x00\x00")
    host.command(FrameId.SEND_UNICAST, request.build())
    (answer,) = host.take_callbacks(FrameId.INCOMING_MESSAGE_HANDLER)
    assert answer.params[3:5] == b"\x02\x80"
    assert answer.params[-17:-13] == b"\x07\x00\x00\x00"  # sequence, success, our NWK


async def test_source_routes_are_kept_in_the_ncp_table(host: EzspHost) -> None:
    _form(host)
    route = Writer().u16(0x2222).u8(2).u16_list([0x1111, 0x3333])
    assert host.command(FrameId.SET_SOURCE_ROUTE, route.build()).params == b"\x00"
    assert host.command(FrameId.GET_SOURCE_ROUTE_TABLE_FILLED_SIZE).params == b"\x03"
    rows = [host.command(FrameId.GET_SOURCE_ROUTE_TABLE_ENTRY, bytes([i])).params for i in range(3)]
    # Each row points one hop nearer to the coordinator: 3333 first, then 1111, then 2222.
    assert rows == [b"\x00\x33\x33\xff", b"\x00\x11\x11\x00", b"\x00\x22\x22\x01"]


async def test_tokens_survive_a_restart_in_a_private_file(tmp_path: Path) -> None:
    emulator = EzspEmulator(tmp_path)
    host = EzspHost(emulator)
    host.start()
    _form(host)
    await emulator.stop()
    path = tmp_path / STATE_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = json.loads(path.read_text())
    assert saved["network"]["pan_id"] == 0x1234
    again = EzspEmulator(tmp_path)
    assert again.hardware_ieee == emulator.hardware_ieee
    assert again.tokens.network_key == NETWORK_KEY
    host = EzspHost(again)
    host.start()
    assert host.command(FrameId.NETWORK_INIT, b"\x00\x00").params == b"\x00"
    await again.stop()
    # An unreadable file is a blank stick, not a crash.
    path.write_text("{broken")
    assert EzspEmulator(tmp_path).tokens.network is None


async def test_a_unicast_too_long_for_one_frame_is_refused(host: EzspHost) -> None:
    _form(host)
    assert host.command(FrameId.MAXIMUM_PAYLOAD_LENGTH).params == bytes([82])
    send = Writer().u8(0).u16(0x1234)
    ApsFields(0x0104, 0x0006, 1, 1).write(send).u8(1).lv_bytes(bytes(83))
    reply = host.command(FrameId.SEND_UNICAST, send.build())
    assert reply.params[0] == EmberStatus.MESSAGE_TOO_LONG
    assert host.take_callbacks(FrameId.MESSAGE_SENT_HANDLER) == []
    # Nobody at that address: accepted, then reported as a failed delivery.
    send = Writer().u8(0).u16(0x1234)
    ApsFields(0x0104, 0x0006, 1, 1).write(send).u8(2).lv_bytes(bytes(82))
    assert host.command(FrameId.SEND_UNICAST, send.build()).params[0] == EmberStatus.SUCCESS
    (sent,) = host.take_callbacks(FrameId.MESSAGE_SENT_HANDLER)
    assert sent.params[15] == EmberStatus.DELIVERY_FAILED
