"""Emulated EmberZNet 7.4 coordinator (an EFR32 NCP, EZSP 13) that bellows drives over TCP.

The host talks ASH (``..ash``) over a TCP socket, ``socket://host:port``; inside the ASH
DATA frames are EZSP commands, answered one response each, and callbacks the NCP sends
on its own (UART NCPs send them asynchronously). Application frames travel over the
same simulated air as the Z-Stack emulator's: the host's unicasts, broadcasts and
multicasts reach the :class:`~..air.SimulatedDevice` objects, and what they transmit
comes back as ``incomingMessageHandler`` callbacks.

What a real NCP loses on reset (configuration, policies, endpoints, the running
network) lives in RAM here; what it keeps in flash is in :class:`~.state.NcpTokens`,
saved to the state directory.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
import contextlib
from dataclasses import dataclass
import json
import logging
import os
import pathlib
import random
import struct
import time
from typing import Final

from .. import mt_zdo
from ..air import (
    BROADCAST_NWKS,
    COORDINATOR_NWK,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
    DeliveryStatus,
    NodeInfo,
    SimulatedDevice,
    indirect_queue,
)
from ..ash import AshNcpLink, ResetCode
from ..listener import CoordinatorListener
from ..mt_zdo import ZdoCluster
from .protocol import (
    DEFAULT_CONFIG,
    DEFAULT_POLICIES,
    FC_CALLBACK_ASYNC,
    FC_RESPONSE,
    LIBRARY_PRESENT,
    MFG_TOKEN_SIZES,
    PROTOCOL_VERSION,
    READ_ONLY_CONFIG,
    STACK_TYPE_MESH,
    ApsFields,
    ApsOption,
    ConfigId,
    DeviceUpdate,
    EmberStatus,
    EzspStatus,
    FrameId,
    IncomingMessageType,
    JoinDecision,
    KeyStructBitmask,
    KeyType,
    LibraryId,
    MfgTokenId,
    NetworkParameters,
    NetworkStatus,
    NodeType,
    OutgoingMessageType,
    Reader,
    SecurityContext,
    SecurityContextFlag,
    SlStatus,
    ValueId,
    Writer,
    ZdoFlag,
    build_frame,
    parse_command,
    write_aps_key_metadata,
)
from .state import (
    BLANK_EUI64,
    STATE_FILE,
    Child,
    LinkKey,
    NcpTokens,
    NetworkTokens,
    TokenWriter,
    load_tokens,
)

_LOGGER = logging.getLogger(__name__)

# EmberZNet 7.4.4.0 GA, as a ZBT-1 / SkyConnect with current firmware reports itself.
STACK_VERSION: Final = (7, 4, 4, 0)
_VERSION_BUILD: Final = 0
_VERSION_TYPE_GA: Final = 0xAA
_EMBER_OUI_LE: Final = b"\x6f\x0d\x00"  # 00:0D:6F, stored little-endian at the end
_MFG_STRING: Final = b"Aqara simulator"
_BOARD_NAME: Final = b"EFR32MG21 (sim)"
# emberCounterType has this many entries in EmberZNet 7.4 (readCounters returns them all).
COUNTER_TYPE_COUNT: Final = 41
# APS payload that fits one frame without source routing or fragmentation.
_MAX_PAYLOAD: Final = 82
_MAX_INCOMING_DATA: Final = 128
_FLUSH_DELAY: Final = 0.2
# An EFR32 takes a few tens of milliseconds from reset to its RSTACK.
_BOOT_TIME: Final = 0.05
_NULL_NODE_ID: Final = 0xFFFF
_UNKNOWN_NODE_ID: Final = 0xFFFE
_ADDRESS_TABLE_SIZE: Final = 16
_MULTICAST_TABLE_SIZE: Final = 16
_BINDING_TABLE_SIZE: Final = 16
_APPLICATION_TOKENS: Final = 32
_NVM3_DOMAIN_ZIGBEE: Final = 0x10000
# Stack tokens the token interface exposes: (creator code, size). The restored EUI64
# replaces the chip's own address at boot, without burning the write-once
# manufacturing token.
CREATOR_STACK_RESTORED_EUI64: Final = 0xE12A
_STACK_TOKENS: Final = ((CREATOR_STACK_RESTORED_EUI64, 8),)

_DELIVERY_STATUS: Final[dict[DeliveryStatus, EmberStatus]] = {
    DeliveryStatus.SUCCESS: EmberStatus.SUCCESS,
    # An APS-acknowledged unicast that gets nowhere is reported as a delivery failure,
    # whatever the MAC or NWK layer saw; an end device that never polled times out.
    DeliveryStatus.MAC_NO_ACK: EmberStatus.DELIVERY_FAILED,
    DeliveryStatus.NWK_NO_ROUTE: EmberStatus.DELIVERY_FAILED,
    DeliveryStatus.MAC_TRANSACTION_EXPIRED: EmberStatus.MAC_INDIRECT_TIMEOUT,
}

Handler = Callable[[Reader], bytes | None]


@dataclass(slots=True)
class _AddressEntry:
    eui64: bytes = BLANK_EUI64
    nwk: int = _UNKNOWN_NODE_ID
    extended_timeout: bool = False

    @property
    def active(self) -> bool:
        return self.nwk != _UNKNOWN_NODE_ID or self.eui64 != BLANK_EUI64


class _Connection(asyncio.Protocol):
    """One TCP client (bellows) of the emulator: the far end of the serial line."""

    def __init__(self, emulator: EzspEmulator) -> None:
        self._emulator = emulator
        self.transport: asyncio.Transport | None = None
        self._boot_timer: asyncio.TimerHandle | None = None
        self.link = AshNcpLink(
            self._write,
            self._deliver,
            on_reset=emulator._host_reset,
            reset_code=ResetCode.POWER_ON,
            ack_timeout=emulator.ash_ack_timeout,
        )

    def _write(self, data: bytes) -> None:
        transport = self.transport
        if transport is not None and not transport.is_closing():
            transport.write(data)

    def _deliver(self, frame: bytes) -> None:
        self._emulator._handle_frame(self, frame)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._emulator._client_connected(self)
        # Opening the port resets the chip (like zigbeed, or a bridge that pulses the
        # reset line): after booting it says so with RSTACK, unless the host has already
        # reset it itself.
        self._boot_timer = asyncio.get_running_loop().call_later(_BOOT_TIME, self._booted)

    def _booted(self) -> None:
        self._boot_timer = None
        transport = self.transport
        if not self.link.connected and transport is not None and not transport.is_closing():
            self.link.reset_by_ncp(ResetCode.POWER_ON)

    def data_received(self, data: bytes) -> None:
        started = time.perf_counter()
        try:
            self.link.data_received(data)
        finally:
            self._emulator.busy_seconds += time.perf_counter() - started

    def connection_lost(self, exc: Exception | None) -> None:
        if self._boot_timer is not None:
            self._boot_timer.cancel()
            self._boot_timer = None
        self.link.close()
        self._emulator._client_disconnected(self)


class EzspEmulator(CoordinatorListener):
    """An EFR32 running the EmberZNet 7.4 NCP firmware, reachable over TCP."""

    kind = "EZSP emulator"

    def __init__(
        self,
        state_dir: pathlib.Path | None,
        *,
        ieee: bytes | None = None,
        ash_ack_timeout: float = 1.6,
    ) -> None:
        """Create the emulator.

        ``state_dir`` None keeps everything in memory. ``ieee`` is the chip's own EUI64,
        8 bytes little-endian as on the air (default: random under Ember's 00:0D:6F
        prefix, stable per ``state_dir``). ``ash_ack_timeout`` is ASH's initial
        retransmission timeout (real seconds).
        """
        self._state_dir = state_dir
        self.ash_ack_timeout = ash_ack_timeout
        if state_dir is not None:
            state_dir.mkdir(parents=True, exist_ok=True)
        path = None if state_dir is None else state_dir / STATE_FILE
        saved = None if path is None else load_tokens(path)
        self.tokens = saved or NcpTokens()
        self.hardware_ieee = self._hardware_ieee(path, ieee)
        self._writer: TokenWriter | None = None if path is None else TokenWriter(path)
        if path is not None and saved is None:
            self._writer_submit()

        self.frames_in = 0
        self.frames_out = 0
        self.frames_dropped = 0
        self.busy_seconds = 0.0
        #: frame ids the host sent that this NCP does not implement, with counts
        self.unsupported: Counter[int] = Counter()
        #: every frame id the host sent, with counts (for reports and tests)
        self.received: Counter[int] = Counter()

        self._server: asyncio.Server | None = None
        self._host = "127.0.0.1"
        self._port = 0
        self._client: _Connection | None = None

        self._devices: dict[int, SimulatedDevice] = {}
        self._failures: dict[int, tuple[int, DeliveryStatus]] = {}
        self._pending_leaves: set[int] = set()
        self._permit_listeners: list[Callable[[int], None]] = []
        self._permit_open = False
        self._permit_timer: asyncio.TimerHandle | None = None
        self._flush_timer: asyncio.TimerHandle | None = None

        # RAM state, lost at every reset of the NCP
        self._version_agreed = False
        self._network_up = False
        self._config: dict[int, int] = {}
        self._policies: dict[int, int] = {}
        self._endpoints: dict[int, mt_zdo.EndpointDescriptor] = {}
        self._source_routes: dict[int, list[int]] = {}
        self._address_table: list[_AddressEntry] = []
        self._multicast_table: list[tuple[int, int]] = []
        self._bindings: list[bytes | None] = []
        self._extended_timeouts: set[bytes] = set()
        self._transient_keys: dict[bytes, bytes] = {}
        self._manufacturer_code = 0x0000
        self._tx_power = 8
        self._concentrator = False
        self._last_sequence = 0
        self._aps_counter = random.randrange(256)
        self._rx_aps_counter = random.randrange(256)
        self._zdo_sequence = random.randrange(256)
        self._app_tokens: dict[int, bytes] = {}
        self._in_command = False
        self._deferred: list[Callable[[], None]] = []
        self._reset_ram()

        self._handlers: dict[int, Handler] = self._build_handlers()

    # ------------------------------------------------------------------ public API

    def _connection(self) -> asyncio.Protocol:
        return _Connection(self)

    @property
    def connected(self) -> bool:
        client = self._client
        return (
            client is not None
            and client.transport is not None
            and not client.transport.is_closing()
            and client.link.connected
        )

    @property
    def registered_endpoints(self) -> frozenset[int]:
        """Endpoints the host added with ``addEndpoint`` since the last reset."""
        return frozenset(self._endpoints)

    @property
    def network_running(self) -> bool:
        """The network is up (``networkInit`` or ``formNetwork``) since the last reset."""
        return self._network_up

    @property
    def permit_join_open(self) -> bool:
        return self._permit_open

    @property
    def ash_counters(self) -> object | None:
        """The ASH link counters of the current connection (None without one)."""
        client = self._client
        return None if client is None else client.link.counters

    def add_device(self, device: SimulatedDevice) -> None:
        """Put a device on the air; frames to ``device.node.nwk`` reach it."""
        node = device.node
        for nwk, other in list(self._devices.items()):
            if other.node.ieee == node.ieee and nwk != node.nwk:
                del self._devices[nwk]  # it rejoined with a new address
        self._devices[node.nwk] = device

    def remove_device(self, nwk: int) -> None:
        self._devices.pop(nwk, None)
        self._failures.pop(nwk, None)

    def transmit(self, frame: ApsFrame) -> None:
        """The ``air.Transmit`` callback: a device sends ``frame``."""
        started = time.perf_counter()
        try:
            self._from_air(frame)
        finally:
            self.busy_seconds += time.perf_counter() - started

    def add_permit_join_listener(self, callback: Callable[[int], None]) -> Callable[[], None]:
        """Call ``callback(duration)`` when joins open (``0`` when they close)."""
        self._permit_listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._permit_listeners.remove(callback)

        return unsubscribe

    async def join(self, device: SimulatedDevice) -> None:
        """The device joins through its parent and is authorised by the trust centre.

        Permit join is not enforced here; callers that care check
        :attr:`permit_join_open`.
        """
        node = device.node
        self.add_device(device)
        ieee = bytes(node.ieee)
        self.tokens.devices[ieee] = node.nwk
        child_index = None
        if node.parent_nwk == COORDINATOR_NWK and not node.is_router:
            child_index = self._record_child(ieee, node.nwk, _child_type(node))
        self._schedule_flush()
        if not self._host_ready():
            return
        if child_index is not None:
            self._callback(
                FrameId.CHILD_JOIN_HANDLER,
                Writer()
                .u8(child_index)
                .u8(1)
                .u16(node.nwk)
                .raw(ieee)
                .u8(_child_type(node))
                .build(),
            )
        self._callback(
            FrameId.TRUST_CENTER_JOIN_HANDLER,
            Writer()
            .u16(node.nwk)
            .raw(ieee)
            .u8(DeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN)
            .u8(JoinDecision.USE_PRECONFIGURED_KEY)
            .u16(node.parent_nwk)
            .build(),
        )
        if node.parent_nwk != COORDINATOR_NWK:
            self._route_record(node, [node.parent_nwk])
        announce = struct.pack("<H", node.nwk) + ieee + bytes([_capability(node)])
        self._announce(node.nwk, announce, exclude=device)

    async def leave(self, nwk: int) -> None:
        """The device at ``nwk`` leaves the network."""
        self._leave(nwk)

    def is_joined(self, ieee: bytes) -> bool:
        return bytes(ieee) in self.tokens.devices

    def joined_devices(self) -> dict[bytes, int]:
        """IEEE (little-endian) -> NWK of every device the trust centre let in."""
        return dict(self.tokens.devices)

    def fail_next(self, nwk: int, count: int, status: DeliveryStatus) -> None:
        """Fail the next ``count`` unicasts to ``nwk`` with ``status`` (0 clears)."""
        if count <= 0 or status == DeliveryStatus.SUCCESS:
            self._failures.pop(nwk, None)
        else:
            self._failures[nwk] = (count, status)

    # ------------------------------------------------------------------ transport

    def _host_reset(self) -> None:
        """ASH RST: the NCP reboots; everything in RAM is gone."""
        self._flush()
        self._reset_ram()

    def _reset_ram(self) -> None:
        self._ieee = self._effective_ieee()
        self._version_agreed = False
        self._network_up = False
        self._config = {int(key): value for key, value in DEFAULT_CONFIG.items()}
        self._policies = {int(key): int(value) for key, value in DEFAULT_POLICIES.items()}
        self._endpoints.clear()
        self._source_routes.clear()
        self._address_table = [_AddressEntry() for _ in range(_ADDRESS_TABLE_SIZE)]
        self._multicast_table = [(0, 0)] * _MULTICAST_TABLE_SIZE
        self._bindings = [None] * _BINDING_TABLE_SIZE
        self._extended_timeouts.clear()
        self._transient_keys.clear()
        self._manufacturer_code = 0x0000
        self._concentrator = False
        self._deferred.clear()
        self._cancel_permit_timer()
        if self._permit_open:
            self._permit_open = False
            self._notify_permit(0)

    # ------------------------------------------------------------------ EZSP dispatch

    def _handle_frame(self, client: _Connection, frame: bytes) -> None:
        if client is not self._client:
            return
        self.frames_in += 1
        try:
            header, params = parse_command(frame)
        except ValueError:
            _LOGGER.debug("Ignoring a short EZSP frame: %s", frame.hex())
            return
        self._last_sequence = header.sequence
        self.received[header.frame_id] += 1

        def reply(frame_id: int, payload: bytes) -> None:
            self._write_frame(build_frame(header.sequence, frame_id, payload, legacy=header.legacy))

        self._in_command = True
        try:
            if header.frame_control & FC_RESPONSE:
                reply(FrameId.INVALID_COMMAND, bytes([EzspStatus.ERROR_WRONG_DIRECTION]))
            elif header.frame_id == FrameId.VERSION:
                reply(FrameId.VERSION, self._version(Reader(params)))
            elif not self._version_agreed:
                reply(FrameId.INVALID_COMMAND, bytes([EzspStatus.ERROR_VERSION_NOT_SET]))
            elif header.legacy:
                # Once version 8 or later is agreed only extended frames are valid.
                reply(FrameId.INVALID_COMMAND, bytes([EzspStatus.ERROR_INVALID_FRAME_ID]))
            else:
                self._dispatch(header.frame_id, params, reply)
        finally:
            self._in_command = False
            deferred, self._deferred = self._deferred, []
            for action in deferred:
                action()

    def _dispatch(self, frame_id: int, params: bytes, reply: Callable[[int, bytes], None]) -> None:
        if frame_id == FrameId.CALLBACK:
            # Callbacks go out asynchronously as they happen: none is ever waiting.
            reply(FrameId.NO_CALLBACKS, b"")
            return
        handler = self._handlers.get(frame_id)
        if handler is None:
            self.unsupported[frame_id] += 1
            _LOGGER.debug("Unsupported EZSP frame 0x%04X: %s", frame_id, params.hex())
            reply(FrameId.INVALID_COMMAND, bytes([EzspStatus.ERROR_INVALID_FRAME_ID]))
            return
        try:
            answer = handler(Reader(params))
        except ValueError:
            _LOGGER.warning("Malformed EZSP frame 0x%04X: %s", frame_id, params.hex())
            reply(FrameId.INVALID_COMMAND, bytes([EzspStatus.ERROR_INVALID_VALUE]))
            return
        reply(frame_id, answer or b"")

    def _write_frame(self, frame: bytes) -> None:
        client = self._client
        if client is None or not client.link.connected:
            return
        client.link.send(frame)
        self.frames_out += 1

    def _callback(self, frame_id: int, params: bytes) -> None:
        """Send a callback now, or right after the response of the command being handled."""
        frame = build_frame(
            self._last_sequence,
            frame_id,
            params,
            control=FC_RESPONSE | FC_CALLBACK_ASYNC,
            legacy=False,
        )
        if self._in_command:
            self._deferred.append(lambda: self._write_frame(frame))
        else:
            self._write_frame(frame)

    def _after_response(self, action: Callable[[], None]) -> None:
        if self._in_command:
            self._deferred.append(action)
        else:
            action()

    def _build_handlers(self) -> dict[int, Handler]:
        ok = self._ember_success
        nothing = self._no_answer
        return {
            # Configuration
            FrameId.GET_CONFIGURATION_VALUE: self._get_configuration_value,
            FrameId.SET_CONFIGURATION_VALUE: self._set_configuration_value,
            FrameId.ADD_ENDPOINT: self._add_endpoint,
            FrameId.SET_POLICY: self._set_policy,
            FrameId.GET_POLICY: self._get_policy,
            FrameId.GET_VALUE: self._get_value,
            FrameId.GET_EXTENDED_VALUE: self._get_extended_value,
            FrameId.SET_VALUE: self._set_value,
            FrameId.SET_PASSIVE_ACK_CONFIG: ok,
            # Utilities
            FrameId.NOP: nothing,
            FrameId.ECHO: self._echo,
            FrameId.SET_TOKEN: self._set_token,
            FrameId.GET_TOKEN: self._get_token,
            FrameId.GET_MFG_TOKEN: self._get_mfg_token,
            FrameId.SET_MFG_TOKEN: self._set_mfg_token,
            FrameId.GET_RANDOM_NUMBER: self._get_random_number,
            FrameId.READ_COUNTERS: self._read_counters,
            FrameId.READ_AND_CLEAR_COUNTERS: self._read_counters,
            FrameId.GET_LIBRARY_STATUS: self._get_library_status,
            FrameId.GET_XNCP_INFO: self._get_xncp_info,
            FrameId.CUSTOM_FRAME: self._custom_frame,
            FrameId.GET_EUI64: self._get_eui64,
            FrameId.GET_NODE_ID: self._get_node_id,
            # Networking
            FrameId.SET_MANUFACTURER_CODE: self._set_manufacturer_code,
            FrameId.SET_POWER_DESCRIPTOR: nothing,
            FrameId.NETWORK_INIT: self._network_init,
            FrameId.NETWORK_STATE: self._network_state,
            FrameId.START_SCAN: self._start_scan,
            FrameId.STOP_SCAN: ok,
            FrameId.FORM_NETWORK: self._form_network,
            FrameId.LEAVE_NETWORK: self._leave_network,
            FrameId.PERMIT_JOINING: self._permit_joining,
            FrameId.ENERGY_SCAN_REQUEST: self._energy_scan_request,
            FrameId.GET_NETWORK_PARAMETERS: self._get_network_parameters,
            FrameId.GET_RADIO_PARAMETERS: self._get_radio_parameters,
            FrameId.GET_PARENT_CHILD_PARAMETERS: self._get_parent_child_parameters,
            FrameId.GET_CHILD_DATA: self._get_child_data,
            FrameId.SET_CHILD_DATA: self._set_child_data,
            FrameId.CHILD_ID: self._child_id,
            FrameId.CHILD_INDEX: self._child_index,
            FrameId.GET_SOURCE_ROUTE_TABLE_TOTAL_SIZE: self._source_route_total,
            FrameId.GET_SOURCE_ROUTE_TABLE_FILLED_SIZE: self._source_route_filled,
            FrameId.GET_SOURCE_ROUTE_TABLE_ENTRY: self._source_route_entry,
            FrameId.GET_NEIGHBOR: self._get_neighbor,
            FrameId.NEIGHBOR_COUNT: self._neighbor_count,
            FrameId.GET_ROUTE_TABLE_ENTRY: self._get_route_table_entry,
            FrameId.SET_RADIO_POWER: self._set_radio_power,
            FrameId.SET_RADIO_CHANNEL: self._set_radio_channel,
            FrameId.GET_RADIO_CHANNEL: self._get_radio_channel,
            FrameId.SET_CONCENTRATOR: self._set_concentrator,
            FrameId.SET_BROKEN_ROUTE_ERROR_CODE: ok,
            FrameId.SET_LOGICAL_AND_RADIO_CHANNEL: self._set_radio_channel,
            # Binding
            FrameId.CLEAR_BINDING_TABLE: self._clear_binding_table,
            FrameId.SET_BINDING: self._set_binding,
            FrameId.GET_BINDING: self._get_binding,
            FrameId.DELETE_BINDING: self._delete_binding,
            # Messaging
            FrameId.MAXIMUM_PAYLOAD_LENGTH: self._maximum_payload_length,
            FrameId.SEND_UNICAST: self._send_unicast,
            FrameId.SEND_BROADCAST: self._send_broadcast,
            FrameId.SEND_MULTICAST: self._send_multicast,
            FrameId.SEND_REPLY: self._send_reply,
            FrameId.SEND_MANY_TO_ONE_ROUTE_REQUEST: self._many_to_one_route_request,
            FrameId.SET_SOURCE_ROUTE_DISCOVERY_MODE: self._set_source_route_discovery_mode,
            FrameId.SET_SOURCE_ROUTE: self._set_source_route,
            FrameId.ADDRESS_TABLE_ENTRY_IS_ACTIVE: self._address_entry_is_active,
            FrameId.SET_ADDRESS_TABLE_REMOTE_EUI64: self._set_address_eui64,
            FrameId.SET_ADDRESS_TABLE_REMOTE_NODE_ID: self._set_address_node_id,
            FrameId.GET_ADDRESS_TABLE_REMOTE_EUI64: self._get_address_eui64,
            FrameId.GET_ADDRESS_TABLE_REMOTE_NODE_ID: self._get_address_node_id,
            FrameId.SET_EXTENDED_TIMEOUT: self._set_extended_timeout,
            FrameId.GET_EXTENDED_TIMEOUT: self._get_extended_timeout,
            FrameId.REPLACE_ADDRESS_TABLE_ENTRY: self._replace_address_entry,
            FrameId.LOOKUP_NODE_ID_BY_EUI64: self._lookup_node_id,
            FrameId.LOOKUP_EUI64_BY_NODE_ID: self._lookup_eui64,
            FrameId.GET_MULTICAST_TABLE_ENTRY: self._get_multicast_entry,
            FrameId.SET_MULTICAST_TABLE_ENTRY: self._set_multicast_entry,
            FrameId.WRITE_NODE_DATA: ok,
            # Security
            FrameId.SET_INITIAL_SECURITY_STATE: self._set_initial_security_state,
            FrameId.GET_CURRENT_SECURITY_STATE: self._get_current_security_state,
            FrameId.EXPORT_KEY: self._export_key,
            FrameId.IMPORT_KEY: self._import_key,
            FrameId.FIND_KEY_TABLE_ENTRY: self._find_key_table_entry,
            FrameId.ERASE_KEY_TABLE_ENTRY: self._erase_key_table_entry,
            FrameId.CLEAR_KEY_TABLE: self._clear_key_table,
            FrameId.CLEAR_TRANSIENT_LINK_KEYS: self._clear_transient_keys,
            FrameId.GET_NETWORK_KEY_INFO: self._get_network_key_info,
            FrameId.GET_APS_KEY_INFO: self._get_aps_key_info,
            FrameId.IMPORT_LINK_KEY: self._import_link_key,
            FrameId.EXPORT_LINK_KEY_BY_INDEX: self._export_link_key_by_index,
            FrameId.EXPORT_LINK_KEY_BY_EUI: self._export_link_key_by_eui,
            FrameId.CHECK_KEY_CONTEXT: self._check_key_context,
            FrameId.IMPORT_TRANSIENT_KEY: self._import_transient_key,
            # Trust centre
            FrameId.BROADCAST_NEXT_NETWORK_KEY: self._broadcast_next_network_key,
            FrameId.BROADCAST_NETWORK_KEY_SWITCH: ok,
            FrameId.REMOVE_DEVICE: self._remove_device,
            FrameId.UNICAST_NWK_KEY_UPDATE: ok,
            # Token interface
            FrameId.GET_TOKEN_COUNT: self._get_token_count,
            FrameId.GET_TOKEN_INFO: self._get_token_info,
            FrameId.GET_TOKEN_DATA: self._get_token_data,
            FrameId.SET_TOKEN_DATA: self._set_token_data,
            FrameId.TOKEN_FACTORY_RESET: self._token_factory_reset,
            FrameId.RESET_NODE: self._reset_node,
            # Green Power: the sink table is empty and stays so
            FrameId.GP_SINK_TABLE_CLEAR_ALL: nothing,
            FrameId.GP_PROXY_TABLE_PROCESS_GP_PAIRING: self._gp_pairing,
        }

    @staticmethod
    def _ember_success(_reader: Reader) -> bytes:
        return bytes([EmberStatus.SUCCESS])

    @staticmethod
    def _no_answer(_reader: Reader) -> bytes:
        return b""

    # ------------------------------------------------------------------ configuration

    def _version(self, reader: Reader) -> bytes:
        desired = reader.u8()
        # Other commands are only accepted once the host asked for our own version.
        self._version_agreed = desired == PROTOCOL_VERSION
        major, minor, patch, special = STACK_VERSION
        stack_version = major << 12 | minor << 8 | patch << 4 | special
        return Writer().u8(PROTOCOL_VERSION).u8(STACK_TYPE_MESH).u16(stack_version).build()

    def _get_configuration_value(self, reader: Reader) -> bytes:
        config_id = reader.u8()
        value = self._config.get(config_id)
        if value is None:
            return Writer().u8(EzspStatus.ERROR_INVALID_ID).u16(0).build()
        return Writer().u8(EzspStatus.SUCCESS).u16(value).build()

    def _set_configuration_value(self, reader: Reader) -> bytes:
        config_id, value = reader.u8(), reader.u16()
        if config_id not in self._config:
            return bytes([EzspStatus.ERROR_INVALID_ID])
        if self._network_up or config_id in READ_ONLY_CONFIG:
            return bytes([EzspStatus.ERROR_INVALID_CALL])
        self._config[config_id] = value
        return bytes([EzspStatus.SUCCESS])

    def _add_endpoint(self, reader: Reader) -> bytes:
        endpoint, profile, device_id, version = reader.u8(), reader.u16(), reader.u16(), reader.u8()
        in_count, out_count = reader.u8(), reader.u8()
        inputs, outputs = reader.u16_list(in_count), reader.u16_list(out_count)
        if self._network_up:
            return bytes([EzspStatus.ERROR_INVALID_CALL])
        if endpoint in self._endpoints or not 1 <= endpoint <= 254:
            return bytes([EzspStatus.ERROR_INVALID_VALUE])
        self._endpoints[endpoint] = mt_zdo.EndpointDescriptor(
            endpoint=endpoint,
            profile=profile,
            device_type=device_id,
            device_version=version,
            input_clusters=tuple(inputs),
            output_clusters=tuple(outputs),
        )
        return bytes([EzspStatus.SUCCESS])

    def _set_policy(self, reader: Reader) -> bytes:
        policy_id, decision = reader.u8(), reader.u8()
        if policy_id not in self._policies:
            return bytes([EzspStatus.ERROR_INVALID_ID])
        self._policies[policy_id] = decision
        return bytes([EzspStatus.SUCCESS])

    def _get_policy(self, reader: Reader) -> bytes:
        policy_id = reader.u8()
        if policy_id not in self._policies:
            return bytes([EzspStatus.ERROR_INVALID_ID, 0])
        return bytes([EzspStatus.SUCCESS, self._policies[policy_id]])

    def _get_value(self, reader: Reader) -> bytes:
        value = self._value(reader.u8())
        if value is None:
            return bytes([EzspStatus.ERROR_INVALID_ID, 0])
        return Writer().u8(EzspStatus.SUCCESS).lv_bytes(value).build()

    def _value(self, value_id: int) -> bytes | None:
        major, minor, patch, special = STACK_VERSION
        match value_id:
            case ValueId.VERSION_INFO:
                return struct.pack(
                    "<HBBBBB", _VERSION_BUILD, major, minor, patch, special, _VERSION_TYPE_GA
                )
            case ValueId.NWK_FRAME_COUNTER:
                return struct.pack("<I", self.tokens.nwk_frame_counter)
            case ValueId.APS_FRAME_COUNTER:
                return struct.pack("<I", self.tokens.aps_frame_counter)
            case ValueId.NODE_SHORT_ID:
                return struct.pack("<H", self._node_id())
            case ValueId.FREE_BUFFERS:
                return bytes([200])
            case ValueId.MAXIMUM_INCOMING_TRANSFER_SIZE | ValueId.MAXIMUM_OUTGOING_TRANSFER_SIZE:
                return struct.pack("<H", _MAX_PAYLOAD)
            case ValueId.STACK_TOKEN_WRITING | ValueId.UART_SYNCH_CALLBACKS:
                return bytes([1 if value_id == ValueId.STACK_TOKEN_WRITING else 0])
            case ValueId.KEY_STORAGE_VERSION:
                return bytes([0])  # classic key storage: keys can be exported
            case ValueId.NWK_OPEN_DURATION:
                remaining = 0
                if self._permit_timer is not None:
                    loop_time = asyncio.get_running_loop().time()
                    remaining = max(0, int(self._permit_timer.when() - loop_time))
                elif self._permit_open:
                    remaining = 0xFF
                return struct.pack("<I", remaining)
            case ValueId.EXTENDED_SECURITY_BITMASK:
                return struct.pack("<H", 0)
            case ValueId.TRANSIENT_KEY_TIMEOUT_S:
                return struct.pack("<H", self._config[ConfigId.TRANSIENT_KEY_TIMEOUT_S])
            case ValueId.ENABLE_R21_BEHAVIOR | ValueId.END_DEVICE_KEEP_ALIVE_SUPPORT_MODE:
                return bytes([0])
            case ValueId.ACTIVE_RADIO_CONFIG | ValueId.DELAYED_JOIN_ACTIVATION:
                return bytes([0])
            case ValueId.CCA_THRESHOLD:
                return bytes([0xB5])  # -75 dBm
            case ValueId.TOKEN_STACK_NODE_DATA:
                return self._node_data_token()
            case _:
                return None

    def _get_extended_value(self, reader: Reader) -> bytes:
        value_id, _characteristics = reader.u8(), reader.u32()
        if value_id == 0x00:  # endpoint flags: every endpoint is enabled
            return Writer().u8(EzspStatus.SUCCESS).lv_bytes(struct.pack("<H", 1)).build()
        if value_id == 0x01:  # last leave reason: none, by an API call
            return Writer().u8(EzspStatus.SUCCESS).lv_bytes(b"\x00\xfd\xff").build()
        return bytes([EzspStatus.ERROR_INVALID_ID, 0])

    def _set_value(self, reader: Reader) -> bytes:
        value_id, value = reader.u8(), reader.lv_bytes()
        match value_id:
            case ValueId.NWK_FRAME_COUNTER | ValueId.APS_FRAME_COUNTER if len(value) == 4:
                (counter,) = struct.unpack("<I", value)
                if value_id == ValueId.NWK_FRAME_COUNTER:
                    self.tokens.nwk_frame_counter = counter
                else:
                    self.tokens.aps_frame_counter = counter
                self._schedule_flush()
            case ValueId.VERSION_INFO | ValueId.FREE_BUFFERS | ValueId.NWK_OPEN_DURATION:
                return bytes([EzspStatus.ERROR_INVALID_CALL])
            case _ if value_id not in ValueId._value2member_map_:
                return bytes([EzspStatus.ERROR_INVALID_ID])
        return bytes([EzspStatus.SUCCESS])

    # ------------------------------------------------------------------ utilities

    @staticmethod
    def _echo(reader: Reader) -> bytes:
        return Writer().lv_bytes(reader.lv_bytes()).build()

    def _set_token(self, reader: Reader) -> bytes:
        token_id, data = reader.u8(), reader.raw(8)
        if token_id >= _APPLICATION_TOKENS:
            return bytes([EmberStatus.BAD_ARGUMENT])
        self._app_tokens[token_id] = data
        return bytes([EmberStatus.SUCCESS])

    def _get_token(self, reader: Reader) -> bytes:
        token_id = reader.u8()
        if token_id >= _APPLICATION_TOKENS:
            return bytes([EmberStatus.BAD_ARGUMENT]) + bytes(8)
        return bytes([EmberStatus.SUCCESS]) + self._app_tokens.get(token_id, b"\xff" * 8)

    def _get_mfg_token(self, reader: Reader) -> bytes:
        token_id = reader.u8()
        try:
            token = MfgTokenId(token_id)
        except ValueError:
            return bytes([0])
        size = MFG_TOKEN_SIZES[token]
        match token:
            case MfgTokenId.CUSTOM_EUI_64:
                data = self.tokens.custom_eui64
            case MfgTokenId.STRING:
                data = _MFG_STRING.ljust(size, b"\x00")
            case MfgTokenId.BOARD_NAME:
                data = _BOARD_NAME.ljust(size, b"\x00")
            case MfgTokenId.MANUF_ID:
                data = struct.pack("<H", 0x1002)  # Silicon Labs (Ember)
            case _:
                data = b"\xff" * size
        return Writer().lv_bytes(data).build()

    def _set_mfg_token(self, reader: Reader) -> bytes:
        token_id, data = reader.u8(), reader.lv_bytes()
        if token_id != MfgTokenId.CUSTOM_EUI_64 or len(data) != 8:
            return bytes([EmberStatus.BAD_ARGUMENT])
        # Manufacturing tokens are write-once: flash bits only go from 1 to 0.
        if self.tokens.custom_eui64 != BLANK_EUI64:
            return bytes([EmberStatus.BAD_ARGUMENT])
        self.tokens.custom_eui64 = data
        self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    @staticmethod
    def _get_random_number(_reader: Reader) -> bytes:
        return Writer().u8(EmberStatus.SUCCESS).u16(random.randrange(0x10000)).build()

    @staticmethod
    def _read_counters(_reader: Reader) -> bytes:
        return bytes(2 * COUNTER_TYPE_COUNT)

    @staticmethod
    def _get_library_status(reader: Reader) -> bytes:
        library = reader.u8()
        present = {
            LibraryId.ZIGBEE_PRO,
            LibraryId.BINDING,
            LibraryId.SECURITY_CORE,
            LibraryId.SECURITY_LINK_KEYS,
            LibraryId.PACKET_VALIDATE,
            LibraryId.INSTALL_CODE,
            LibraryId.NCP,
        }
        return bytes([LIBRARY_PRESENT if library in present else 0xFF])

    @staticmethod
    def _get_xncp_info(_reader: Reader) -> bytes:
        # The stock NCP firmware has no extensions: no manufacturer, no version.
        return Writer().u8(EmberStatus.INVALID_CALL).u16(0).u16(0).build()

    @staticmethod
    def _custom_frame(reader: Reader) -> bytes:
        reader.lv_bytes()
        return Writer().u8(EmberStatus.INVALID_CALL).lv_bytes(b"").build()

    def _get_eui64(self, _reader: Reader) -> bytes:
        return self._own_ieee()

    def _get_node_id(self, _reader: Reader) -> bytes:
        return struct.pack("<H", self._node_id())

    # ------------------------------------------------------------------ networking

    def _set_manufacturer_code(self, reader: Reader) -> bytes:
        self._manufacturer_code = reader.u16()
        return b""

    def _network_init(self, reader: Reader) -> bytes:
        reader.u16()  # EmberNetworkInitBitmask: nothing to do for a coordinator
        if self._network_up:
            return bytes([EmberStatus.INVALID_CALL])
        if self.tokens.network is None:
            return bytes([EmberStatus.NOT_JOINED])
        self._bring_up()
        return bytes([EmberStatus.SUCCESS])

    def _bring_up(self) -> None:
        self._network_up = True
        self._callback(FrameId.STACK_STATUS_HANDLER, bytes([EmberStatus.NETWORK_UP]))

    def _network_state(self, _reader: Reader) -> bytes:
        state = NetworkStatus.JOINED_NETWORK if self._network_up else NetworkStatus.NO_NETWORK
        return bytes([state])

    def _start_scan(self, reader: Reader) -> bytes:
        scan_type, channel_mask, _duration = reader.u8(), reader.u32(), reader.u8()
        if scan_type not in (0, 1):
            return struct.pack("<I", SlStatus.INVALID_PARAMETER)
        channels = mt_zdo.channel_list(channel_mask)

        def report() -> None:
            if scan_type == 0:
                for channel, energy in zip(channels, mt_zdo.energy_values(channels), strict=True):
                    # A quiet band: -90 dBm plus the same deterministic noise as Z-Stack.
                    rssi = -90 + energy // 4
                    self._callback(
                        FrameId.ENERGY_SCAN_RESULT_HANDLER, Writer().u8(channel).s8(rssi).build()
                    )
            # No other network in the simulated air: an active scan finds nothing.
            self._callback(
                FrameId.SCAN_COMPLETE_HANDLER,
                bytes([channels[-1] if channels else 0, EmberStatus.SUCCESS]),
            )

        self._after_response(report)
        return struct.pack("<I", SlStatus.OK)

    def _form_network(self, reader: Reader) -> bytes:
        params = NetworkParameters.read(reader)
        if self._network_up:
            return bytes([EmberStatus.INVALID_CALL])
        if self.tokens.network_key == bytes(16) and not self.tokens.security_bitmask:
            return bytes([EmberStatus.SECURITY_STATE_NOT_SET])
        channel = params.radio_channel if 11 <= params.radio_channel <= 26 else 11
        pan_id = params.pan_id
        if pan_id in (0x0000, 0xFFFE, 0xFFFF):
            pan_id = random.randint(0x0001, 0xFFF7)
        self.tokens.network = NetworkTokens(
            pan_id=pan_id,
            extended_pan_id=params.extended_pan_id,
            channel=channel,
            tx_power=params.radio_tx_power,
            nwk_manager_id=COORDINATOR_NWK,
            nwk_update_id=params.nwk_update_id,
            channels=1 << channel,
        )
        self._tx_power = params.radio_tx_power
        self._flush()
        self._bring_up()
        return bytes([EmberStatus.SUCCESS])

    def _leave_network(self, _reader: Reader) -> bytes:
        if not self._network_up:
            return bytes([EmberStatus.INVALID_CALL])
        self._network_up = False
        # Leaving forgets the network: node data, children and who is on it.
        self.tokens.network = None
        self.tokens.children.clear()
        self.tokens.devices.clear()
        self._flush()
        self._callback(FrameId.STACK_STATUS_HANDLER, bytes([EmberStatus.NETWORK_DOWN]))
        return bytes([EmberStatus.SUCCESS])

    def _permit_joining(self, reader: Reader) -> bytes:
        duration = reader.u8()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN])
        self._set_permit(duration)
        return bytes([EmberStatus.SUCCESS])

    def _energy_scan_request(self, reader: Reader) -> bytes:
        target, channels, duration, count = reader.u16(), reader.u32(), reader.u8(), reader.u16()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN])
        payload = struct.pack("<IBB", channels, duration, count & 0xFF)
        self._zdo_from_host(target, ZdoCluster.MGMT_NWK_UPDATE_REQ, payload)
        return bytes([EmberStatus.SUCCESS])

    def _get_network_parameters(self, _reader: Reader) -> bytes:
        network = self.tokens.network
        if network is None or not self._network_up:
            params = NetworkParameters(bytes(8), 0xFFFF, self._tx_power, 0)
            return Writer().u8(EmberStatus.NOT_JOINED).u8(NodeType.UNKNOWN).build() + (
                params.write(Writer()).build()
            )
        params = NetworkParameters(
            extended_pan_id=network.extended_pan_id,
            pan_id=network.pan_id,
            radio_tx_power=network.tx_power,
            radio_channel=network.channel,
            join_method=0,
            nwk_manager_id=network.nwk_manager_id,
            nwk_update_id=network.nwk_update_id,
            channels=network.channels or 1 << network.channel,
        )
        head = Writer().u8(EmberStatus.SUCCESS).u8(NodeType.COORDINATOR)
        return params.write(head).build()

    def _get_radio_parameters(self, reader: Reader) -> bytes:
        phy = reader.u8()
        network = self.tokens.network
        channel = network.channel if network is not None and self._network_up else 0
        status = EmberStatus.SUCCESS if phy == 0 else EmberStatus.INDEX_OUT_OF_RANGE
        return Writer().u8(status).s8(self._tx_power).u8(0).u8(channel).build()

    def _get_parent_child_parameters(self, _reader: Reader) -> bytes:
        return Writer().u8(len(self.tokens.children)).raw(bytes(8)).u16(_UNKNOWN_NODE_ID).build()

    def _get_child_data(self, reader: Reader) -> bytes:
        index = reader.u8()
        children = self.tokens.children
        if index >= len(children):
            # Any index without a child, inside the table or not, answers "not joined".
            return bytes([EmberStatus.NOT_JOINED]) + _child_data(bytes(8), 0, _UNKNOWN_NODE_ID)
        child = children[index]
        return bytes([EmberStatus.SUCCESS]) + _child_data(child.eui64, child.node_type, child.nwk)

    def _set_child_data(self, reader: Reader) -> bytes:
        index = reader.u8()
        eui64, node_type, nwk = reader.eui64(), reader.u8(), reader.u16()
        reader.u8(), reader.u8(), reader.u8(), reader.u32()  # phy, power, timeouts
        if index >= self._config[ConfigId.MAX_END_DEVICE_CHILDREN]:
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE])
        children = self.tokens.children
        row = Child(eui64, nwk, node_type)
        if index < len(children):
            children[index] = row
        else:
            children.append(row)
        self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _child_id(self, reader: Reader) -> bytes:
        index = reader.u8()
        children = self.tokens.children
        nwk = children[index].nwk if index < len(children) else _NULL_NODE_ID
        return struct.pack("<H", nwk)

    def _child_index(self, reader: Reader) -> bytes:
        nwk = reader.u16()
        for index, child in enumerate(self.tokens.children):
            if child.nwk == nwk:
                return bytes([index])
        return bytes([0xFF])

    def _source_route_total(self, _reader: Reader) -> bytes:
        return bytes([self._config[ConfigId.SOURCE_ROUTE_TABLE_SIZE]])

    def _source_route_filled(self, _reader: Reader) -> bytes:
        return bytes([len(self._source_route_rows())])

    def _source_route_rows(self) -> list[tuple[int, int]]:
        """(destination, index of the next hop's row or 0xFF) in the NCP's table order."""
        rows: list[tuple[int, int]] = []
        index_of: dict[int, int] = {}
        for destination, relays in self._source_routes.items():
            # The table stores each relay as its own row pointing one hop nearer to us.
            chain = [*reversed(relays), destination]
            closer = 0xFF
            for node in chain:
                if node not in index_of:
                    index_of[node] = len(rows)
                    rows.append((node, closer))
                closer = index_of[node]
        return rows

    def _source_route_entry(self, reader: Reader) -> bytes:
        index = reader.u8()
        rows = self._source_route_rows()
        if index >= len(rows):
            return Writer().u8(EmberStatus.NOT_FOUND).u16(_NULL_NODE_ID).u8(0xFF).build()
        destination, closer = rows[index]
        return Writer().u8(EmberStatus.SUCCESS).u16(destination).u8(closer).build()

    def _routers(self) -> list[NodeInfo]:
        return [
            device.node
            for device in self._devices.values()
            if device.node.is_router and self.is_joined(device.node.ieee)
        ]

    def _get_neighbor(self, reader: Reader) -> bytes:
        index = reader.u8()
        routers = self._routers()
        if index >= len(routers):
            return Writer().u8(EmberStatus.ERR_FATAL).u16(_UNKNOWN_NODE_ID).raw(
                bytes(4)
            ).build() + bytes(8)
        node = routers[index]
        lqi = node.extra.get("lqi", 255)
        lqi = lqi if isinstance(lqi, int) and 0 <= lqi <= 255 else 255
        return (
            Writer()
            .u8(EmberStatus.SUCCESS)
            .u16(node.nwk)
            .u8(lqi)
            .u8(1)  # in cost
            .u8(1)  # out cost
            .u8(3)  # age
            .raw(node.ieee)
            .build()
        )

    def _neighbor_count(self, _reader: Reader) -> bytes:
        return bytes([len(self._routers())])

    def _get_route_table_entry(self, reader: Reader) -> bytes:
        index = reader.u8()
        status = (
            EmberStatus.INDEX_OUT_OF_RANGE
            if index >= self._config[ConfigId.ROUTE_TABLE_SIZE]
            else EmberStatus.NOT_FOUND
        )
        # Every device is one hop away or source-routed: the route table stays empty.
        return (
            Writer()
            .u8(status)
            .u16(_UNKNOWN_NODE_ID)
            .u16(_UNKNOWN_NODE_ID)
            .raw(bytes([3, 0, 0, 0]))
            .build()
        )

    def _set_radio_power(self, reader: Reader) -> bytes:
        self._tx_power = reader.s8()
        return bytes([EmberStatus.SUCCESS])

    def _set_radio_channel(self, reader: Reader) -> bytes:
        channel = reader.u8()
        network = self.tokens.network
        if not 11 <= channel <= 26:
            return bytes([EmberStatus.PHY_INVALID_CHANNEL])
        if network is not None and self._network_up:
            network.channel = channel
            network.channels = 1 << channel
            self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _get_radio_channel(self, _reader: Reader) -> bytes:
        network = self.tokens.network
        return bytes([network.channel if network is not None and self._network_up else 0])

    def _set_concentrator(self, reader: Reader) -> bytes:
        self._concentrator = bool(reader.u8())
        reader.u16(), reader.u16(), reader.u16(), reader.u8(), reader.u8(), reader.u8()
        return bytes([EmberStatus.SUCCESS])

    # ------------------------------------------------------------------ binding

    def _clear_binding_table(self, _reader: Reader) -> bytes:
        self._bindings = [None] * _BINDING_TABLE_SIZE
        return bytes([EmberStatus.SUCCESS])

    def _set_binding(self, reader: Reader) -> bytes:
        index, entry = reader.u8(), reader.raw(14)
        if index >= len(self._bindings):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE])
        self._bindings[index] = entry
        return bytes([EmberStatus.SUCCESS])

    def _get_binding(self, reader: Reader) -> bytes:
        index = reader.u8()
        if index >= len(self._bindings):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE]) + bytes(14)
        entry = self._bindings[index]
        if entry is None:
            return bytes([EmberStatus.SUCCESS]) + bytes(14)  # type 0: unused entry
        return bytes([EmberStatus.SUCCESS]) + entry

    def _delete_binding(self, reader: Reader) -> bytes:
        index = reader.u8()
        if index >= len(self._bindings):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE])
        self._bindings[index] = None
        return bytes([EmberStatus.SUCCESS])

    # ------------------------------------------------------------------ messaging

    @staticmethod
    def _maximum_payload_length(_reader: Reader) -> bytes:
        return bytes([_MAX_PAYLOAD])

    def _next_aps_counter(self) -> int:
        self._aps_counter = (self._aps_counter + 1) & 0xFF
        return self._aps_counter

    def _next_rx_aps_counter(self) -> int:
        self._rx_aps_counter = (self._rx_aps_counter + 1) & 0xFF
        return self._rx_aps_counter

    def _send_unicast(self, reader: Reader) -> bytes:
        message_type, index_or_destination = reader.u8(), reader.u16()
        aps = ApsFields.read(reader)
        tag, payload = reader.u8(), reader.lv_bytes()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN, 0])
        destination = index_or_destination
        if message_type == OutgoingMessageType.VIA_ADDRESS_TABLE:
            if index_or_destination >= len(self._address_table):
                return bytes([EmberStatus.INDEX_OUT_OF_RANGE, 0])
            destination = self._address_table[index_or_destination].nwk
        elif message_type != OutgoingMessageType.DIRECT:
            return bytes([EmberStatus.INVALID_CALL, 0])
        if len(payload) > _MAX_PAYLOAD:
            return bytes([EmberStatus.MESSAGE_TOO_LONG, 0])
        sequence = self._next_aps_counter()
        sent = ApsFields(
            aps.profile, aps.cluster, aps.src_ep, aps.dst_ep, aps.options, aps.group, sequence
        )
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=aps.src_ep,
            dst=destination,
            dst_ep=aps.dst_ep,
            cluster=aps.cluster,
            profile=aps.profile,
            payload=payload,
        )
        is_zdo = aps.profile == ZDO_PROFILE and aps.dst_ep == 0

        if destination == COORDINATOR_NWK:
            self._sent(message_type, index_or_destination, sent, tag, EmberStatus.SUCCESS)
            if is_zdo:
                self._after_response(lambda: self._zdo_to_self(frame))
            return bytes([EmberStatus.SUCCESS, sequence])

        target = self._devices.get(destination)
        status = self._take_failure(destination)
        if status is None:
            status = DeliveryStatus.SUCCESS if target is not None else DeliveryStatus.MAC_NO_ACK
        queue = None if target is None else indirect_queue(target)
        if status == DeliveryStatus.SUCCESS and target is not None and queue is not None:
            # A sleeping child: the frame waits for its poll, and so does messageSentHandler
            def polled(result: DeliveryStatus) -> None:
                self._sent(message_type, index_or_destination, sent, tag, _DELIVERY_STATUS[result])
                if result == DeliveryStatus.SUCCESS:
                    if is_zdo and aps.cluster == ZdoCluster.MGMT_LEAVE_REQ:
                        self._note_leave_request(frame)
                    self._deliver(target, frame)

            self._bump_frame_counter()
            self._after_response(lambda: queue.hold(frame, polled))
            return bytes([EmberStatus.SUCCESS, sequence])
        self._sent(message_type, index_or_destination, sent, tag, _DELIVERY_STATUS[status])
        if status == DeliveryStatus.SUCCESS and target is not None:
            self._bump_frame_counter()
            if is_zdo and aps.cluster == ZdoCluster.MGMT_LEAVE_REQ:
                self._note_leave_request(frame)
            self._after_response(lambda: self._deliver(target, frame))
        return bytes([EmberStatus.SUCCESS, sequence])

    def _sent(
        self, message_type: int, destination: int, aps: ApsFields, tag: int, status: int
    ) -> None:
        """Report the fate of a message (after the send command's own response)."""
        params = Writer().u8(message_type).u16(destination)
        aps.write(params).u8(tag).u8(status).u8(0)  # the message itself is not echoed
        self._callback(FrameId.MESSAGE_SENT_HANDLER, params.build())

    def _send_broadcast(self, reader: Reader) -> bytes:
        destination = reader.u16()
        aps = ApsFields.read(reader)
        _radius, tag, payload = reader.u8(), reader.u8(), reader.lv_bytes()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN, 0])
        if destination not in BROADCAST_NWKS:
            return bytes([EmberStatus.BAD_ARGUMENT, 0])
        sequence = self._next_aps_counter()
        sent = ApsFields(
            aps.profile, aps.cluster, aps.src_ep, aps.dst_ep, aps.options, aps.group, sequence
        )
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=aps.src_ep,
            dst=destination,
            dst_ep=aps.dst_ep,
            cluster=aps.cluster,
            profile=aps.profile,
            payload=payload,
            dst_mode=AddressMode.BROADCAST,
        )
        self._bump_frame_counter()
        self._sent(OutgoingMessageType.BROADCAST, destination, sent, tag, EmberStatus.SUCCESS)
        self._after_response(lambda: self._broadcast_from_host(frame))
        return bytes([EmberStatus.SUCCESS, sequence])

    def _broadcast_from_host(self, frame: ApsFrame) -> None:
        if frame.profile == ZDO_PROFILE and frame.dst_ep == 0:
            # The stack acts on its own broadcast ZDO requests too.
            self._zdo_to_self(frame, answer=False)
        for device in list(self._devices.values()):
            self._deliver(device, frame)

    def _send_multicast(self, reader: Reader) -> bytes:
        aps = ApsFields.read(reader)
        _hops, _radius, tag, payload = reader.u8(), reader.u8(), reader.u8(), reader.lv_bytes()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN, 0])
        sequence = self._next_aps_counter()
        sent = ApsFields(
            aps.profile, aps.cluster, aps.src_ep, aps.dst_ep, aps.options, aps.group, sequence
        )
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=aps.src_ep,
            dst=aps.group,
            dst_ep=0xFF,
            cluster=aps.cluster,
            profile=aps.profile,
            payload=payload,
            dst_mode=AddressMode.GROUP,
        )
        self._bump_frame_counter()
        self._sent(OutgoingMessageType.MULTICAST, aps.group, sent, tag, EmberStatus.SUCCESS)
        self._after_response(lambda: self._deliver_to_all(frame))
        return bytes([EmberStatus.SUCCESS, sequence])

    def _send_reply(self, reader: Reader) -> bytes:
        sender = reader.u16()
        aps = ApsFields.read(reader)
        payload = reader.lv_bytes()
        target = self._devices.get(sender)
        if not self._network_up or target is None:
            return bytes([EmberStatus.INVALID_CALL])
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=aps.src_ep,
            dst=sender,
            dst_ep=aps.dst_ep,
            cluster=aps.cluster,
            profile=aps.profile,
            payload=payload,
        )
        self._after_response(lambda: self._deliver(target, frame))
        return bytes([EmberStatus.SUCCESS])

    def _many_to_one_route_request(self, reader: Reader) -> bytes:
        reader.u16(), reader.u8()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN])
        # Every router answers with a route record, as after a real MTORR.
        for device in list(self._devices.values()):
            node = device.node
            if node.parent_nwk != COORDINATOR_NWK and self.is_joined(node.ieee):
                self._route_record(node, [node.parent_nwk])
        return bytes([EmberStatus.SUCCESS])

    @staticmethod
    def _set_source_route_discovery_mode(reader: Reader) -> bytes:
        reader.u8()
        return struct.pack("<I", 0)

    def _set_source_route(self, reader: Reader) -> bytes:
        destination, count = reader.u16(), reader.u8()
        relays = reader.u16_list(count)
        if count > 11:
            return bytes([EmberStatus.BAD_ARGUMENT])
        self._source_routes[destination] = relays
        return bytes([EmberStatus.SUCCESS])

    def _address_entry(self, index: int) -> _AddressEntry | None:
        return self._address_table[index] if index < len(self._address_table) else None

    def _address_entry_is_active(self, reader: Reader) -> bytes:
        entry = self._address_entry(reader.u8())
        return bytes([1 if entry is not None and entry.active else 0])

    def _set_address_eui64(self, reader: Reader) -> bytes:
        entry, eui64 = self._address_entry(reader.u8()), reader.eui64()
        if entry is None:
            return bytes([EmberStatus.ADDRESS_TABLE_INDEX_OUT_OF_RANGE])
        entry.eui64 = eui64
        return bytes([EmberStatus.SUCCESS])

    def _set_address_node_id(self, reader: Reader) -> bytes:
        entry, nwk = self._address_entry(reader.u8()), reader.u16()
        if entry is not None:
            entry.nwk = nwk
        return b""

    def _get_address_eui64(self, reader: Reader) -> bytes:
        entry = self._address_entry(reader.u8())
        return BLANK_EUI64 if entry is None else entry.eui64

    def _get_address_node_id(self, reader: Reader) -> bytes:
        entry = self._address_entry(reader.u8())
        return struct.pack("<H", _UNKNOWN_NODE_ID if entry is None else entry.nwk)

    def _set_extended_timeout(self, reader: Reader) -> bytes:
        eui64, extended = reader.eui64(), reader.u8()
        if extended:
            self._extended_timeouts.add(eui64)
        else:
            self._extended_timeouts.discard(eui64)
        return b""

    def _get_extended_timeout(self, reader: Reader) -> bytes:
        return bytes([1 if reader.eui64() in self._extended_timeouts else 0])

    def _replace_address_entry(self, reader: Reader) -> bytes:
        index, eui64, nwk, extended = reader.u8(), reader.eui64(), reader.u16(), reader.u8()
        entry = self._address_entry(index)
        if entry is None:
            return bytes([EmberStatus.ADDRESS_TABLE_INDEX_OUT_OF_RANGE]) + bytes(11)
        old = (
            Writer().raw(entry.eui64).u16(entry.nwk).u8(1 if entry.extended_timeout else 0).build()
        )
        entry.eui64, entry.nwk, entry.extended_timeout = eui64, nwk, bool(extended)
        return bytes([EmberStatus.SUCCESS]) + old

    def _lookup_node_id(self, reader: Reader) -> bytes:
        eui64 = reader.eui64()
        if eui64 == self._own_ieee():
            return struct.pack("<H", COORDINATOR_NWK if self._network_up else _NULL_NODE_ID)
        nwk = self.tokens.devices.get(eui64)
        return struct.pack("<H", _NULL_NODE_ID if nwk is None else nwk)

    def _lookup_eui64(self, reader: Reader) -> bytes:
        nwk = reader.u16()
        if nwk == COORDINATOR_NWK and self._network_up:
            return bytes([EmberStatus.SUCCESS]) + self._own_ieee()
        for eui64, device_nwk in self.tokens.devices.items():
            if device_nwk == nwk:
                return bytes([EmberStatus.SUCCESS]) + eui64
        return bytes([EmberStatus.ERR_FATAL]) + bytes(8)

    def _get_multicast_entry(self, reader: Reader) -> bytes:
        index = reader.u8()
        if index >= len(self._multicast_table):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE]) + bytes(3)
        group, endpoint = self._multicast_table[index]
        return Writer().u8(EmberStatus.SUCCESS).u16(group).u8(endpoint).build()

    def _set_multicast_entry(self, reader: Reader) -> bytes:
        index, group, endpoint = reader.u8(), reader.u16(), reader.u8()
        if index >= len(self._multicast_table):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE])
        self._multicast_table[index] = (group, endpoint)
        return bytes([EmberStatus.SUCCESS])

    # ------------------------------------------------------------------ security

    def _set_initial_security_state(self, reader: Reader) -> bytes:
        bitmask, tc_key, network_key = reader.u16(), reader.key(), reader.key()
        sequence, _tc_eui64 = reader.u8(), reader.eui64()
        if self._network_up:
            return bytes([EmberStatus.INVALID_CALL])
        self.tokens.security_bitmask = bitmask
        self.tokens.tc_link_key = tc_key
        if bitmask & 0x0200:  # EMBER_HAVE_NETWORK_KEY
            self.tokens.network_key = network_key
            self.tokens.network_key_sequence = sequence
        elif self.tokens.network_key == bytes(16):
            self.tokens.network_key = os.urandom(16)
        self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _get_current_security_state(self, _reader: Reader) -> bytes:
        if not self._network_up:
            return bytes([EmberStatus.NOT_JOINED]) + bytes(10)
        # The trust centre is us; its key bits mirror what the host set up.
        bitmask = self.tokens.security_bitmask & 0xFFFF
        return Writer().u8(EmberStatus.SUCCESS).u16(bitmask).raw(self._own_ieee()).build()

    def _export_key(self, reader: Reader) -> bytes:
        context = SecurityContext.read(reader)
        key, status = self._key_for(context)
        return Writer().raw(key).u32(status).build()

    def _key_for(self, context: SecurityContext) -> tuple[bytes, int]:
        match context.core_key_type:
            case KeyType.NETWORK:
                return self.tokens.network_key, SlStatus.OK
            case KeyType.TC_LINK:
                return self.tokens.tc_link_key, SlStatus.OK
            case KeyType.APP_LINK:
                row = self._key_row(context)
                if row is None:
                    return bytes(16), SlStatus.NOT_FOUND
                return row[1].key, SlStatus.OK
            case KeyType.TC_LINK_WITH_TIMEOUT:
                key = self._transient_keys.get(context.eui64)
                return (key, SlStatus.OK) if key is not None else (bytes(16), SlStatus.NOT_FOUND)
            case _:
                return bytes(16), SlStatus.INVALID_PARAMETER

    def _key_row(self, context: SecurityContext) -> tuple[int, LinkKey] | None:
        table = self.tokens.key_table
        if context.flags & SecurityContextFlag.KEY_INDEX_IS_VALID:
            index = context.key_index
            row = table[index] if index < len(table) else None
            return None if row is None else (index, row)
        if context.flags & SecurityContextFlag.EUI_IS_VALID:
            for index, row in enumerate(table):
                if row is not None and row.eui64 == context.eui64:
                    return index, row
        return None

    def _import_key(self, reader: Reader) -> bytes:
        context, key = SecurityContext.read(reader), reader.key()
        match context.core_key_type:
            case KeyType.NETWORK:
                self.tokens.network_key = key
            case KeyType.TC_LINK:
                self.tokens.tc_link_key = key
            case KeyType.APP_LINK:
                status = self._store_link_key(
                    context.key_index
                    if context.flags & SecurityContextFlag.KEY_INDEX_IS_VALID
                    else None,
                    context.eui64,
                    key,
                )
                return struct.pack("<I", status)
            case _:
                return struct.pack("<I", SlStatus.INVALID_PARAMETER)
        self._schedule_flush()
        return struct.pack("<I", SlStatus.OK)

    def _store_link_key(self, index: int | None, eui64: bytes, key: bytes) -> int:
        table = self.tokens.key_table
        size = self._config[ConfigId.KEY_TABLE_SIZE]
        while len(table) < size:
            table.append(None)
        if index is None:
            index = next(
                (i for i, row in enumerate(table) if row is not None and row.eui64 == eui64),
                next((i for i, row in enumerate(table) if row is None), size),
            )
        if index >= size:
            return SlStatus.FULL if index == size else SlStatus.INVALID_INDEX
        table[index] = LinkKey(eui64, key)
        self._schedule_flush()
        return SlStatus.OK

    def _find_key_table_entry(self, reader: Reader) -> bytes:
        eui64, _link_key = reader.eui64(), reader.u8()
        for index, row in enumerate(self.tokens.key_table):
            if row is not None and row.eui64 == eui64:
                return bytes([index])
        return bytes([0xFF])

    def _erase_key_table_entry(self, reader: Reader) -> bytes:
        index = reader.u8()
        table = self.tokens.key_table
        if index >= self._config[ConfigId.KEY_TABLE_SIZE]:
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE])
        if index < len(table):
            table[index] = None
            self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _clear_key_table(self, _reader: Reader) -> bytes:
        self.tokens.key_table = []
        self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _clear_transient_keys(self, _reader: Reader) -> bytes:
        self._transient_keys.clear()
        return b""

    def _get_network_key_info(self, _reader: Reader) -> bytes:
        has_key = self.tokens.network_key != bytes(16) and self.tokens.network is not None
        return (
            Writer()
            .u32(SlStatus.OK)
            .u8(1 if has_key else 0)
            .u8(0)  # no alternate key staged
            .u8(self.tokens.network_key_sequence)
            .u8(0)
            .u32(self.tokens.nwk_frame_counter)
            .build()
        )

    def _link_key_metadata(self, writer: Writer, row: LinkKey | None) -> Writer:
        if row is None:
            return write_aps_key_metadata(writer, bitmask=0, outgoing=0, incoming=0)
        bitmask = (
            KeyStructBitmask.HAS_OUTGOING_FRAME_COUNTER
            | KeyStructBitmask.HAS_INCOMING_FRAME_COUNTER
            | KeyStructBitmask.HAS_PARTNER_EUI64
        )
        return write_aps_key_metadata(
            writer,
            bitmask=bitmask,
            outgoing=row.outgoing_frame_counter,
            incoming=row.incoming_frame_counter,
        )

    def _get_aps_key_info(self, reader: Reader) -> bytes:
        context = SecurityContext.read(reader)
        if context.core_key_type == KeyType.TC_LINK:
            writer = Writer().raw(self._own_ieee())
            write_aps_key_metadata(
                writer,
                bitmask=KeyStructBitmask.HAS_OUTGOING_FRAME_COUNTER,
                outgoing=self.tokens.aps_frame_counter,
                incoming=0,
            )
            return writer.u32(SlStatus.OK).build()
        found = self._key_row(context) if context.core_key_type == KeyType.APP_LINK else None
        if found is None:
            writer = self._link_key_metadata(Writer().raw(bytes(8)), None)
            return writer.u32(SlStatus.NOT_FOUND).build()
        _index, row = found
        return self._link_key_metadata(Writer().raw(row.eui64), row).u32(SlStatus.OK).build()

    def _import_link_key(self, reader: Reader) -> bytes:
        index, eui64, key = reader.u8(), reader.eui64(), reader.key()
        return struct.pack("<I", self._store_link_key(index, eui64, key))

    def _export_link_key_by_index(self, reader: Reader) -> bytes:
        index = reader.u8()
        table = self.tokens.key_table
        row = table[index] if index < len(table) else None
        if row is None:
            writer = Writer().raw(bytes(8)).raw(bytes(16))
            return self._link_key_metadata(writer, None).u32(SlStatus.NOT_FOUND).build()
        writer = Writer().raw(row.eui64).raw(row.key)
        return self._link_key_metadata(writer, row).u32(SlStatus.OK).build()

    def _export_link_key_by_eui(self, reader: Reader) -> bytes:
        eui64 = reader.eui64()
        for index, row in enumerate(self.tokens.key_table):
            if row is not None and row.eui64 == eui64:
                writer = Writer().raw(row.key).u8(index)
                return self._link_key_metadata(writer, row).u32(SlStatus.OK).build()
        writer = Writer().raw(bytes(16)).u8(0xFF)
        return self._link_key_metadata(writer, None).u32(SlStatus.NOT_FOUND).build()

    def _check_key_context(self, reader: Reader) -> bytes:
        context = SecurityContext.read(reader)
        _key, status = self._key_for(context)
        return struct.pack("<I", status)

    def _import_transient_key(self, reader: Reader) -> bytes:
        eui64, key, _flags = reader.eui64(), reader.key(), reader.u8()
        self._transient_keys[eui64] = key
        return struct.pack("<I", SlStatus.OK)

    # ------------------------------------------------------------------ trust centre

    def _broadcast_next_network_key(self, reader: Reader) -> bytes:
        key = reader.key()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN])
        # An all-zero key asks the stack to pick one.
        self.tokens.network_key = key if key != bytes(16) else os.urandom(16)
        self.tokens.network_key_sequence = (self.tokens.network_key_sequence + 1) & 0xFF
        self._schedule_flush()
        return bytes([EmberStatus.SUCCESS])

    def _remove_device(self, reader: Reader) -> bytes:
        dest_short, _dest_long, target = reader.u16(), reader.eui64(), reader.eui64()
        if not self._network_up:
            return bytes([EmberStatus.NETWORK_DOWN])
        nwk = self.tokens.devices.get(target, dest_short)
        self._after_response(lambda: self._leave(nwk))
        return bytes([EmberStatus.SUCCESS])

    def _get_token_count(self, _reader: Reader) -> bytes:
        return bytes([len(_STACK_TOKENS)])

    def _get_token_info(self, reader: Reader) -> bytes:
        index = reader.u8()
        if index >= len(_STACK_TOKENS):
            return bytes([EmberStatus.INDEX_OUT_OF_RANGE]) + bytes(8)
        creator, size = _STACK_TOKENS[index]
        info = Writer().u32(_NVM3_DOMAIN_ZIGBEE | creator).u8(0).u8(0).u8(size).u8(1)
        return bytes([EmberStatus.SUCCESS]) + info.build()

    def _get_token_data(self, reader: Reader) -> bytes:
        token, index = reader.u32() & 0xFFFF, reader.u32()
        data = self._token_value(token) if index == 0 else None
        if data is None:
            return Writer().u8(EmberStatus.NOT_FOUND).u32(0).build()
        return Writer().u8(EmberStatus.SUCCESS).u32(len(data)).raw(data).build()

    def _token_value(self, creator: int) -> bytes | None:
        if creator == CREATOR_STACK_RESTORED_EUI64:
            return self.tokens.restored_eui64
        return None

    def _set_token_data(self, reader: Reader) -> bytes:
        token, index = reader.u32() & 0xFFFF, reader.u32()
        data = reader.raw(reader.u32())
        if index != 0 or token != CREATOR_STACK_RESTORED_EUI64:
            return bytes([EmberStatus.NOT_FOUND])
        if len(data) != 8:
            return bytes([EmberStatus.BAD_ARGUMENT])
        # Takes effect at the next reset, when the stack reads its tokens again.
        self.tokens.restored_eui64 = data
        self._flush()
        return bytes([EmberStatus.SUCCESS])

    def _reset_node(self, _reader: Reader) -> bytes:
        # The chip reboots once the (empty) response is out: the host hears RSTACK.
        def reboot() -> None:
            client = self._client
            if client is not None:
                client.link.reset_by_ncp(ResetCode.SOFTWARE)

        self._after_response(reboot)
        return b""

    @staticmethod
    def _gp_pairing(reader: Reader) -> bytes:
        del reader
        return bytes([0])  # no proxy table entry added

    def _token_factory_reset(self, reader: Reader) -> bytes:
        keep_counter, _keep_boot_counter = reader.u8(), reader.u8()
        counter = self.tokens.nwk_frame_counter if keep_counter else 0
        custom = self.tokens.custom_eui64  # manufacturing tokens are not stack tokens
        self.tokens = NcpTokens(custom_eui64=custom, nwk_frame_counter=counter)
        self._ieee = self._effective_ieee()
        self._flush()
        return b""

    # ------------------------------------------------------------------ ZDO

    def _zdo_to_self(self, frame: ApsFrame, *, answer: bool = True) -> None:
        """A ZDO request the host addressed to the coordinator (or broadcast)."""
        if not frame.payload:
            return
        sequence, args = frame.payload[0], frame.payload[1:]
        if frame.cluster == ZdoCluster.MGMT_PERMIT_JOINING_REQ and args:
            self._set_permit(args[0])
        elif frame.cluster == ZdoCluster.MGMT_NWK_UPDATE_REQ:
            with contextlib.suppress(struct.error):
                update = mt_zdo.NwkUpdate.decode(args)
                if update.scan_duration == mt_zdo.CHANNEL_CHANGE:
                    self._change_channel(update.channels, update.update_id)
        if not answer:
            return
        result = mt_zdo.answer(frame.cluster, args, self._own_node())
        if result is None:
            return
        cluster, data = result
        reply = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=0,
            dst=COORDINATOR_NWK,
            dst_ep=0,
            cluster=cluster,
            profile=ZDO_PROFILE,
            payload=bytes([sequence]) + data,
        )
        self._incoming(reply, IncomingMessageType.UNICAST)

    def _zdo_from_host(self, target: int, cluster: int, args: bytes) -> None:
        """A ZDO request the stack itself sends (energy scans on the host's behalf)."""
        self._zdo_sequence = (self._zdo_sequence + 1) & 0xFF
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=0,
            dst=target,
            dst_ep=0,
            cluster=cluster,
            profile=ZDO_PROFILE,
            payload=bytes([self._zdo_sequence]) + args,
            dst_mode=AddressMode.BROADCAST if target in BROADCAST_NWKS else AddressMode.NWK,
        )
        if target == COORDINATOR_NWK:
            self._after_response(lambda: self._zdo_to_self(frame))
        elif target in BROADCAST_NWKS:
            self._after_response(lambda: self._broadcast_from_host(frame))
        elif (device := self._devices.get(target)) is not None:
            self._after_response(lambda: self._deliver(device, frame))

    def _change_channel(self, channels: int, update_id: int | None) -> None:
        network = self.tokens.network
        wanted = mt_zdo.channel_list(channels)
        if network is None or not wanted:
            return
        network.channel = wanted[0]
        network.channels = 1 << wanted[0]
        network.nwk_update_id = (
            (network.nwk_update_id + 1) & 0xFF if update_id is None else update_id
        )
        self._schedule_flush()
        self._callback(FrameId.STACK_STATUS_HANDLER, bytes([EmberStatus.CHANNEL_CHANGED]))

    def _own_node(self) -> mt_zdo.OwnNode:
        network = self.tokens.network
        return mt_zdo.OwnNode(
            ieee=self._own_ieee(),
            ext_pan_id=network.extended_pan_id if network is not None else bytes(8),
            endpoints=dict(self._endpoints),
            neighbors=[
                device.node
                for device in self._devices.values()
                if device.node.parent_nwk == COORDINATOR_NWK
            ],
            permit_open=self._permit_open,
        )

    # ------------------------------------------------------------------ from devices

    def _from_air(self, frame: ApsFrame) -> None:
        sender = self._devices.get(frame.src_nwk)
        broadcast = frame.dst_mode == AddressMode.BROADCAST or (
            frame.dst_mode == AddressMode.NWK and frame.dst in BROADCAST_NWKS
        )
        group = frame.dst_mode == AddressMode.GROUP
        if broadcast or group:
            for device in list(self._devices.values()):
                if device is not sender:
                    self._deliver(device, frame)
        elif frame.dst != COORDINATOR_NWK:
            target = self._devices.get(frame.dst)
            if target is not None:
                self._deliver(target, frame)
            return

        if not self._network_up:
            self.frames_dropped += 1
            return
        if frame.profile == ZDO_PROFILE and frame.dst_ep == 0 and frame.src_ep == 0:
            self._zdo_from_device(frame, sender, broadcast=broadcast)
            return
        if group:
            kind = IncomingMessageType.MULTICAST
        elif broadcast:
            kind = IncomingMessageType.BROADCAST
        else:
            kind = IncomingMessageType.UNICAST
        self._incoming(frame, kind)

    def _zdo_from_device(
        self, frame: ApsFrame, sender: SimulatedDevice | None, *, broadcast: bool
    ) -> None:
        if not frame.payload:
            return
        kind = IncomingMessageType.BROADCAST if broadcast else IncomingMessageType.UNICAST
        flags = self._config[ConfigId.APPLICATION_ZDO_FLAGS]
        if sender is not None and mt_zdo.is_request(frame.cluster):
            endpoint_request = frame.cluster in (
                ZdoCluster.ACTIVE_EP_REQ,
                ZdoCluster.SIMPLE_DESC_REQ,
                ZdoCluster.MATCH_DESC_REQ,
            )
            host_answers = endpoint_request and flags & ZdoFlag.APP_HANDLES_ZDO_ENDPOINT_REQUESTS
            if not host_answers:
                self._answer_device(frame, sender, broadcast=broadcast)
            if not flags & (ZdoFlag.APP_RECEIVES_SUPPORTED_ZDO_REQUESTS) and not host_answers:
                return
            options = ApsOption.ZDO_RESPONSE_REQUIRED if host_answers else 0
            self._incoming(frame, kind, options=options)
            return
        if frame.cluster == ZdoCluster.MGMT_LEAVE_RSP:
            self._maybe_complete_leave(frame)
        self._incoming(frame, kind)

    def _answer_device(self, frame: ApsFrame, sender: SimulatedDevice, *, broadcast: bool) -> None:
        sequence, args = frame.payload[0], frame.payload[1:]
        result = mt_zdo.answer(frame.cluster, args, self._own_node(), broadcast=broadcast)
        if result is None:
            return
        cluster, data = result
        self._deliver(
            sender,
            ApsFrame(
                src_nwk=COORDINATOR_NWK,
                src_ep=0,
                dst=frame.src_nwk,
                dst_ep=0,
                cluster=cluster,
                profile=ZDO_PROFILE,
                payload=bytes([sequence]) + data,
            ),
        )

    def _incoming(self, frame: ApsFrame, kind: int, *, options: int = 0) -> None:
        """``incomingMessageHandler`` for a frame the coordinator received."""
        if not self.connected:
            self.frames_dropped += 1
            return
        if len(frame.payload) > _MAX_INCOMING_DATA:
            _LOGGER.warning("Dropping oversized frame from 0x%04X", frame.src_nwk)
            self.frames_dropped += 1
            return
        dst_ep = frame.dst_ep
        if frame.profile != ZDO_PROFILE and dst_ep not in self._endpoints:
            dst_ep = 1 if 1 in self._endpoints or not self._endpoints else min(self._endpoints)
        aps = ApsFields(
            profile=frame.profile,
            cluster=frame.cluster,
            src_ep=frame.src_ep,
            dst_ep=dst_ep,
            options=options,
            group=frame.dst if kind == IncomingMessageType.MULTICAST else 0,
            sequence=self._next_rx_aps_counter(),
        )
        params = Writer().u8(kind)
        aps.write(params)
        params.u8(max(0, min(255, frame.lqi))).s8(max(-128, min(127, frame.rssi)))
        params.u16(frame.src_nwk).u8(0xFF).u8(0xFF).lv_bytes(frame.payload)
        self._callback(FrameId.INCOMING_MESSAGE_HANDLER, params.build())

    def _route_record(self, node: NodeInfo, relays: list[int]) -> None:
        if not self.connected:
            return
        params = Writer().u16(node.nwk).raw(bytes(node.ieee)).u8(255).s8(-50).u8(len(relays))
        self._callback(FrameId.INCOMING_ROUTE_RECORD_HANDLER, params.u16_list(relays).build())

    # ------------------------------------------------------------------ join / leave

    def _record_child(self, ieee: bytes, nwk: int, node_type: int) -> int | None:
        children = self.tokens.children
        for index, child in enumerate(children):
            if child.eui64 == ieee:
                children[index] = Child(ieee, nwk, node_type)
                return index
        if len(children) >= self._config[ConfigId.MAX_END_DEVICE_CHILDREN]:
            # A full child table: the device still joins, through a router in real life.
            return None
        children.append(Child(ieee, nwk, node_type))
        return len(children) - 1

    def _announce(self, nwk: int, announce: bytes, *, exclude: SimulatedDevice) -> None:
        """Broadcast a Device_annce on behalf of a joining device."""
        self._zdo_sequence = (self._zdo_sequence + 1) & 0xFF
        frame = ApsFrame(
            src_nwk=nwk,
            src_ep=0,
            dst=0xFFFD,
            dst_ep=0,
            cluster=ZdoCluster.DEVICE_ANNCE,
            profile=ZDO_PROFILE,
            payload=bytes([self._zdo_sequence]) + announce,
            dst_mode=AddressMode.BROADCAST,
        )
        for device in list(self._devices.values()):
            if device is not exclude:
                self._deliver(device, frame)
        self._incoming(frame, IncomingMessageType.BROADCAST)

    def _note_leave_request(self, frame: ApsFrame) -> None:
        # Mgmt_Leave_req payload: sequence, IEEE, options (bit 7 = rejoin).
        if len(frame.payload) >= 10 and not frame.payload[9] & 0x80:
            self._pending_leaves.add(frame.dst)

    def _maybe_complete_leave(self, frame: ApsFrame) -> None:
        if frame.src_nwk not in self._pending_leaves:
            return
        self._pending_leaves.discard(frame.src_nwk)
        if len(frame.payload) >= 2 and frame.payload[1] == mt_zdo.ZdoStatus.SUCCESS:
            # The device leaves once its answer is on its way.
            asyncio.get_running_loop().call_soon(self._leave, frame.src_nwk)

    def _leave(self, nwk: int) -> None:
        device = self._devices.pop(nwk, None)
        self._failures.pop(nwk, None)
        ieee = bytes(device.node.ieee) if device is not None else None
        if ieee is None:
            ieee = next((i for i, n in self.tokens.devices.items() if n == nwk), None)
        if ieee is None:
            _LOGGER.debug("Leave of unknown device 0x%04X ignored", nwk)
            return
        self.tokens.devices.pop(ieee, None)
        child_index = next(
            (index for index, child in enumerate(self.tokens.children) if child.eui64 == ieee),
            None,
        )
        child_type = NodeType.END_DEVICE
        if child_index is not None:
            child_type = NodeType(self.tokens.children.pop(child_index).node_type)
        self._schedule_flush()
        if not self._host_ready():
            return
        if child_index is not None:
            self._callback(
                FrameId.CHILD_JOIN_HANDLER,
                Writer().u8(child_index).u8(0).u16(nwk).raw(ieee).u8(child_type).build(),
            )
        self._callback(
            FrameId.TRUST_CENTER_JOIN_HANDLER,
            Writer()
            .u16(nwk)
            .raw(ieee)
            .u8(DeviceUpdate.DEVICE_LEFT)
            .u8(JoinDecision.NO_ACTION)
            .u16(_UNKNOWN_NODE_ID)
            .build(),
        )

    # ------------------------------------------------------------------ permit join

    def _set_permit(self, duration: int) -> None:
        self._cancel_permit_timer()
        if duration == 0:
            if self._permit_open:
                self._permit_open = False
                self._callback(FrameId.STACK_STATUS_HANDLER, bytes([EmberStatus.NETWORK_CLOSED]))
                self._notify_permit(0)
            return
        if not self._permit_open:
            self._callback(FrameId.STACK_STATUS_HANDLER, bytes([EmberStatus.NETWORK_OPENED]))
        self._permit_open = True
        if duration != 0xFF:  # 0xFF: until told otherwise
            loop = asyncio.get_running_loop()
            self._permit_timer = loop.call_later(duration, self._set_permit, 0)
        self._notify_permit(duration)

    def _cancel_permit_timer(self) -> None:
        if self._permit_timer is not None:
            self._permit_timer.cancel()
            self._permit_timer = None

    def _notify_permit(self, duration: int) -> None:
        for listener in list(self._permit_listeners):
            try:
                listener(duration)
            except Exception:
                _LOGGER.exception("Permit join listener failed")

    # ------------------------------------------------------------------ helpers

    def _deliver_to_all(self, frame: ApsFrame) -> None:
        for device in list(self._devices.values()):
            self._deliver(device, frame)

    def _deliver(self, device: SimulatedDevice, frame: ApsFrame) -> None:
        try:
            device.receive(frame)
        except Exception:
            _LOGGER.exception("Simulated device 0x%04X failed on %s", device.node.nwk, frame)

    def _take_failure(self, nwk: int) -> DeliveryStatus | None:
        pending = self._failures.pop(nwk, None)
        if pending is None:
            return None
        remaining, status = pending
        if remaining > 1:
            self._failures[nwk] = (remaining - 1, status)
        return status

    def _host_ready(self) -> bool:
        return self._network_up and self.connected

    def _own_ieee(self) -> bytes:
        return self._ieee

    def _effective_ieee(self) -> bytes:
        """The EUI64 the stack uses from its boot on: a restored one, a custom one, its own."""
        for candidate in (self.tokens.restored_eui64, self.tokens.custom_eui64):
            if candidate != BLANK_EUI64:
                return candidate
        return self.hardware_ieee

    def _node_id(self) -> int:
        return COORDINATOR_NWK if self._network_up else _UNKNOWN_NODE_ID

    def _node_data_token(self) -> bytes:
        network = self.tokens.network
        if network is None:
            return bytes([0xFF] * 2) + bytes([0, 0, 0]) + struct.pack("<H", 0xFFFF) + bytes(9)
        return (
            struct.pack("<HbB", network.pan_id, network.tx_power, network.channel)
            + bytes([NodeType.COORDINATOR, 0])
            + struct.pack("<H", COORDINATOR_NWK)
            + network.extended_pan_id
            + bytes([0])
        )

    def _bump_frame_counter(self) -> None:
        """Every secured frame we put on the air uses up one NWK frame counter value."""
        self.tokens.nwk_frame_counter = (self.tokens.nwk_frame_counter + 1) & 0xFFFFFFFF
        self._schedule_flush()

    def _schedule_flush(self) -> None:
        if self._writer is None or self._flush_timer is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._flush()
            return
        self._flush_timer = loop.call_later(_FLUSH_DELAY, self._flush)

    def _flush(self) -> None:
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        self._writer_submit()

    def _writer_submit(self) -> None:
        if self._writer is None:
            return
        data = self.tokens.to_json()
        data["hardware_eui64"] = self.hardware_ieee.hex()
        self._writer.submit(json.dumps(data, indent=2, sort_keys=True))

    @staticmethod
    def _hardware_ieee(path: pathlib.Path | None, ieee: bytes | None) -> bytes:
        if ieee is not None:
            if len(ieee) != 8:
                raise ValueError("The IEEE address must be 8 bytes")
            return bytes(ieee)
        if path is not None:
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                saved = bytes.fromhex(json.loads(path.read_text())["hardware_eui64"])
                if len(saved) == 8:
                    return saved
        return os.urandom(5) + _EMBER_OUI_LE


def _child_type(node: NodeInfo) -> int:
    return NodeType.END_DEVICE if node.rx_on_when_idle else NodeType.SLEEPY_END_DEVICE


def _child_data(eui64: bytes, node_type: int, nwk: int) -> bytes:
    """``EmberChildData``: EUI64, type, id, phy, power, timeout, remaining timeout."""
    return Writer().raw(eui64).u8(node_type).u16(nwk).u8(0).s8(8).u8(8).u32(0).build()


def _capability(node: NodeInfo) -> int:
    """MAC capability flags a device announces (allocate-address always set)."""
    capability = 0x80
    if node.is_router:
        return capability | 0x0E  # full function device, mains powered, rx on idle
    if node.rx_on_when_idle:
        capability |= 0x08
    if node.extra.get("mains_powered", node.rx_on_when_idle):
        capability |= 0x04
    return capability
