"""Emulated TI Z-Stack 3.30 coordinator (CC2652, Koenkk's firmware), reachable over TCP.

The emulator speaks TI's MT protocol (``mt.py``: UNPI frames ``FE len cmd0 cmd1 data fcs``)
on a TCP socket, so any Z-Stack host can use it: zigpy-znp through ``socket://host:port``,
zigbee-herdsman through ``tcp://host:port``. Every request and answer is laid out by
``mt.py``, written from TI's MT specification and firmware, never from a host library.
The NVRAM behaves like the CC2652's extended NV store (``nvram.py``).

Application frames travel over a simulated "air" (``air.py``): the host's requests reach
the :class:`~.air.SimulatedDevice` objects put on the air, and whatever they transmit
comes back as ``AF_INCOMING_MSG`` and ZDO callbacks.

Everything answers immediately: a per-reply delay multiplied by the ~1,900 NV commands
of a formation makes startup take seconds.
"""

from __future__ import annotations

import asyncio
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

from . import mt, mt_zdo
from .air import (
    BROADCAST_NWKS,
    COORDINATOR_NWK,
    HA_PROFILE,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
    DeliveryStatus,
    NodeInfo,
    SimulatedDevice,
    indirect_queue,
)
from .listener import CoordinatorListener
from .mt_zdo import ZdoCluster
from .nv_items import (
    NIB,
    NWK_ACTIVE_KEY_ITEMS,
    NWK_KEY_DESC,
    NWK_STATE_ROUTER,
    STARTOPT_CLEAR_CONFIG,
    STARTOPT_CLEAR_NWK_FRAME_COUNTER,
    STARTOPT_CLEAR_STATE,
    NvSystem,
    OsalItem,
)
from .nvram import LEGACY, NO_IEEE, NWK_SEC_MATERIAL_TABLE, NvRam, StateWriter

_LOGGER = logging.getLogger(__name__)

NVRAM_FILE: Final = "nvram.json"
HARDWARE_FILE: Final = "hardware.json"

# Largest application payload the coordinator receives: the maximum incoming transfer
# size of its node descriptor (what APS fragmentation can reassemble). Anything longer
# never arrives; shorter than the 220 bytes of one AF_INCOMING_MSG, so the firmware's
# AF_INCOMING_MSG_EXT + AF_DATA_RETRIEVE path for bigger messages is never needed.
_MAX_INCOMING_DATA: Final = mt_zdo.MAX_INCOMING_TRANSFER
# Largest NV read answer (MT_MAX_RSP_DATA_LEN minus status and length bytes).
_MAX_NV_CHUNK: Final = 248
# Debounce for persisting NVRAM while a host streams hundreds of NV writes.
_FLUSH_DELAY: Final = 0.2

# SYS_PING capabilities of the ZNP build: SYS, AF, ZDO, UTIL, GP and APP_CNF.
_CAPABILITIES: Final = 0x0001 | 0x0008 | 0x0010 | 0x0040 | 0x0200 | 0x0400
# Koenkk's CC2652 firmware: transport 2, product 1 (Z-Stack 3.x.0), version 2.7.1, and
# its build date, which hosts compare against to pick features.
_TRANSPORT_REV: Final = 2
_PRODUCT_ID: Final = 1
_VERSION: Final = (2, 7, 1)
_CODE_REVISION: Final = 20240710
_TI_OUI_LE: Final = b"\x4b\x12\x00"  # 00:12:4B, stored little-endian at the end

_DEFAULT_PRIMARY_CHANNELS: Final = 1 << 11

# Status codes (ZStatus_t, afStatus_t, NVINTF_*) the answers carry.
_SUCCESS: Final = 0x00
_FAILURE: Final = 0x01
_INVALID_PARAMETER: Final = 0x02
_NV_ITEM_UNINIT: Final = 0x09
_NV_BAD_ITEM_LEN: Final = 0x0C
_NVINTF_BADPARAM: Final = 0x04
_NVINTF_BADLENGTH: Final = 0x05
_NVINTF_BADOFFSET: Final = 0x06
_NVINTF_BADSYSID: Final = 0x09
_NVINTF_NOTFOUND: Final = 0x0A
_NVINTF_EXIST: Final = 0x0D
_APS_TABLE_FULL: Final = 0xB2
_APS_DUPLICATE_ENTRY: Final = 0xB8
_APS_NO_BOUND_DEVICE: Final = 0xB9
_NWK_NO_ROUTE: Final = 0xCD
_MAC_INVALID_PARAMETER: Final = 0xE8

# devStates_t
_DEV_HOLD: Final = 0
_DEV_COORD_STARTING: Final = 8
_DEV_ZB_COORD: Final = 9

# BDB commissioning: notification statuses, the mode being reported (an index) and the
# modes still to run (a bit mask).
_BDB_SUCCESS: Final = 0
_BDB_IN_PROGRESS: Final = 1
_BDB_NO_NETWORK: Final = 2
_BDB_NETWORK_RESTORED: Final = 13
_BDB_REPORT_INITIALIZATION: Final = 0
_BDB_REPORT_FORMATION: Final = 2
_BDB_MODE_FORMATION: Final = 0x04

# afAddrMode_t of AF_DATA_REQUEST_EXT.
_ADDR_NOT_PRESENT: Final = 0
_ADDR_GROUP: Final = 1
_ADDR_16BIT: Final = 2
_ADDR_64BIT: Final = 3
_ADDR_BROADCAST: Final = 15
_TX_WILDCARD_PROFILE: Final = 0x02

# Node relations of the association table (assoc_list.h).
_CHILD_RFD: Final = 1
_CHILD_RFD_RX_IDLE: Final = 2
_CHILD_FFD_RX_IDLE: Final = 4
_NOT_USED: Final = 0xFF
_NO_NODE: Final = 0xFFFE

# SYS_STACK_TUNE operations.
_STACK_TUNE_TX_POWER: Final = 0
_STACK_TUNE_RX_ON_IDLE: Final = 1

# ZDO_MSG_CB_REGISTER cluster that stands for "every response and Device_annce".
_ALL_ZDO_MESSAGES: Final = 0xFFFF
# The firmware caps a "forever" permit (0xFF) at 254 seconds (Zigbee R21).
_PERMIT_MAX: Final = 0xFE
# APS groups per the firmware's table; names are at most 15 bytes.
_MAX_GROUPS: Final = 16
_GROUP_NAME_MAX: Final = mt.GROUP_NAME_FIELD - 1

type Handler = Callable[[mt.Message], dict[str, mt.Value] | None]


@dataclass(slots=True)
class _Endpoint:
    """An endpoint registered with AF_REGISTER."""

    descriptor: mt_zdo.EndpointDescriptor
    groups: dict[int, bytes]  # group id -> name


class _ClientProtocol(asyncio.Protocol):
    """One TCP client (a host stack) of the emulator."""

    def __init__(self, emulator: ZStackEmulator) -> None:
        self._emulator = emulator
        self.transport: asyncio.Transport | None = None
        self.reader = mt.FrameReader()

    @property
    def buffer(self) -> bytearray:
        """Bytes received but not yet part of a complete frame."""
        return self.reader.buffer

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._emulator._client_connected(self)

    def data_received(self, data: bytes) -> None:
        self._emulator._process(self, data)

    def connection_lost(self, exc: Exception | None) -> None:
        self._emulator._client_disconnected(self)


class ZStackEmulator(CoordinatorListener):
    """A CC2652 coordinator running Z-Stack 3.30, reachable over TCP."""

    kind = "Z-Stack emulator"

    def __init__(self, state_dir: pathlib.Path | None, *, ieee: bytes | None = None) -> None:
        """Create the emulator.

        ``state_dir`` None keeps everything in memory. ``ieee`` is the hardware address,
        8 bytes little-endian as on the air (default: random with TI's 00:12:4B prefix,
        stable per ``state_dir``).
        """
        self._state_dir = state_dir
        if state_dir is not None:
            state_dir.mkdir(parents=True, exist_ok=True)
        self.hardware_ieee = self._load_hardware_ieee(ieee)
        self.nvram = NvRam(self.hardware_ieee)
        self._writer: StateWriter | None = None
        if state_dir is not None:
            self.nvram.load(state_dir / NVRAM_FILE)
            self._writer = StateWriter(state_dir / NVRAM_FILE)

        self.frames_in = 0
        self.frames_out = 0
        self.frames_dropped = 0
        # Wall time spent handling MT frames and device transmissions (benchmarks).
        self.busy_seconds = 0.0

        self._server: asyncio.Server | None = None
        self._host = "127.0.0.1"
        self._port = 0
        self._client: _ClientProtocol | None = None
        # Callbacks raised while a request is handled wait for its SRSP.
        self._deferred: list[mt.Frame] | None = None

        self._devices: dict[int, SimulatedDevice] = {}
        # nwk -> (unicasts still to fail, status they fail with)
        self._failures: dict[int, tuple[int, DeliveryStatus]] = {}
        self._pending_leaves: set[int] = set()
        # Association entries a host removed (UTIL_ASSOC_REMOVE), by IEEE address.
        self._assoc_removed: set[bytes] = set()

        # RAM state of the stack: lost on every reset, like on the chip.
        self._endpoints: dict[int, _Endpoint] = {}
        self._dev_state = _DEV_HOLD
        self._primary_channels = _DEFAULT_PRIMARY_CHANNELS
        self._frame_counter_row: int | None = None
        self._zdo_callbacks: set[int] = set()
        self._rx_on_idle = True
        self._permit_open = False
        self._permit_own = False  # opened by a request to the coordinator itself
        self._permit_timer: asyncio.TimerHandle | None = None
        self._permit_listeners: list[Callable[[int], None]] = []
        self._flush_timer: asyncio.TimerHandle | None = None
        self._tsn = random.randrange(256)

        self._handlers = self._build_handlers()
        self._subsystems = frozenset(subsystem for subsystem, _ in self._handlers)

    # ------------------------------------------------------------------ public API

    def _connection(self) -> asyncio.Protocol:
        return _ClientProtocol(self)

    @property
    def port(self) -> int:
        return self._port

    @property
    def connected(self) -> bool:
        client = self._client
        return (
            client is not None
            and client.transport is not None
            and not client.transport.is_closing()
        )

    @property
    def registered_endpoints(self) -> frozenset[int]:
        """Endpoints the host registered with ``AF_REGISTER`` since the last reset."""
        return frozenset(self._endpoints)

    @property
    def network_running(self) -> bool:
        """The stack has been started on a formed network since its last reset."""
        return self._dev_state == _DEV_ZB_COORD

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
            self._transmit(frame)
        finally:
            self.busy_seconds += time.perf_counter() - started

    @property
    def permit_join_open(self) -> bool:
        return self._permit_open

    def add_permit_join_listener(self, callback: Callable[[int], None]) -> Callable[[], None]:
        """Call ``callback(duration)`` when joins open (``0`` when they close)."""
        self._permit_listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._permit_listeners.remove(callback)

        return unsubscribe

    async def join(self, device: SimulatedDevice) -> None:
        """The device joins through its parent: TC join indication, then its announce.

        Joining is recorded in NVRAM (address manager + hashed TC link key), so it
        survives restarts and shows up in the host's network backups. Permit join is not
        enforced here; callers that care check :attr:`permit_join_open`.
        """
        node = device.node
        self.add_device(device)
        self._assoc_removed.discard(bytes(node.ieee))
        child = node.parent_nwk == COORDINATOR_NWK and not node.is_router
        if not self.nvram.record_join(bytes(node.ieee), node.nwk, child=child):
            raise RuntimeError("The coordinator's address manager table is full")
        self._schedule_flush()
        if not self._host_ready():
            return
        self._send(
            mt.ZDO_TC_DEV_IND.frame(nwk=node.nwk, ieee=bytes(node.ieee), parent=node.parent_nwk)
        )
        if node.parent_nwk != COORDINATOR_NWK:
            self._send(mt.ZDO_SRC_RTG_IND.frame(dst=node.nwk, relays=(node.parent_nwk,)))
        announce = struct.pack("<H8sB", node.nwk, bytes(node.ieee), _capability(node))
        self._announce(node.nwk, announce, exclude=device)

    async def leave(self, nwk: int) -> None:
        """The device at ``nwk`` leaves the network (ZDO_LEAVE_IND)."""
        self._leave(nwk)

    def is_joined(self, ieee: bytes) -> bool:
        return bytes(ieee) in self.joined_devices()

    def joined_devices(self) -> dict[bytes, int]:
        """IEEE (little-endian) -> NWK of every device the stack has let in."""
        return self.nvram.joined_devices()

    def fail_next(self, nwk: int, count: int, status: DeliveryStatus) -> None:
        """Fail the next ``count`` unicasts to ``nwk`` with ``status`` (0 clears)."""
        if count <= 0 or status == DeliveryStatus.SUCCESS:
            self._failures.pop(nwk, None)
        else:
            self._failures[nwk] = (count, status)

    # ------------------------------------------------------------------ transport

    def _process(self, client: _ClientProtocol, data: bytes) -> None:
        started = time.perf_counter()
        try:
            for frame in client.reader.feed(data):
                if client is not self._client:
                    break  # a replaced connection is not served any more
                self._handle_frame(frame)
        finally:
            self.busy_seconds += time.perf_counter() - started

    def _send(self, frame: mt.Frame) -> None:
        """Write one MT frame to the host; dropped when nobody is connected.

        While a request is being handled, callbacks wait until its SRSP is out.
        """
        if self._deferred is not None:
            self._deferred.append(frame)
            return
        client = self._client
        if client is None or client.transport is None or client.transport.is_closing():
            return
        client.transport.write(frame.encode())
        self.frames_out += 1

    def _handle_frame(self, frame: mt.Frame) -> None:
        self.frames_in += 1
        if frame.type not in (mt.FrameType.SREQ, mt.FrameType.AREQ):
            return  # hosts send requests only
        is_sreq = frame.type == mt.FrameType.SREQ
        entry = self._handlers.get((frame.subsystem, frame.command))
        if entry is None:
            _LOGGER.debug("Unsupported MT command %02X %02X", frame.cmd0, frame.command)
            if is_sreq:
                known = frame.subsystem in self._subsystems
                error = mt.RpcError.COMMAND_ID if known else mt.RpcError.SUBSYSTEM
                self._send(mt.rpc_error(error, frame))
            return
        command, handler = entry
        try:
            request = self._decode(command, frame.data)
        except mt.MtDecodeError:
            _LOGGER.warning("Malformed %s: %s", command.name, frame.data.hex())
            if is_sreq:
                self._send(mt.rpc_error(mt.RpcError.LENGTH, frame))
            return
        self._deferred = []
        try:
            answer = handler(request)
        finally:
            deferred, self._deferred = self._deferred, None
        if is_sreq and command.response is not None and answer is not None:
            self._send(command.response_frame(**answer))
        for callback in deferred:
            self._send(callback)

    @staticmethod
    def _decode(command: mt.Command, data: bytes) -> mt.Message:
        if command is mt.ZDO_MGMT_PERMIT_JOIN_REQ and len(data) == 4:
            legacy = mt.decode(mt.ZDO_MGMT_PERMIT_JOIN_REQ_LEGACY, data)
            return mt.Message({"addr_mode": _ADDR_16BIT, **legacy})
        return mt.decode(command.request, data)

    def _build_handlers(self) -> dict[tuple[int, int], tuple[mt.Command, Handler]]:
        ok = self._ok
        table: dict[mt.Command, Handler] = {
            # SYS
            mt.SYS_RESET_REQ: self._sys_reset,
            mt.SYS_PING: lambda _: {"capabilities": _CAPABILITIES},
            mt.SYS_VERSION: self._sys_version,
            mt.SYS_SET_EXTADDR: self._sys_set_ext_addr,
            mt.SYS_GET_EXTADDR: lambda _: {"ieee": self._own_ieee()},
            mt.SYS_RANDOM: lambda _: {"value": random.randrange(0x10000)},
            mt.SYS_STACK_TUNE: self._sys_stack_tune,
            mt.SYS_SET_TX_POWER: self._sys_set_tx_power,
            mt.SYS_OSAL_NV_ITEM_INIT: self._osal_nv_item_init,
            mt.SYS_OSAL_NV_READ: self._osal_nv_read,
            mt.SYS_OSAL_NV_READ_EXT: self._osal_nv_read,
            mt.SYS_OSAL_NV_WRITE: self._osal_nv_write,
            mt.SYS_OSAL_NV_WRITE_EXT: self._osal_nv_write,
            mt.SYS_OSAL_NV_DELETE: self._osal_nv_delete,
            mt.SYS_OSAL_NV_LENGTH: lambda m: {"length": self.nvram.length(LEGACY, m.num("id"))},
            mt.SYS_NV_CREATE: self._nv_create,
            mt.SYS_NV_DELETE: self._nv_delete,
            mt.SYS_NV_LENGTH: self._nv_length,
            mt.SYS_NV_READ: self._nv_read,
            mt.SYS_NV_WRITE: self._nv_write,
            mt.SYS_NV_UPDATE: self._nv_write,
            mt.SYS_NV_COMPACT: ok,
            # UTIL
            mt.UTIL_GET_DEVICE_INFO: self._util_device_info,
            mt.UTIL_LED_CONTROL: ok,
            mt.UTIL_ADDRMGR_EXT_ADDR_LOOKUP: self._util_addrmgr_ext_lookup,
            mt.UTIL_ADDRMGR_NWK_ADDR_LOOKUP: self._util_addrmgr_nwk_lookup,
            mt.UTIL_ASSOC_COUNT: self._util_assoc_count,
            mt.UTIL_ASSOC_FIND_DEVICE: self._util_assoc_find,
            mt.UTIL_ASSOC_GET_WITH_ADDRESS: self._util_assoc_get,
            mt.UTIL_ASSOC_REMOVE: self._util_assoc_remove,
            mt.UTIL_ASSOC_ADD: self._util_assoc_add,
            # APP_CNF
            mt.APP_CNF_BDB_START_COMMISSIONING: self._bdb_start_commissioning,
            mt.APP_CNF_BDB_SET_CHANNEL: self._bdb_set_channel,
            mt.APP_CNF_SET_NWK_FRAME_COUNTER: self._app_set_frame_counter,
            mt.APP_CNF_SET_DEFAULT_REMOTE_ENDDEVICE_TIMEOUT: self._app_end_device_timeout,
            mt.APP_CNF_SET_ALLOWREJOIN_TC_POLICY: ok,
            mt.APP_CNF_BDB_ADD_INSTALLCODE: ok,
            mt.APP_CNF_BDB_SET_TC_REQUIRE_KEY_EXCHANGE: ok,
            mt.APP_CNF_BDB_SET_JOINUSESINSTALLCODEKEY: ok,
            mt.APP_CNF_BDB_SET_ACTIVE_DEFAULT_CENTRALIZED_KEY: ok,
            # AF
            mt.AF_REGISTER: self._af_register,
            mt.AF_DELETE: self._af_delete,
            mt.AF_DATA_REQUEST: self._af_data_request,
            mt.AF_DATA_REQUEST_EXT: self._af_data_request_ext,
            mt.AF_DATA_REQUEST_SRC_RTG: self._af_data_request_src_rtg,
            mt.AF_INTER_PAN_CTL: ok,
            mt.AF_DATA_RETRIEVE: self._af_data_retrieve,
            # ZDO
            mt.ZDO_MGMT_PERMIT_JOIN_REQ: self._zdo_permit_join,
            mt.ZDO_MGMT_NWK_UPDATE_REQ: self._zdo_nwk_update,
            mt.ZDO_MSG_CB_REGISTER: self._zdo_callback_register,
            mt.ZDO_MSG_CB_REMOVE: self._zdo_callback_remove,
            mt.ZDO_STARTUP_FROM_APP: self._zdo_startup_from_app,
            mt.ZDO_EXT_ROUTE_DISC: ok,
            mt.ZDO_EXT_ROUTE_CHECK: self._zdo_route_check,
            mt.ZDO_EXT_REMOVE_GROUP: self._zdo_remove_group,
            mt.ZDO_EXT_REMOVE_ALL_GROUP: self._zdo_remove_all_groups,
            mt.ZDO_EXT_FIND_ALL_GROUPS_ENDPOINT: self._zdo_find_all_groups,
            mt.ZDO_EXT_FIND_GROUP: self._zdo_find_group,
            mt.ZDO_EXT_ADD_GROUP: self._zdo_add_group,
            mt.ZDO_EXT_COUNT_ALL_GROUPS: self._zdo_count_groups,
            mt.ZDO_EXT_NWK_INFO: self._zdo_nwk_info,
        }
        for command in mt_zdo.FORWARDED_REQUESTS:
            table[command] = self._zdo_request_handler(command)
        return {(int(cmd.subsystem), cmd.id): (cmd, handler) for cmd, handler in table.items()}

    @staticmethod
    def _ok(_request: mt.Message) -> dict[str, mt.Value]:
        return {"status": _SUCCESS}

    # ------------------------------------------------------------------ SYS

    def _sys_version(self, _request: mt.Message) -> dict[str, mt.Value]:
        major, minor, maint = _VERSION
        return {
            "transport_rev": _TRANSPORT_REV,
            "product": _PRODUCT_ID,
            "major": major,
            "minor": minor,
            "maint": maint,
            "revision": _CODE_REVISION,
        }

    def _sys_reset(self, _request: mt.Message) -> None:
        self._reboot()
        major, minor, maint = _VERSION
        self._send(
            mt.SYS_RESET_IND.frame(
                reason=0,  # the CC2652 always reports a power-up
                transport_rev=_TRANSPORT_REV,
                product=_PRODUCT_ID,
                major=major,
                minor=minor,
                maint=maint,
            )
        )

    def _sys_set_ext_addr(self, request: mt.Message) -> dict[str, mt.Value]:
        self.nvram.set_osal(OsalItem.EXTADDR, request.raw("ieee"))
        self._schedule_flush()
        return {"status": _SUCCESS}

    def _sys_stack_tune(self, request: mt.Message) -> dict[str, mt.Value]:
        operation, value = request.num("operation"), request.num("value")
        if operation == _STACK_TUNE_TX_POWER:
            return {"value": _SUCCESS}
        if operation == _STACK_TUNE_RX_ON_IDLE:
            if value in (0, 1):
                self._rx_on_idle = bool(value)
                return {"value": _SUCCESS}
            return {"value": int(self._rx_on_idle)}  # neither TRUE nor FALSE: a query
        return {"value": _INVALID_PARAMETER}

    def _sys_set_tx_power(self, request: mt.Message) -> dict[str, mt.Value]:
        # The CC2652's radio takes -20..+5 dBm (+20 on the P variants).
        power = request.num("tx_power")
        return {"status": _SUCCESS if -20 <= power <= 20 else _MAC_INVALID_PARAMETER}

    def _reboot(self) -> None:
        """What a soft reset does to the chip: apply startup options, lose RAM state."""
        options = (self.nvram.osal(OsalItem.STARTUP_OPTION) or b"\x00")[0]
        keep_counters = not options & STARTOPT_CLEAR_NWK_FRAME_COUNTER
        if options & STARTOPT_CLEAR_CONFIG:
            self.nvram.factory_reset(keep_frame_counters=keep_counters)
        elif options & STARTOPT_CLEAR_STATE:
            self.nvram.clear_network_state()
        if not keep_counters:
            for sub_id, _row in enumerate(self.nvram.table(NWK_SEC_MATERIAL_TABLE)):
                self.nvram.set(NWK_SEC_MATERIAL_TABLE, sub_id, bytes(12))
        if options:
            self.nvram.set_osal(OsalItem.STARTUP_OPTION, b"\x00")
        self.nvram.restore_missing_defaults()

        self._endpoints.clear()
        self._dev_state = _DEV_HOLD
        self._primary_channels = _DEFAULT_PRIMARY_CHANNELS
        self._frame_counter_row = None
        self._zdo_callbacks.clear()
        self._set_permit(0)
        self._flush()

    # ------------------------------------------------------------------ NVRAM commands

    def _osal_nv_read(self, request: mt.Message) -> dict[str, mt.Value]:
        value = self.nvram.get(LEGACY, request.num("id")) or b""
        offset = request.num("offset")
        if offset >= len(value):  # a missing item has length 0
            return {"status": _INVALID_PARAMETER, "value": b""}
        return {"status": _SUCCESS, "value": value[offset : offset + _MAX_NV_CHUNK]}

    def _osal_nv_write(self, request: mt.Message) -> dict[str, mt.Value]:
        nvid = request.num("id")
        written = self.nvram.write(LEGACY, nvid, request.num("offset"), request.raw("value"))
        if written:
            self._nv_changed(LEGACY)
        return {"status": _SUCCESS if written else _INVALID_PARAMETER}

    def _osal_nv_item_init(self, request: mt.Message) -> dict[str, mt.Value]:
        nvid, length = request.num("id"), request.num("item_len")
        created = self.nvram.create(LEGACY, nvid, length, request.raw("init"))
        if created:
            self._nv_changed(LEGACY)
        return {"status": _NV_ITEM_UNINIT if created else _SUCCESS}

    def _osal_nv_delete(self, request: mt.Message) -> dict[str, mt.Value]:
        nvid = request.num("id")
        length = self.nvram.length(LEGACY, nvid)
        if length == 0:
            status = _NV_ITEM_UNINIT
        elif length != request.num("item_len"):
            status = _NV_BAD_ITEM_LEN
        else:
            self.nvram.delete(LEGACY, nvid)
            self._nv_changed(LEGACY)
            status = _SUCCESS
        return {"status": status}

    @staticmethod
    def _nv_address(request: mt.Message) -> tuple[int, int] | None:
        """(item, sub id) of an extended NV request, None for another system's item."""
        if request.num("sys_id") != NvSystem.ZSTACK:
            return None
        return request.num("item_id"), request.num("sub_id")

    def _nv_length(self, request: mt.Message) -> dict[str, mt.Value]:
        address = self._nv_address(request)
        return {"length": 0 if address is None else self.nvram.length(*address)}

    def _nv_read(self, request: mt.Message) -> dict[str, mt.Value]:
        address = self._nv_address(request)
        value = None if address is None else self.nvram.get(*address)
        offset, length = request.num("offset"), min(request.num("length"), _MAX_NV_CHUNK)
        if value is None:
            status = _NVINTF_NOTFOUND
        elif length == 0:
            status = _NVINTF_BADPARAM
        elif offset + length > len(value):
            status = _NVINTF_BADLENGTH if length > len(value) else _NVINTF_BADOFFSET
        else:
            return {"status": _SUCCESS, "value": value[offset : offset + length]}
        return {"status": status, "value": b""}

    def _nv_write(self, request: mt.Message) -> dict[str, mt.Value]:
        """SYS_NV_WRITE / SYS_NV_UPDATE: the item becomes the value (created if needed)."""
        address = self._nv_address(request)
        value = request.raw("value")
        if address is None:
            return {"status": _NVINTF_BADSYSID}
        if request.get("offset", 0) != 0 or not value:
            return {"status": _NVINTF_BADPARAM}  # the NV driver only writes whole items
        self.nvram.set(*address, value)
        self._nv_changed(address[0])
        return {"status": _SUCCESS}

    def _nv_create(self, request: mt.Message) -> dict[str, mt.Value]:
        address = self._nv_address(request)
        length = request.num("length")
        if address is None:
            return {"status": _NVINTF_BADSYSID}
        if length == 0:
            return {"status": _NVINTF_BADLENGTH}
        if not self.nvram.create(*address, length, bytes(length)):
            return {"status": _NVINTF_EXIST}
        self._nv_changed(address[0])
        return {"status": _SUCCESS}

    def _nv_delete(self, request: mt.Message) -> dict[str, mt.Value]:
        address = self._nv_address(request)
        if address is None:
            return {"status": _NVINTF_BADSYSID}
        if not self.nvram.delete(*address):
            return {"status": _NVINTF_NOTFOUND}
        self._nv_changed(address[0])
        return {"status": _SUCCESS}

    def _nv_changed(self, item_id: int) -> None:
        if item_id == NWK_SEC_MATERIAL_TABLE:
            self._frame_counter_row = None
        self._schedule_flush()

    # ------------------------------------------------------------------ UTIL

    def _util_device_info(self, _request: mt.Message) -> dict[str, mt.Value]:
        return {
            "status": _SUCCESS,
            "ieee": self._own_ieee(),
            "nwk": COORDINATOR_NWK if self.network_running else _NO_NODE,
            "device_type": 0x07,  # a build that can be coordinator, router, end device
            "device_state": self._dev_state,
            "assoc_devices": tuple(node.nwk for node in self._children()),
        }

    def _util_addrmgr_ext_lookup(self, request: mt.Message) -> dict[str, mt.Value]:
        ieee = request.raw("ieee")
        if ieee == self._own_ieee():
            return {"nwk": COORDINATOR_NWK}
        return {"nwk": self.joined_devices().get(ieee, _NO_NODE)}

    def _util_addrmgr_nwk_lookup(self, request: mt.Message) -> dict[str, mt.Value]:
        nwk = request.num("nwk")
        if nwk == COORDINATOR_NWK:
            return {"ieee": self._own_ieee()}
        joined = (ieee for ieee, known in self.joined_devices().items() if known == nwk)
        return {"ieee": next(joined, b"\xff" * 8)}

    def _util_assoc_count(self, request: mt.Message) -> dict[str, mt.Value]:
        low, high = request.num("start_relation"), request.num("end_relation")
        relations = [_relation(node) for node in self._children()]
        return {"count": sum(low <= relation <= high for relation in relations)}

    def _util_assoc_find(self, request: mt.Message) -> dict[str, mt.Value]:
        children = self._children()
        index = request.num("number")
        node = children[index] if index < len(children) else None
        return {"device": _assoc_entry(node, index)}

    def _util_assoc_get(self, request: mt.Message) -> dict[str, mt.Value]:
        ieee, nwk = request.raw("ieee"), request.num("nwk")
        by_ieee = ieee not in NO_IEEE  # an invalid IEEE address means "look up by NWK"
        for index, node in enumerate(self._children()):
            if (node.ieee == ieee) if by_ieee else (node.nwk == nwk):
                return {"device": _assoc_entry(node, index)}
        return {"device": _assoc_entry(None, 0)}

    def _util_assoc_remove(self, request: mt.Message) -> dict[str, mt.Value]:
        self._assoc_removed.add(request.raw("ieee"))
        return {"status": _SUCCESS}

    def _util_assoc_add(self, request: mt.Message) -> dict[str, mt.Value]:
        self._assoc_removed.discard(request.raw("ieee"))
        return {"status": _SUCCESS}

    def _children(self) -> list[NodeInfo]:
        """Devices on the air whose parent is the coordinator (the association table)."""
        return [
            device.node
            for device in self._devices.values()
            if device.node.parent_nwk == COORDINATOR_NWK
            and bytes(device.node.ieee) not in self._assoc_removed
        ]

    # ------------------------------------------------------------------ BDB / startup

    def _bdb_set_channel(self, request: mt.Message) -> dict[str, mt.Value]:
        if request.num("is_primary"):
            self._primary_channels = request.num("channels")
        return {"status": _SUCCESS}

    def _app_set_frame_counter(self, request: mt.Message) -> dict[str, mt.Value]:
        row = self.nvram.frame_counter_row(self._ext_pan_id())
        if row is not None:
            self.nvram.set_frame_counter(row, request.num("frame_counter"))
            self._schedule_flush()
        return {"status": _SUCCESS}

    def _app_end_device_timeout(self, request: mt.Message) -> dict[str, mt.Value]:
        return {"status": _SUCCESS if request.num("timeout") <= 14 else _INVALID_PARAMETER}

    def _bdb_start_commissioning(self, request: mt.Message) -> dict[str, mt.Value]:
        mode = request.num("mode")
        if mode & _BDB_MODE_FORMATION:
            self._commission_formation()
        elif self._is_formed():
            self._start_coordinator()
            self._send(self._bdb_notification(_BDB_SUCCESS, _BDB_REPORT_INITIALIZATION, 0))
        else:
            self._send(self._bdb_notification(_BDB_NO_NETWORK, _BDB_REPORT_INITIALIZATION, 0))
        return {"status": _SUCCESS}

    def _zdo_startup_from_app(self, _request: mt.Message) -> dict[str, mt.Value]:
        # Z-Stack 3.x starts a coordinator through BDB formation (which resumes a network
        # that exists) and answers success at once.
        self._commission_formation()
        return {"status": _SUCCESS}

    def _commission_formation(self) -> None:
        if self._is_formed():
            self._start_coordinator()
            self._send(
                self._bdb_notification(
                    _BDB_NETWORK_RESTORED, _BDB_REPORT_INITIALIZATION, _BDB_MODE_FORMATION
                )
            )
        else:
            self._dev_state = _DEV_COORD_STARTING
            self._send(mt.ZDO_STATE_CHANGE_IND.frame(state=_DEV_COORD_STARTING))
            self._send(
                self._bdb_notification(_BDB_IN_PROGRESS, _BDB_REPORT_FORMATION, _BDB_MODE_FORMATION)
            )
            self._form_network()
            self._start_coordinator()
        self._send(self._bdb_notification(_BDB_SUCCESS, _BDB_REPORT_FORMATION, 0))

    def _start_coordinator(self) -> None:
        self._dev_state = _DEV_ZB_COORD
        self._send(mt.ZDO_STATE_CHANGE_IND.frame(state=_DEV_ZB_COORD))

    @staticmethod
    def _bdb_notification(status: int, mode: int, remaining: int) -> mt.Frame:
        return mt.APP_CNF_BDB_COMMISSIONING_NOTIFICATION.frame(
            status=status, mode=mode, remaining_modes=remaining
        )

    def _nib(self) -> bytes | None:
        raw = self.nvram.osal(OsalItem.NIB)
        return raw if raw is not None and len(raw) >= NIB.size else None

    def _is_formed(self) -> bool:
        nib = self._nib()
        return (
            nib is not None
            and NIB.get_int(nib, "nwkLogicalChannel") != 0
            and NIB.get_int(nib, "nwkKeyLoaded") != 0
            and self.nvram.osal(OsalItem.BDBNODEISONANETWORK) == b"\x01"
        )

    def _form_network(self) -> None:
        """Form a network from the commissioning NV items, as BDB formation does.

        Hosts write a PAN id (0xFFFF = pick one), extended PAN id and key before forming;
        a blank emulator's own key is random too, never a default one.
        """
        ieee = self._own_ieee()
        pan_id = int.from_bytes(self.nvram.osal(OsalItem.PANID) or b"\xff\xff", "little")
        if pan_id in (0x0000, 0xFFFE, 0xFFFF):
            pan_id = random.randint(0x0001, 0xFFF7)
        ext_pan_id = self.nvram.osal(OsalItem.APS_USE_EXT_PANID) or bytes(8)
        if ext_pan_id in NO_IEEE:
            ext_pan_id = ieee
        key = self.nvram.osal(OsalItem.PRECFGKEY) or bytes(16)
        if key == bytes(16):
            key = os.urandom(16)
            self.nvram.set_osal(OsalItem.PRECFGKEY, key)
        channels = mt_zdo.channel_list(self._primary_channels)
        channel = channels[0] if channels else 11

        key_desc = NWK_KEY_DESC.pack({"key_seq": 0, "key": key})
        self.nvram.set_osal(
            OsalItem.NIB, _formed_nib(channel=channel, pan_id=pan_id, ext_pan_id=ext_pan_id)
        )
        self.nvram.set_osal(OsalItem.EXTENDED_PAN_ID, ext_pan_id)
        self.nvram.set_osal(OsalItem.NWK_ACTIVE_KEY_INFO, key_desc)
        self.nvram.set_osal(OsalItem.NWK_ALTERN_KEY_INFO, key_desc)
        self.nvram.set_osal(
            OsalItem.NWKKEY, NWK_ACTIVE_KEY_ITEMS.pack({"active": key_desc, "frame_counter": 0})
        )
        self.nvram.set_osal(OsalItem.BDBNODEISONANETWORK, b"\x01")
        # Counters of networks formed before survive, like the real security material.
        self.nvram.frame_counter_row(ext_pan_id, create=True)
        self._frame_counter_row = None
        self._flush()

    # ------------------------------------------------------------------ AF

    def _af_register(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = request.num("endpoint")
        if endpoint in self._endpoints or endpoint == 0:  # 0 is the ZDO's own endpoint
            return {"status": _INVALID_PARAMETER}
        self._endpoints[endpoint] = _Endpoint(
            mt_zdo.EndpointDescriptor(
                endpoint=endpoint,
                profile=request.num("profile"),
                device_type=request.num("device_id"),
                device_version=request.num("device_version"),
                input_clusters=request.words("input_clusters"),
                output_clusters=request.words("output_clusters"),
            ),
            groups={},
        )
        return {"status": _SUCCESS}

    def _af_delete(self, request: mt.Message) -> dict[str, mt.Value]:
        found = self._endpoints.pop(request.num("endpoint"), None) is not None
        return {"status": _SUCCESS if found else _INVALID_PARAMETER}

    def _af_data_request(self, request: mt.Message) -> dict[str, mt.Value]:
        dst = request.num("dst_addr")
        mode = AddressMode.BROADCAST if dst in BROADCAST_NWKS else AddressMode.NWK
        return self._route_from_host(request, mode, dst)

    def _af_data_request_src_rtg(self, request: mt.Message) -> dict[str, mt.Value]:
        return self._route_from_host(request, AddressMode.NWK, request.num("dst_addr"))

    def _af_data_request_ext(self, request: mt.Message) -> dict[str, mt.Value]:
        dst_pan = request.num("dst_pan")
        if dst_pan not in (0x0000, self._pan_id()):
            # Inter-PAN (touchlink) frames leave our network: accept and forget.
            return {"status": _SUCCESS}
        address, mode = request.raw("dst_addr"), request.num("dst_mode")
        short = int.from_bytes(address[:2], "little")
        if mode == _ADDR_GROUP:
            return self._route_from_host(request, AddressMode.GROUP, short)
        if mode == _ADDR_BROADCAST or (mode == _ADDR_16BIT and short in BROADCAST_NWKS):
            return self._route_from_host(request, AddressMode.BROADCAST, short)
        if mode == _ADDR_16BIT:
            return self._route_from_host(request, AddressMode.NWK, short)
        if mode == _ADDR_64BIT:
            return self._route_from_host(request, AddressMode.NWK, self._nwk_of(address))
        if mode == _ADDR_NOT_PRESENT:
            # Sent along the coordinator's own bindings, of which it has none.
            if request.num("src_ep") not in self._endpoints:
                return {"status": _INVALID_PARAMETER}
            self._data_confirm(request, _APS_NO_BOUND_DEVICE)
            return {"status": _SUCCESS}
        return {"status": _INVALID_PARAMETER}

    def _route_from_host(
        self, request: mt.Message, mode: AddressMode, destination: int | None
    ) -> dict[str, mt.Value]:
        """Send an AF data request over the air and report its fate to the host."""
        src_ep, dst_ep = request.num("src_ep"), request.num("dst_ep")
        is_zdo = src_ep == 0 and dst_ep == 0
        if src_ep != 0 and src_ep not in self._endpoints:
            return {"status": _INVALID_PARAMETER}  # no such endpoint to send from
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=src_ep,
            dst=_NO_NODE if destination is None else destination,
            dst_ep=dst_ep,
            cluster=request.num("cluster"),
            profile=self._profile_of(src_ep, dst_ep, request.num("options")),
            payload=request.raw("data"),
            dst_mode=mode,
        )

        if mode != AddressMode.NWK:
            if not is_zdo:
                self._data_confirm(request, _SUCCESS)
            self._bump_frame_counter()
            for device in list(self._devices.values()):
                self._deliver(device, frame)
            return {"status": _SUCCESS}

        if frame.dst == COORDINATOR_NWK:
            if is_zdo:
                self._zdo_to_self(frame)
            else:
                self._data_confirm(request, _SUCCESS)
            return {"status": _SUCCESS}

        def confirm(status: int) -> None:
            self._data_confirm(request, status)

        self._unicast(frame, is_zdo=is_zdo, confirm=confirm)
        return {"status": _SUCCESS}

    def _unicast(
        self, frame: ApsFrame, *, is_zdo: bool, confirm: Callable[[int], None] | None
    ) -> None:
        """A unicast from the coordinator: delivered, or failed as the test arranged."""
        target = self._devices.get(frame.dst)
        status = self._take_failure(frame.dst)
        if status is None:
            status = DeliveryStatus.SUCCESS if target is not None else DeliveryStatus.MAC_NO_ACK
        queue = None if target is None else indirect_queue(target)
        if status == DeliveryStatus.SUCCESS and target is not None and queue is not None:
            # A sleeping child: the frame waits for its poll, and so does the confirm
            def polled(result: DeliveryStatus) -> None:
                self._unicast_done(target, frame, result, is_zdo=is_zdo, confirm=confirm)

            self._bump_frame_counter()
            queue.hold(frame, polled)
            return
        if status == DeliveryStatus.SUCCESS and target is not None:
            self._bump_frame_counter()
        self._unicast_done(target, frame, status, is_zdo=is_zdo, confirm=confirm)

    def _unicast_done(
        self,
        target: SimulatedDevice | None,
        frame: ApsFrame,
        status: DeliveryStatus,
        *,
        is_zdo: bool,
        confirm: Callable[[int], None] | None,
    ) -> None:
        # ZDO unicasts get no AF_DATA_CONFIRM (their confirm goes to the ZDO task).
        if not is_zdo and confirm is not None:
            confirm(int(status))
        if status != DeliveryStatus.SUCCESS or target is None:
            return
        if is_zdo and frame.cluster == ZdoCluster.MGMT_LEAVE_REQ:
            self._note_leave_request(frame)
        self._deliver(target, frame)

    def _data_confirm(self, request: mt.Message, status: int) -> None:
        self._send(
            mt.AF_DATA_CONFIRM.frame(
                status=status, endpoint=request.num("src_ep"), trans_id=request.num("trans_id")
            )
        )

    @staticmethod
    def _af_data_retrieve(_request: mt.Message) -> dict[str, mt.Value]:
        # No message is ever held back for retrieval (see _MAX_INCOMING_DATA).
        return {"status": _FAILURE, "data": b""}

    def _take_failure(self, nwk: int) -> DeliveryStatus | None:
        pending = self._failures.pop(nwk, None)
        if pending is None:
            return None
        remaining, status = pending
        if remaining > 1:
            self._failures[nwk] = (remaining - 1, status)
        return status

    def _profile_of(self, src_ep: int, dst_ep: int, options: int) -> int:
        if src_ep == 0 and dst_ep == 0:
            return ZDO_PROFILE
        if options & _TX_WILDCARD_PROFILE:
            return 0xFFFF
        endpoint = self._endpoints.get(src_ep)
        return HA_PROFILE if endpoint is None else int(endpoint.descriptor.profile)

    def _deliver(self, device: SimulatedDevice, frame: ApsFrame) -> None:
        try:
            device.receive(frame)
        except Exception:
            _LOGGER.exception("Simulated device 0x%04X failed on %s", device.node.nwk, frame)

    # ------------------------------------------------------------------ ZDO requests

    def _zdo_request_handler(self, command: mt.Command) -> Handler:
        def handle(request: mt.Message) -> dict[str, mt.Value]:
            zdp = mt_zdo.request_from_mt(command, request, own_ieee=self._own_ieee())
            self._send_zdp(zdp)
            return {"status": _SUCCESS}

        return handle

    def _send_zdp(self, zdp: mt_zdo.ZdpRequest) -> None:
        """Put a ZDP request from the coordinator's ZDO on the air (or answer it here)."""
        self._tsn = (self._tsn + 1) & 0xFF
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=0,
            dst=zdp.dst,
            dst_ep=0,
            cluster=zdp.cluster,
            profile=ZDO_PROFILE,
            payload=bytes([self._tsn]) + zdp.payload,
            dst_mode=AddressMode.BROADCAST if zdp.broadcast else AddressMode.NWK,
        )
        if zdp.dst == COORDINATOR_NWK:
            self._zdo_to_self(frame)
        elif zdp.broadcast:
            self._bump_frame_counter()
            for device in list(self._devices.values()):
                self._deliver(device, frame)
        else:
            self._unicast(frame, is_zdo=True, confirm=None)

    def _zdo_permit_join(self, request: mt.Message) -> dict[str, mt.Value]:
        dst, duration = request.num("dst"), request.num("duration")
        zdp = mt_zdo.ZdpRequest(
            dst,
            ZdoCluster.MGMT_PERMIT_JOINING_REQ,
            bytes([duration, request.num("tc_significance")]),
        )
        if zdp.broadcast or dst == COORDINATOR_NWK:
            self._send_zdp(zdp)
            if zdp.broadcast:
                # The coordinator opens itself too, and answers as if asked directly.
                self._set_permit(duration)
                self._zdo_to_host(
                    COORDINATOR_NWK,
                    ZdoCluster.MGMT_PERMIT_JOINING_RSP,
                    self._tsn,
                    bytes([mt_zdo.ZdoStatus.SUCCESS]),
                    broadcast=False,
                )
        else:
            # Koenkk's firmware lets the trust center admit devices joining through the
            # router it opened, so joins are open for the emulator either way.
            self._send_zdp(zdp)
            self._set_permit(duration, own=False)
        return {"status": _SUCCESS}

    def _zdo_nwk_update(self, request: mt.Message) -> dict[str, mt.Value]:
        duration = request.num("scan_duration")
        payload = struct.pack("<IB", request.num("channels"), duration)
        if duration <= 0x05:
            payload += bytes([request.num("scan_count")])
        elif duration in (mt_zdo.CHANNEL_CHANGE, mt_zdo.CHANNEL_MASK_UPDATE):
            nib = self._nib()
            update_id = (NIB.get_int(nib, "nwkUpdateId") + 1) & 0xFF if nib else 1
            payload += bytes([update_id])
            if duration == mt_zdo.CHANNEL_MASK_UPDATE:
                payload += struct.pack("<H", request.num("nwk_manager"))
        dst = request.num("dst")
        broadcast = request.num("dst_mode") == _ADDR_BROADCAST or dst in BROADCAST_NWKS
        self._send_zdp(mt_zdo.ZdpRequest(dst, ZdoCluster.MGMT_NWK_UPDATE_REQ, payload))
        if broadcast:
            # "We don't receive our own broadcasts": the firmware sends itself a copy.
            self._send_zdp(
                mt_zdo.ZdpRequest(COORDINATOR_NWK, ZdoCluster.MGMT_NWK_UPDATE_REQ, payload)
            )
        return {"status": _SUCCESS}

    def _zdo_callback_register(self, request: mt.Message) -> dict[str, mt.Value]:
        self._zdo_callbacks.add(request.num("cluster"))
        return {"status": _SUCCESS}

    def _zdo_callback_remove(self, request: mt.Message) -> dict[str, mt.Value]:
        cluster = request.num("cluster")
        if cluster not in self._zdo_callbacks:
            return {"status": _FAILURE}
        self._zdo_callbacks.discard(cluster)
        return {"status": _SUCCESS}

    def _zdo_route_check(self, request: mt.Message) -> dict[str, mt.Value]:
        dst = request.num("dst")
        known = dst == COORDINATOR_NWK or dst in self._devices
        return {"status": _SUCCESS if known else _NWK_NO_ROUTE}

    def _zdo_nwk_info(self, _request: mt.Message) -> dict[str, mt.Value]:
        nib = self._nib() if self.network_running else None
        if nib is None:
            return {
                "nwk": _NO_NODE,
                "dev_state": self._dev_state,
                "pan_id": 0xFFFF,
                "parent_nwk": _NO_NODE,
                "ext_pan_id": bytes(8),
                "parent_ieee": bytes(8),
                "channel": 0,
            }
        return {
            "nwk": NIB.get_int(nib, "nwkDevAddress"),
            "dev_state": self._dev_state,
            "pan_id": NIB.get_int(nib, "nwkPanId"),
            "parent_nwk": NIB.get_int(nib, "nwkCoordAddress"),
            "ext_pan_id": NIB.get_bytes(nib, "extendedPANID"),
            "parent_ieee": NIB.get_bytes(nib, "nwkCoordExtAddress"),
            "channel": NIB.get_int(nib, "nwkLogicalChannel"),
        }

    # ------------------------------------------------------------------ APS groups

    def _zdo_add_group(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = self._endpoints.get(request.num("endpoint"))
        group = request.num("group")
        if endpoint is None:
            return {"status": _INVALID_PARAMETER}
        if group in endpoint.groups:
            return {"status": _APS_DUPLICATE_ENTRY}
        if sum(len(ep.groups) for ep in self._endpoints.values()) >= _MAX_GROUPS:
            return {"status": _APS_TABLE_FULL}
        endpoint.groups[group] = request.raw("name")[:_GROUP_NAME_MAX]
        return {"status": _SUCCESS}

    def _zdo_find_group(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = self._endpoints.get(request.num("endpoint"))
        group = request.num("group")
        name = None if endpoint is None else endpoint.groups.get(group)
        if name is None:
            return {"status": _FAILURE, "group": 0, "name": bytes(mt.GROUP_NAME_FIELD)}
        field = (bytes([len(name)]) + name).ljust(mt.GROUP_NAME_FIELD, b"\x00")
        return {"status": _SUCCESS, "group": group, "name": field}

    def _zdo_remove_group(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = self._endpoints.get(request.num("endpoint"))
        group = request.num("group")
        removed = endpoint is not None and endpoint.groups.pop(group, None) is not None
        return {"status": _SUCCESS if removed else _FAILURE}

    def _zdo_remove_all_groups(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = self._endpoints.get(request.num("endpoint"))
        if endpoint is not None:
            endpoint.groups.clear()
        return {"status": _SUCCESS}

    def _zdo_find_all_groups(self, request: mt.Message) -> dict[str, mt.Value]:
        endpoint = self._endpoints.get(request.num("endpoint"))
        return {"groups": () if endpoint is None else tuple(endpoint.groups)}

    def _zdo_count_groups(self, _request: mt.Message) -> dict[str, mt.Value]:
        return {"count": sum(len(ep.groups) for ep in self._endpoints.values())}

    # ------------------------------------------------------------------ ZDO at the coordinator

    def _change_channel(self, channels: int, update_id: int | None) -> None:
        nib = self._nib()
        wanted = mt_zdo.channel_list(channels)
        if nib is None or not wanted:
            return
        if update_id is None:
            update_id = (NIB.get_int(nib, "nwkUpdateId") + 1) & 0xFF
        changed = NIB.replace(nib, nwkLogicalChannel=wanted[0], nwkUpdateId=update_id)
        self.nvram.set_osal(OsalItem.NIB, changed)
        self._schedule_flush()

    def _zdo_to_self(self, frame: ApsFrame) -> None:
        """The coordinator's own ZDO gets a request: act on it and answer like the firmware."""
        if not frame.payload:
            return
        tsn, args = frame.payload[0], frame.payload[1:]
        if frame.cluster == ZdoCluster.MGMT_NWK_UPDATE_REQ:
            with contextlib.suppress(struct.error):
                update = mt_zdo.NwkUpdate.decode(args)
                if update.scan_duration == mt_zdo.CHANNEL_CHANGE:
                    self._change_channel(update.channels, update.update_id)
        elif frame.cluster == ZdoCluster.MGMT_PERMIT_JOINING_REQ and args:
            self._set_permit(args[0])
        result = mt_zdo.answer(frame.cluster, args, self._own_node(), requester_ieee=None)
        if result is None:
            return
        cluster, data = result
        self._zdo_to_host(COORDINATOR_NWK, cluster, tsn, data, broadcast=False)

    def _zdo_to_host(
        self, src: int, cluster: int, tsn: int, zdp: bytes, *, broadcast: bool
    ) -> None:
        """Tell the host about a ZDO message that reached the coordinator.

        The ZNP always reports responses (and announcements) with their own callback, and
        with ZDO_MSG_CB_INCOMING when the host registered for the cluster.
        """
        callback = mt_zdo.response_callback(cluster, src, zdp)
        if callback is not None:
            self._send(callback)
        if self._wants_msg_callback(cluster):
            self._send(
                mt.ZDO_MSG_CB_INCOMING.frame(
                    src=src,
                    was_broadcast=int(broadcast),
                    cluster=cluster,
                    security_use=0,
                    seq=tsn,
                    mac_dst=0xFFFF if broadcast else COORDINATOR_NWK,
                    data=zdp,
                )
            )

    def _wants_msg_callback(self, cluster: int) -> bool:
        if cluster in self._zdo_callbacks:
            return True
        reported = cluster & mt_zdo.ZDO_RESPONSE or cluster == ZdoCluster.DEVICE_ANNCE
        return _ALL_ZDO_MESSAGES in self._zdo_callbacks and bool(reported)

    def _own_node(self) -> mt_zdo.OwnNode:
        return mt_zdo.OwnNode(
            ieee=self._own_ieee(),
            ext_pan_id=self._ext_pan_id(),
            endpoints={number: ep.descriptor for number, ep in self._endpoints.items()},
            neighbors=self._children(),
            permit_open=self._permit_open,
        )

    # ------------------------------------------------------------------ from devices

    def _transmit(self, frame: ApsFrame) -> None:
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

        if not self.network_running:
            self.frames_dropped += 1
            return
        if frame.profile == ZDO_PROFILE and frame.dst_ep == 0 and frame.src_ep == 0:
            self._zdo_from_device(frame, sender, broadcast=broadcast)
        else:
            self._af_incoming(frame, broadcast=broadcast, group=group)

    def _zdo_from_device(
        self, frame: ApsFrame, sender: SimulatedDevice | None, *, broadcast: bool
    ) -> None:
        if not frame.payload:
            return
        tsn, args = frame.payload[0], frame.payload[1:]
        if sender is not None and mt_zdo.is_request(frame.cluster):
            # The firmware itself answers requests aimed at the coordinator.
            result = mt_zdo.answer(
                frame.cluster,
                args,
                self._own_node(),
                broadcast=broadcast,
                requester_ieee=bytes(sender.node.ieee),
            )
            if result is not None:
                cluster, data = result
                reply = ApsFrame(
                    src_nwk=COORDINATOR_NWK,
                    src_ep=0,
                    dst=frame.src_nwk,
                    dst_ep=0,
                    cluster=cluster,
                    profile=ZDO_PROFILE,
                    payload=bytes([tsn]) + data,
                )
                self._deliver(sender, reply)
        if frame.cluster == ZdoCluster.MGMT_LEAVE_RSP:
            self._maybe_complete_leave(frame)
        if not self.connected:
            self.frames_dropped += 1
            return
        self._zdo_to_host(frame.src_nwk, frame.cluster, tsn, args, broadcast=broadcast)

    def _af_incoming(self, frame: ApsFrame, *, broadcast: bool, group: bool) -> None:
        if not self.connected:
            self.frames_dropped += 1
            return
        if len(frame.payload) > _MAX_INCOMING_DATA:
            _LOGGER.warning("Dropping oversized frame from 0x%04X", frame.src_nwk)
            self.frames_dropped += 1
            return
        dst_ep = frame.dst_ep
        if dst_ep not in self._endpoints:
            # Koenkk's firmware hands frames for groups it is not in (and stray endpoints)
            # to endpoint 1, so the host sees everything.
            dst_ep = 1 if 1 in self._endpoints or not self._endpoints else min(self._endpoints)
        sender = self._devices.get(frame.src_nwk)
        last_hop = frame.src_nwk
        if sender is not None and sender.node.parent_nwk != COORDINATOR_NWK:
            last_hop = sender.node.parent_nwk
        self._send(
            mt.AF_INCOMING_MSG.frame(
                group=frame.dst if group else 0x0000,
                cluster=frame.cluster,
                src_addr=frame.src_nwk,
                src_ep=frame.src_ep,
                dst_ep=dst_ep,
                was_broadcast=int(broadcast),
                lqi=max(0, min(255, frame.lqi)),
                security_use=0,
                timestamp=int(time.monotonic() * 1000) & 0xFFFFFFFF,
                trans_seq=0,
                data=frame.payload,
                mac_src=last_hop,
                radius=0x1D,
            )
        )

    # ------------------------------------------------------------------ join / leave

    def _announce(self, nwk: int, announce: bytes, *, exclude: SimulatedDevice) -> None:
        """Broadcast a Device_annce on behalf of a joining device."""
        self._tsn = (self._tsn + 1) & 0xFF
        frame = ApsFrame(
            src_nwk=nwk,
            src_ep=0,
            dst=0xFFFD,
            dst_ep=0,
            cluster=ZdoCluster.DEVICE_ANNCE,
            profile=ZDO_PROFILE,
            payload=bytes([self._tsn]) + announce,
            dst_mode=AddressMode.BROADCAST,
        )
        for device in list(self._devices.values()):
            if device is not exclude:
                self._deliver(device, frame)
        self._zdo_to_host(nwk, ZdoCluster.DEVICE_ANNCE, self._tsn, announce, broadcast=True)

    def _note_leave_request(self, frame: ApsFrame) -> None:
        # Mgmt_Leave_req payload: TSN, IEEE, options (bit 7 = rejoin).
        rejoin = len(frame.payload) >= 10 and frame.payload[9] & mt_zdo.ZDP_LEAVE_REJOIN
        if len(frame.payload) >= 10 and not rejoin:
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
        ieee = device.node.ieee if device is not None else None
        if ieee is None:
            joined = self.nvram.joined_devices()
            ieee = next((i for i, joined_nwk in joined.items() if joined_nwk == nwk), None)
        if ieee is None:
            _LOGGER.debug("Leave of unknown device 0x%04X ignored", nwk)
            return
        self.nvram.forget(ieee)
        self._schedule_flush()
        if self._host_ready():
            self._send(
                mt.ZDO_LEAVE_IND.frame(
                    nwk=nwk, ieee=bytes(ieee), request=0, remove_children=0, rejoin=0
                )
            )

    # ------------------------------------------------------------------ permit join

    def _set_permit(self, duration: int, *, own: bool = True) -> None:
        """Open (or close, 0) joins; ``own`` when the coordinator itself was asked.

        Z-Stack indicates each change of its own permit-join state to the host
        (ZDO_PERMIT_JOIN_IND), expiry included; a permit sent only to a router is not one.
        """
        self._cancel_permit_timer()
        if duration == 0:
            if self._permit_open:
                self._permit_open = False
                self._indicate_permit(0)
                self._notify_permit(0)
            return
        duration = min(duration, _PERMIT_MAX)
        self._permit_open = True
        self._permit_own = own
        loop = asyncio.get_running_loop()
        self._permit_timer = loop.call_later(duration, self._set_permit, 0)
        if own:
            self._indicate_permit(duration)
        self._notify_permit(duration)

    def _indicate_permit(self, duration: int) -> None:
        if self._permit_own and self._host_ready():
            self._send(mt.ZDO_PERMIT_JOIN_IND.frame(duration=duration))
        if duration == 0:
            self._permit_own = False

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

    def _host_ready(self) -> bool:
        return self.network_running and self.connected

    def _own_ieee(self) -> bytes:
        return self.nvram.osal(OsalItem.EXTADDR) or self.hardware_ieee

    def _pan_id(self) -> int:
        nib = self._nib()
        return NIB.get_int(nib, "nwkPanId") if nib is not None else 0xFFFF

    def _ext_pan_id(self) -> bytes:
        nib = self._nib()
        return NIB.get_bytes(nib, "extendedPANID") if nib is not None else bytes(8)

    def _nwk_of(self, ieee: bytes) -> int | None:
        for nwk, device in self._devices.items():
            if device.node.ieee == ieee:
                return nwk
        return None

    def _bump_frame_counter(self) -> None:
        """Every secured frame we put on the air uses up one NWK frame counter value.

        Persisted with the next flush; the real stack also saves it lazily.
        """
        if self._frame_counter_row is None:
            self._frame_counter_row = self.nvram.frame_counter_row(self._ext_pan_id())
        if self._frame_counter_row is not None:
            self.nvram.increment_frame_counter(self._frame_counter_row)

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
        if self._writer is not None and self.nvram.dirty:
            self._writer.submit(self.nvram.snapshot())

    def _load_hardware_ieee(self, ieee: bytes | None) -> bytes:
        path = None if self._state_dir is None else self._state_dir / HARDWARE_FILE
        if ieee is not None:
            if len(ieee) != 8:
                raise ValueError("The IEEE address must be 8 bytes")
            hardware = bytes(ieee)
        else:
            hardware = _read_hardware_ieee(path) or os.urandom(5) + _TI_OUI_LE
        if path is not None:
            text = json.dumps({"ieee": _ieee_to_str(hardware)})
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
        return hardware


def _ieee_to_str(ieee: bytes) -> str:
    """``aa:bb:...`` with the most significant byte first (little-endian on the air)."""
    return ":".join(f"{byte:02x}" for byte in reversed(ieee))


def _read_hardware_ieee(path: pathlib.Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text())
        ieee = bytes.fromhex(data["ieee"].replace(":", ""))[::-1]
    except FileNotFoundError:
        return None
    except ValueError, KeyError, TypeError, AttributeError:
        ieee = b""
    if len(ieee) != 8:
        _LOGGER.warning("Ignoring unreadable %s", path)
        return None
    return ieee


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


def _relation(node: NodeInfo) -> int:
    if node.is_router:
        return _CHILD_FFD_RX_IDLE
    return _CHILD_RFD_RX_IDLE if node.rx_on_when_idle else _CHILD_RFD


def _assoc_entry(node: NodeInfo | None, index: int) -> bytes:
    """An association table entry as the firmware packs it (zero-padded to 36 bytes)."""
    if node is None:
        packed = struct.pack("<H", _NO_NODE)
    else:
        packed = struct.pack(
            "<HHBBBBBBBBIHBIIBB",
            node.nwk,
            index,  # address manager index
            _relation(node),
            0,  # device status
            0,  # association count
            0,  # age
            0,  # link: tx counter
            1,  # link: tx cost
            255,  # link: rx LQI
            0,  # link: incoming key sequence number
            0,  # link: incoming frame counter
            0,  # link: tx failures
            0,  # end device configuration
            0,  # end device timeout
            0,  # timeout counter
            0,  # keepalive received
            0,  # control
        )
    return packed.ljust(mt.ASSOC_ENTRY_SIZE, b"\x00")


def _formed_nib(*, channel: int, pan_id: int, ext_pan_id: bytes) -> bytes:
    """NIB of a CC2652 coordinator right after BDB formation."""
    return NIB.pack(
        {
            "SequenceNum": random.randrange(256),
            "PassiveAckTimeout": 5,
            "MaxBroadcastRetries": 2,
            "MaxChildren": 51,
            "MaxDepth": 15,
            "MaxRouters": 51,
            "dummyNeighborTable": 0,
            "BroadcastDeliveryTime": 30,
            "ReportConstantCost": 0,
            "RouteDiscRetries": 0,
            "dummyRoutingTable": 0,
            "SecureAllFrames": 1,
            "SecurityLevel": 5,
            "SymLink": 1,
            "CapabilityFlags": 0x8F,
            "TransactionPersistenceTime": 7,
            "nwkProtocolVersion": 2,
            "RouteDiscoveryTime": 13,
            "RouteExpiryTime": 30,
            "nwkDevAddress": COORDINATOR_NWK,
            "nwkLogicalChannel": channel,
            "nwkCoordAddress": COORDINATOR_NWK,
            "nwkCoordExtAddress": bytes(8),
            "nwkPanId": pan_id,
            "nwkState": NWK_STATE_ROUTER,
            "channelList": 1 << channel,
            "beaconOrder": 15,
            "superFrameOrder": 15,
            "scanDuration": 4,
            "battLifeExt": 0,
            "allocatedRouterAddresses": 1,
            "allocatedEndDeviceAddresses": 1,
            "nodeDepth": 0,
            "extendedPANID": ext_pan_id,
            "nwkKeyLoaded": 1,
            "spare1": bytes(17),
            "spare2": bytes(17),
            "spare3": 0,
            "spare4": 0,
            "nwkLinkStatusPeriod": 15,
            "nwkRouterAgeLimit": 5,
            "nwkUseMultiCast": 0,
            "nwkIsConcentrator": 1,
            "nwkConcentratorDiscoveryTime": 120,
            "nwkConcentratorRadius": 10,
            "nwkAllFresh": 1,
            "nwkManagerAddr": COORDINATOR_NWK,
            "nwkTotalTransmissions": 0,
            "nwkUpdateId": 0,
        }
    )
