"""Emulated TI Z-Stack 3.30 coordinator (CC2652) that zigpy-znp drives over TCP.

The emulator speaks TI's MT protocol (UNPI frames ``FE len cmd0 cmd1 payload fcs``) on a
TCP socket, so the real ``zigpy_znp`` ControllerApplication can use it through
``socket://host:port``. Requests are parsed and answers built with zigpy-znp's own
protocol definitions; the NVRAM behaves like the CC2652's extended NV store (see
``nvram.py``) and is persisted in zigpy-znp's NVRAM backup JSON format.

Application frames travel over a simulated "air" (``air.py``): zigpy's requests reach
the :class:`~.air.SimulatedDevice` objects put on the air, and whatever they transmit
comes back to zigpy as ``AF.IncomingMsg`` / ``ZDO.MsgCbIncoming`` callbacks.

Everything answers immediately: a per-reply delay multiplied by the ~1,900 NV commands
of a formation makes startup take seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
import functools
import json
import logging
import operator
import os
import pathlib
import random
import struct
import time
from typing import Any, Final

import zigpy_znp.commands as c
from zigpy_znp.frames import GeneralFrame
import zigpy_znp.types as t
from zigpy_znp.types.nvids import NvSysIds, OsalNvIds

from . import mt_zdo
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
)
from .mt_zdo import ZdoCluster
from .nvram import LEGACY, NO_IEEE, NWK_SEC_MATERIAL_TABLE, NvRam, StateWriter

_LOGGER = logging.getLogger(__name__)

NVRAM_FILE: Final = "nvram.json"
HARDWARE_FILE: Final = "hardware.json"

_SOF: Final = 0xFE
_MAX_FRAME_PAYLOAD: Final = 250
# Largest AF.IncomingMsg payload that fits in one MT frame next to the other fields.
_MAX_INCOMING_DATA: Final = 230
# Largest value chunk an NV read answer can carry (status + length byte + data <= 250).
_MAX_NV_CHUNK: Final = 248
# Debounce for persisting NVRAM while zigpy-znp streams hundreds of NV writes.
_FLUSH_DELAY: Final = 0.2

# What a CC2652 running Koenkk's Z-Stack 3.30 reports about itself.
_CAPABILITIES: Final = (
    t.MTCapabilities.SYS
    | t.MTCapabilities.AF
    | t.MTCapabilities.ZDO
    | t.MTCapabilities.UTIL
    | t.MTCapabilities.GP
    | t.MTCapabilities.APP_CNF
)
_TRANSPORT_REV: Final = 2
_PRODUCT_ID: Final = 1
_VERSION: Final = (2, 7, 1)
_CODE_REVISION: Final = 20240710  # build date; >= 20210708 selects zigpy-znp's modern paths
_TI_OUI_LE: Final = b"\x4b\x12\x00"  # 00:12:4B, stored little-endian at the end

_DEFAULT_PRIMARY_CHANNELS: Final = t.Channels.from_channel_list([11])

_Mode = c.app_config.BDBCommissioningMode
_BdbStatus = c.app_config.BDBCommissioningStatus


def _fcs(data: bytes) -> int:
    return functools.reduce(operator.xor, data, 0)


def _zcl_tsn(payload: bytes) -> int:
    """TSN of a ZCL frame (after the manufacturer code when there is one)."""
    if not payload:
        return 0
    index = 3 if payload[0] & 0x04 else 1
    return payload[index] if len(payload) > index else 0


class _ClientProtocol(asyncio.Protocol):
    """One TCP client (zigpy-znp) of the emulator."""

    def __init__(self, emulator: ZStackEmulator) -> None:
        self._emulator = emulator
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._emulator._client_connected(self)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._emulator._process_buffer(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._emulator._client_disconnected(self)


class ZStackEmulator:
    """A CC2652 coordinator running Z-Stack 3.30, reachable over TCP."""

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

        self._devices: dict[int, SimulatedDevice] = {}
        # nwk -> (unicasts still to fail, status they fail with)
        self._failures: dict[int, tuple[int, DeliveryStatus]] = {}
        self._pending_leaves: set[int] = set()

        # RAM state of the stack: lost on every reset, like on the chip.
        self._endpoints: dict[int, mt_zdo.EndpointDescriptor] = {}
        self._network_running = False
        self._primary_channels: t.Channels = _DEFAULT_PRIMARY_CHANNELS
        self._frame_counter_row: int | None = None
        self._nib_cache: tuple[bytes, Any] | None = None
        self._permit_open = False
        self._permit_timer: asyncio.TimerHandle | None = None
        self._permit_listeners: list[Callable[[int], None]] = []
        self._flush_timer: asyncio.TimerHandle | None = None
        self._tsn = random.randrange(256)

        self._handlers = self._build_handlers()

    # ------------------------------------------------------------------ public API

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Listen for zigpy-znp; returns the bound port."""
        if self._server is not None:
            return self._port
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(lambda: _ClientProtocol(self), host, port)
        self._host = host
        self._port = int(self._server.sockets[0].getsockname()[1])
        _LOGGER.debug("Z-Stack emulator listening on %s", self.url)
        return self._port

    async def stop(self) -> None:
        """Stop serving and persist the NVRAM."""
        server, self._server = self._server, None
        client, self._client = self._client, None
        if server is not None:
            server.close()
        if client is not None and client.transport is not None:
            client.transport.abort()
        self._cancel_permit_timer()
        if server is not None:
            await server.wait_closed()
        self._flush()
        if self._writer is not None:
            await self._writer.drain()

    @property
    def url(self) -> str:
        return f"socket://{self._host}:{self._port}"

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
        """Endpoints the host registered with ``AF.Register`` since the last reset."""
        return frozenset(self._endpoints)

    @property
    def network_running(self) -> bool:
        """The stack has been started on a formed network since its last reset."""
        return self._network_running

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
        survives restarts and shows up in zigpy's network backups. Permit join is not
        enforced here; callers that care check :attr:`permit_join_open`.
        """
        node = device.node
        self.add_device(device)
        child = node.parent_nwk == COORDINATOR_NWK and not node.is_router
        if not self.nvram.record_join(bytes(node.ieee), node.nwk, child=child):
            raise RuntimeError("The coordinator's address manager table is full")
        self._schedule_flush()
        if not self._host_ready():
            return
        ieee = t.EUI64(node.ieee)
        self._send(
            c.ZDO.TCDevInd.Callback(SrcNwk=node.nwk, SrcIEEE=ieee, ParentNwk=node.parent_nwk)
        )
        if node.parent_nwk != COORDINATOR_NWK:
            self._send(c.ZDO.SrcRtgInd.Callback(DstAddr=node.nwk, Relays=[node.parent_nwk]))
        announce = struct.pack("<H", node.nwk) + bytes(node.ieee) + bytes([_capability(node)])
        self._announce(node.nwk, announce, exclude=device)

    async def leave(self, nwk: int) -> None:
        """The device at ``nwk`` leaves the network (ZDO.LeaveInd)."""
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

    async def drop_connection(self) -> None:
        """Abruptly close the client connection; keep serving so zigpy can reconnect."""
        client, self._client = self._client, None
        if client is not None and client.transport is not None:
            client.transport.abort()
        self._flush()
        await asyncio.sleep(0)

    # ------------------------------------------------------------------ transport

    def _client_connected(self, client: _ClientProtocol) -> None:
        previous, self._client = self._client, client
        if previous is not None and previous.transport is not None:
            # A serial port has one user: a new connection replaces a stale one.
            previous.transport.abort()
        _LOGGER.debug("zigpy connected to the Z-Stack emulator")

    def _client_disconnected(self, client: _ClientProtocol) -> None:
        if self._client is client:
            self._client = None
            self._flush()

    def _process_buffer(self, client: _ClientProtocol) -> None:
        started = time.perf_counter()
        buffer = client.buffer
        try:
            while client is self._client:
                start = buffer.find(_SOF)
                if start < 0:
                    buffer.clear()
                    return
                if start:
                    del buffer[:start]
                if len(buffer) < 5:
                    return
                length = buffer[1]
                if length > _MAX_FRAME_PAYLOAD:
                    del buffer[:1]
                    continue
                if len(buffer) < length + 5:
                    return
                body = bytes(buffer[1 : length + 4])
                if _fcs(body) != buffer[length + 4]:
                    _LOGGER.warning("Dropping MT frame with a bad checksum: %s", body.hex())
                    del buffer[:1]
                    continue
                del buffer[: length + 5]
                self._handle_frame(body[1] | body[2] << 8, body[3:])
        finally:
            self.busy_seconds += time.perf_counter() - started

    def _send(self, command: Any) -> None:
        """Write one MT frame to zigpy; silently dropped when nobody is connected."""
        client = self._client
        if client is None or client.transport is None or client.transport.is_closing():
            return
        body = bytes(command.to_frame(align=True).serialize())
        client.transport.write(bytes([_SOF]) + body + bytes([_fcs(body)]))
        self.frames_out += 1

    def _handle_frame(self, header_value: int, payload: bytes) -> None:
        self.frames_in += 1
        header = t.CommandHeader(header_value)
        is_sreq = header.type == t.CommandType.SREQ
        command_cls = c.COMMANDS_BY_ID.get(header_value)
        handler = None
        if command_cls is not None and command_cls.Req is command_cls:
            handler = self._handlers.get(command_cls)
        if handler is None:
            _LOGGER.debug("Unsupported MT command %s: %s", header, payload.hex())
            if is_sreq:
                self._not_recognized(header, c.rpc_error.ErrorCode.InvalidCommandId)
            return
        try:
            request = command_cls.from_frame(GeneralFrame(header, payload), align=True)
        except ValueError:
            _LOGGER.warning("Malformed %s: %s", command_cls.__qualname__, payload.hex())
            if is_sreq:
                self._not_recognized(header, c.rpc_error.ErrorCode.InvalidParameter)
            return
        handler(request)

    def _not_recognized(self, header: Any, error: Any) -> None:
        self._send(c.RPCError.CommandNotRecognized.Rsp(ErrorCode=error, RequestHeader=header))

    def _build_handlers(self) -> dict[Any, Callable[[Any], None]]:
        ok = self._reply_success
        return {
            # SYS
            c.SYS.Ping.Req: self._sys_ping,
            c.SYS.Version.Req: self._sys_version,
            c.SYS.ResetReq.Req: self._sys_reset,
            c.SYS.GetExtAddr.Req: self._sys_get_ext_addr,
            c.SYS.SetExtAddr.Req: self._sys_set_ext_addr,
            c.SYS.SetTxPower.Req: self._sys_set_tx_power,
            c.SYS.OSALNVItemInit.Req: self._osal_nv_item_init,
            c.SYS.OSALNVRead.Req: self._osal_nv_read,
            c.SYS.OSALNVReadExt.Req: self._osal_nv_read,
            c.SYS.OSALNVWrite.Req: self._osal_nv_write,
            c.SYS.OSALNVWriteExt.Req: self._osal_nv_write,
            c.SYS.OSALNVDelete.Req: self._osal_nv_delete,
            c.SYS.OSALNVLength.Req: self._osal_nv_length,
            c.SYS.NVCreate.Req: self._nv_create,
            c.SYS.NVDelete.Req: self._nv_delete,
            c.SYS.NVLength.Req: self._nv_length,
            c.SYS.NVRead.Req: self._nv_read,
            c.SYS.NVWrite.Req: self._nv_write,
            c.SYS.NVUpdate.Req: self._nv_update,
            c.SYS.NVCompact.Req: ok,
            # UTIL
            c.UTIL.GetDeviceInfo.Req: self._util_device_info,
            c.UTIL.LEDControl.Req: ok,
            c.UTIL.AssocFindDevice.Req: self._util_assoc_find,
            c.UTIL.AssocGetWithAddress.Req: self._util_assoc_get,
            c.UTIL.AssocRemove.Req: ok,
            c.UTIL.AssocAdd.Req: ok,
            # APP_CNF
            c.AppConfig.BDBStartCommissioning.Req: self._bdb_start_commissioning,
            c.AppConfig.BDBSetChannel.Req: self._bdb_set_channel,
            c.AppConfig.SetNwkFrameCounter.Req: self._app_set_frame_counter,
            c.AppConfig.SetDefaultRemoteEndDeviceTimeout.Req: ok,
            c.AppConfig.SetAllowRejoinTCPolicy.Req: ok,
            c.AppConfig.BDBAddInstallCode.Req: ok,
            c.AppConfig.BDBSetTcRequireKeyExchange.Req: ok,
            c.AppConfig.BDBSetJoinUsesInstallCodeKey.Req: ok,
            c.AppConfig.BDBSetActiveDefaultCentralizedKey.Req: ok,
            # AF
            c.AF.Register.Req: self._af_register,
            c.AF.Delete.Req: self._af_delete,
            c.AF.DataRequest.Req: self._af_data_request,
            c.AF.DataRequestExt.Req: self._af_data_request_ext,
            c.AF.DataRequestSrcRtg.Req: self._af_data_request_src_rtg,
            c.AF.InterPanCtl.Req: ok,
            # ZDO
            c.ZDO.MsgCallbackRegister.Req: ok,
            c.ZDO.MsgCallbackRemove.Req: ok,
            c.ZDO.StartupFromApp.Req: self._zdo_startup_from_app,
            c.ZDO.ExtRouteDisc.Req: ok,
            c.ZDO.ExtRouteChk.Req: self._zdo_route_check,
            c.ZDO.ExtNwkInfo.Req: self._zdo_nwk_info,
            c.ZDO.MgmtPermitJoinReq.Req: self._zdo_permit_join,
            c.ZDO.MgmtLeaveReq.Req: self._zdo_mgmt_leave,
            c.ZDO.MgmtNWKUpdateReq.Req: self._zdo_nwk_update,
        }

    def _reply_success(self, request: Any) -> None:
        self._send(request.Rsp(Status=t.Status.SUCCESS))

    # ------------------------------------------------------------------ SYS

    def _sys_ping(self, request: Any) -> None:
        self._send(request.Rsp(Capabilities=_CAPABILITIES))

    def _sys_version(self, request: Any) -> None:
        major, minor, maint = _VERSION
        self._send(
            request.Rsp(
                TransportRev=_TRANSPORT_REV,
                ProductId=_PRODUCT_ID,
                MajorRel=major,
                MinorRel=minor,
                MaintRel=maint,
                CodeRevision=_CODE_REVISION,
                BootloaderBuildType=c.sys.BootloaderBuildType.NON_BOOTLOADER_BUILD,
                BootloaderRevision=0xFFFFFFFF,
            )
        )

    def _sys_reset(self, request: Any) -> None:
        self._reboot()
        major, minor, maint = _VERSION
        self._send(
            c.SYS.ResetInd.Callback(
                Reason=t.ResetReason.PowerUp,
                TransportRev=_TRANSPORT_REV,
                ProductId=_PRODUCT_ID,
                MajorRel=major,
                MinorRel=minor,
                MaintRel=maint,
            )
        )

    def _sys_get_ext_addr(self, request: Any) -> None:
        self._send(request.Rsp(ExtAddr=t.EUI64(self._own_ieee())))

    def _sys_set_ext_addr(self, request: Any) -> None:
        self.nvram.set_osal(OsalNvIds.EXTADDR, request.ExtAddr.serialize())
        self._schedule_flush()
        self._reply_success(request)

    def _sys_set_tx_power(self, request: Any) -> None:
        # Z-Stack 3.30 answers with a status rather than the applied power.
        self._send(request.Rsp(StatusOrPower=0))

    def _reboot(self) -> None:
        """What a soft reset does to the chip: apply startup options, lose RAM state."""
        options = t.StartupOptions((self.nvram.osal(OsalNvIds.STARTUP_OPTION) or b"\x00")[0])
        keep_counters = not options & t.StartupOptions.ClearNwkFrameCounter
        if options & t.StartupOptions.ClearConfig:
            self.nvram.factory_reset(keep_frame_counters=keep_counters)
        elif options & t.StartupOptions.ClearState:
            self.nvram.clear_network_state()
        if not keep_counters:
            for sub_id, _row in enumerate(self.nvram.table(NWK_SEC_MATERIAL_TABLE)):
                self.nvram.set(NWK_SEC_MATERIAL_TABLE, sub_id, bytes(12))
        if options:
            self.nvram.set_osal(OsalNvIds.STARTUP_OPTION, b"\x00")
        self.nvram.restore_missing_defaults()

        self._endpoints.clear()
        self._network_running = False
        self._primary_channels = _DEFAULT_PRIMARY_CHANNELS
        self._frame_counter_row = None
        self._set_permit(0)
        self._flush()

    # ------------------------------------------------------------------ NVRAM commands

    def _osal_nv_length(self, request: Any) -> None:
        self._send(request.Rsp(ItemLen=self.nvram.length(LEGACY, request.Id)))

    def _osal_nv_read(self, request: Any) -> None:
        value = self.nvram.get(LEGACY, request.Id)
        if value is None:
            self._send(request.Rsp(Status=t.Status.INVALID_PARAMETER, Value=t.ShortBytes(b"")))
            return
        chunk = value[request.Offset : request.Offset + _MAX_NV_CHUNK]
        self._send(request.Rsp(Status=t.Status.SUCCESS, Value=t.ShortBytes(chunk)))

    def _osal_nv_write(self, request: Any) -> None:
        # The legacy OSALNVWrite ignores its 8-bit offset; only the Ext variant honours it.
        offset = request.Offset if isinstance(request, c.SYS.OSALNVWriteExt.Req) else 0
        written = self.nvram.write(LEGACY, request.Id, offset, bytes(request.Value))
        if written:
            self._nv_changed(LEGACY)
        status = t.Status.SUCCESS if written else t.Status.INVALID_PARAMETER
        self._send(request.Rsp(Status=status))

    def _osal_nv_item_init(self, request: Any) -> None:
        if len(request.Value) > request.ItemLen:
            self._send(request.Rsp(Status=t.Status.INVALID_PARAMETER))
            return
        created = self.nvram.create(LEGACY, request.Id, request.ItemLen, bytes(request.Value))
        if created:
            self._nv_changed(LEGACY)
        self._send(request.Rsp(Status=t.Status.NV_ITEM_UNINIT if created else t.Status.SUCCESS))

    def _osal_nv_delete(self, request: Any) -> None:
        length = self.nvram.length(LEGACY, request.Id)
        if length == 0:
            status = t.Status.NV_ITEM_UNINIT
        elif length != request.ItemLen:
            status = t.Status.NV_BAD_ITEM_LEN
        else:
            self.nvram.delete(LEGACY, request.Id)
            self._nv_changed(LEGACY)
            status = t.Status.SUCCESS
        self._send(request.Rsp(Status=status))

    def _nv_length(self, request: Any) -> None:
        length = 0
        if request.SysId == NvSysIds.ZSTACK:
            length = self.nvram.length(request.ItemId, request.SubId)
        self._send(request.Rsp(Length=length))

    def _nv_read(self, request: Any) -> None:
        value = None
        if request.SysId == NvSysIds.ZSTACK:
            value = self.nvram.get(request.ItemId, request.SubId)
        if value is None:
            self._send(request.Rsp(Status=t.Status.FAILURE, Value=t.ShortBytes(b"")))
            return
        size = min(request.Length, _MAX_NV_CHUNK)
        chunk = value[request.Offset : request.Offset + size]
        self._send(request.Rsp(Status=t.Status.SUCCESS, Value=t.ShortBytes(chunk)))

    def _nv_write(self, request: Any) -> None:
        written = request.SysId == NvSysIds.ZSTACK and self.nvram.write(
            request.ItemId, request.SubId, request.Offset, bytes(request.Value)
        )
        if written:
            self._nv_changed(request.ItemId)
        self._send(request.Rsp(Status=t.Status.SUCCESS if written else t.Status.FAILURE))

    def _nv_create(self, request: Any) -> None:
        if request.SysId != NvSysIds.ZSTACK:
            self._send(request.Rsp(Status=t.Status.FAILURE))
            return
        created = self.nvram.create(
            request.ItemId, request.SubId, request.Length, bytes(request.Length)
        )
        if created:
            self._nv_changed(request.ItemId)
        self._send(request.Rsp(Status=t.Status.NV_ITEM_UNINIT if created else t.Status.SUCCESS))

    def _nv_delete(self, request: Any) -> None:
        deleted = request.SysId == NvSysIds.ZSTACK and self.nvram.delete(
            request.ItemId, request.SubId
        )
        if deleted:
            self._nv_changed(request.ItemId)
        self._send(request.Rsp(Status=t.Status.SUCCESS if deleted else t.Status.NV_OPER_FAILED))

    def _nv_update(self, request: Any) -> None:
        if request.SysId != NvSysIds.ZSTACK:
            self._send(request.Rsp(Status=t.Status.FAILURE))
            return
        self.nvram.set(request.ItemId, request.SubId, bytes(request.Value))
        self._nv_changed(request.ItemId)
        self._reply_success(request)

    def _nv_changed(self, item_id: int) -> None:
        if item_id == NWK_SEC_MATERIAL_TABLE:
            self._frame_counter_row = None
        self._schedule_flush()

    # ------------------------------------------------------------------ UTIL

    def _util_device_info(self, request: Any) -> None:
        running = self._network_running
        self._send(
            request.Rsp(
                Status=t.Status.SUCCESS,
                IEEE=t.EUI64(self._own_ieee()),
                NWK=COORDINATOR_NWK if running else 0xFFFE,
                DeviceType=t.DeviceTypeCapabilities(0x07),
                DeviceState=(
                    t.DeviceState.StartedAsCoordinator
                    if running
                    else t.DeviceState.InitializedNotStarted
                ),
                AssociatedDevices=[node.nwk for node in self._children()],
            )
        )

    def _util_assoc_find(self, request: Any) -> None:
        children = self._children()
        if request.Index < len(children):
            entry = self._assoc_entry(children[request.Index], request.Index)
            data = bytes(entry.serialize(align=True))
        else:
            data = b"\xff" * len(self._assoc_entry(None, 0).serialize(align=True))
        self._send(request.Rsp(Device=t.Bytes(data)))

    def _util_assoc_get(self, request: Any) -> None:
        ieee = bytes(request.IEEE.serialize())
        for index, node in enumerate(self._children()):
            if (ieee == bytes(8) and node.nwk == request.NWK) or node.ieee == ieee:
                self._send(request.Rsp(Device=self._assoc_entry(node, index)))
                return
        self._send(request.Rsp(Device=self._assoc_entry(None, 0)))

    def _children(self) -> list[NodeInfo]:
        """Devices on the air whose parent is the coordinator."""
        return [
            device.node
            for device in self._devices.values()
            if device.node.parent_nwk == COORDINATOR_NWK
        ]

    @staticmethod
    def _assoc_entry(node: NodeInfo | None, index: int) -> Any:
        relation = c.util.NodeRelation.NOTUSED
        if node is not None:
            if node.is_router:
                relation = c.util.NodeRelation.CHILD_FFD_RX_IDLE
            elif node.rx_on_when_idle:
                relation = c.util.NodeRelation.CHILD_RFD_RX_IDLE
            else:
                relation = c.util.NodeRelation.CHILD_RFD
        return c.util.Device(
            shortAddr=0xFFFE if node is None else node.nwk,
            addrIdx=index,
            nodeRelation=relation,
            devStatus=0,
            assocCnt=0,
            age=0,
            linkInfo=c.util.LinkInfo(
                txCounter=0, txCost=1, rxLqi=255, inKeySeqNum=0, inFrmCntr=0, txFailure=0
            ),
            endDev=c.util.AgingEndDevice(endDevCfg=0, deviceTimeout=0),
            timeoutCounter=0,
            keepaliveRcv=0,
            ctrl=0,
        )

    # ------------------------------------------------------------------ BDB / startup

    def _bdb_set_channel(self, request: Any) -> None:
        if request.IsPrimary:
            self._primary_channels = request.Channel
        self._reply_success(request)

    def _app_set_frame_counter(self, request: Any) -> None:
        row = self.nvram.frame_counter_row(self._ext_pan_id())
        if row is not None:
            self.nvram.set_frame_counter(row, request.FrameCounterValue)
            self._schedule_flush()
        self._reply_success(request)

    def _bdb_start_commissioning(self, request: Any) -> None:
        self._reply_success(request)
        mode = request.Mode
        if mode & _Mode.NwkFormation:
            if self._is_formed():
                self._resume_network()
                return
            self._send(c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartingAsCoordinator))
            self._send(
                c.AppConfig.BDBCommissioningNotification.Callback(
                    Status=_BdbStatus.InProgress,
                    Mode=_Mode.NwkFormation,
                    RemainingModes=_Mode.NwkFormation,
                )
            )
            self._form_network()
            self._network_running = True
            self._send(c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartedAsCoordinator))
            self._send(self._bdb_notification(_BdbStatus.Success, _Mode.NwkFormation))
            return
        if self._is_formed():
            self._network_running = True
            self._send(c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartedAsCoordinator))
            self._send(self._bdb_notification(_BdbStatus.Success, mode))
        else:
            self._send(self._bdb_notification(_BdbStatus.NoNetwork, mode))

    def _resume_network(self) -> None:
        self._network_running = True
        self._send(c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartedAsCoordinator))
        self._send(
            c.AppConfig.BDBCommissioningNotification.Callback(
                Status=_BdbStatus.NetworkRestored,
                Mode=_Mode.NONE,
                RemainingModes=_Mode.NwkFormation,
            )
        )
        self._send(self._bdb_notification(_BdbStatus.Success, _Mode.NwkFormation))

    @staticmethod
    def _bdb_notification(status: Any, mode: Any) -> Any:
        return c.AppConfig.BDBCommissioningNotification.Callback(
            Status=status, Mode=mode, RemainingModes=_Mode.NONE
        )

    def _zdo_startup_from_app(self, request: Any) -> None:
        if self._is_formed():
            state = c.zdo.StartupState.RestoredNetworkState
        else:
            self._form_network()
            state = c.zdo.StartupState.NewNetworkState
        self._network_running = True
        self._send(request.Rsp(State=state))
        self._send(c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartedAsCoordinator))

    def _nib(self) -> Any | None:
        raw = self.nvram.osal(OsalNvIds.NIB)
        if raw is None:
            return None
        # Parsing the NIB costs ~0.5 ms: only redo it when zigpy rewrote the item.
        if self._nib_cache is not None and self._nib_cache[0] == raw:
            return self._nib_cache[1]
        try:
            nib, _rest = t.NIB.deserialize(raw, align=True)
        except ValueError:
            return None
        self._nib_cache = (raw, nib)
        return nib

    def _is_formed(self) -> bool:
        nib = self._nib()
        return (
            nib is not None
            and nib.nwkLogicalChannel != 0
            and bool(nib.nwkKeyLoaded)
            and self.nvram.osal(OsalNvIds.BDBNODEISONANETWORK) == b"\x01"
        )

    def _form_network(self) -> None:
        """Form a network from the commissioning NV items, as BDB formation does.

        zigpy-znp writes a random PAN id (0xFFFF = pick one), extended PAN id and key
        before forming; a blank emulator's own key is random too, never a default one.
        """
        ieee = self._own_ieee()
        pan_id = int.from_bytes(self.nvram.osal(OsalNvIds.PANID) or b"\xff\xff", "little")
        if pan_id in (0x0000, 0xFFFE, 0xFFFF):
            pan_id = random.randint(0x0001, 0xFFF7)
        ext_pan_id = self.nvram.osal(OsalNvIds.APS_USE_EXT_PANID) or bytes(8)
        if ext_pan_id in NO_IEEE:
            ext_pan_id = ieee
        key = self.nvram.osal(OsalNvIds.PRECFGKEY) or bytes(16)
        if key == bytes(16):
            key = os.urandom(16)
            self.nvram.set_osal(OsalNvIds.PRECFGKEY, key)
        channels = mt_zdo.channel_list(self._primary_channels)
        channel = channels[0] if channels else 11

        nib = _formed_nib(channel=channel, pan_id=pan_id, ext_pan_id=ext_pan_id)
        key_desc = t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(key))
        key_items = t.NwkActiveKeyItems(Active=key_desc, FrameCounter=0)
        self.nvram.set_osal(OsalNvIds.NIB, nib.serialize(align=True))
        self.nvram.set_osal(OsalNvIds.EXTENDED_PAN_ID, ext_pan_id)
        self.nvram.set_osal(OsalNvIds.NWK_ACTIVE_KEY_INFO, key_desc.serialize(align=True))
        self.nvram.set_osal(OsalNvIds.NWK_ALTERN_KEY_INFO, key_desc.serialize(align=True))
        self.nvram.set_osal(OsalNvIds.NWKKEY, key_items.serialize(align=True))
        self.nvram.set_osal(OsalNvIds.BDBNODEISONANETWORK, b"\x01")
        # Counters of networks formed before survive, like the real security material.
        self.nvram.frame_counter_row(ext_pan_id, create=True)
        self._frame_counter_row = None
        self._flush()

    # ------------------------------------------------------------------ AF

    def _af_register(self, request: Any) -> None:
        if request.Endpoint in self._endpoints:
            self._send(request.Rsp(Status=t.Status.APS_DUPLICATE_ENTRY))
            return
        self._endpoints[request.Endpoint] = mt_zdo.EndpointDescriptor(
            endpoint=request.Endpoint,
            profile=request.ProfileId,
            device_type=request.DeviceId,
            device_version=request.DeviceVersion,
            input_clusters=tuple(request.InputClusters),
            output_clusters=tuple(request.OutputClusters),
        )
        self._reply_success(request)

    def _af_delete(self, request: Any) -> None:
        found = self._endpoints.pop(request.Endpoint, None) is not None
        self._send(request.Rsp(Status=t.Status.SUCCESS if found else t.Status.INVALID_PARAMETER))

    def _af_data_request_ext(self, request: Any) -> None:
        address = request.DstAddrModeAddress
        if request.DstPanId not in (0x0000, self._pan_id()):
            # Inter-PAN (touchlink) frames leave our network: accept and forget.
            self._reply_success(request)
            return
        mode = AddressMode.NWK
        destination = address.address
        if address.mode == t.AddrMode.Group:
            mode = AddressMode.GROUP
        elif address.mode == t.AddrMode.Broadcast:
            mode = AddressMode.BROADCAST
        elif address.mode == t.AddrMode.IEEE:
            destination = self._nwk_of(bytes(address.address.serialize()))
        self._route_from_host(request, mode, destination)

    def _af_data_request(self, request: Any) -> None:
        mode = AddressMode.BROADCAST if request.DstAddr in BROADCAST_NWKS else AddressMode.NWK
        self._route_from_host(request, mode, request.DstAddr)

    def _af_data_request_src_rtg(self, request: Any) -> None:
        self._route_from_host(request, AddressMode.NWK, request.DstAddr)

    def _route_from_host(self, request: Any, mode: AddressMode, destination: int | None) -> None:
        """Send an AF data request over the air and report its fate to zigpy."""
        self._reply_success(request)
        frame = ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=request.SrcEndpoint,
            dst=0xFFFE if destination is None else destination,
            dst_ep=request.DstEndpoint,
            cluster=request.ClusterId,
            profile=self._profile_of(request.SrcEndpoint, request.DstEndpoint, request.Options),
            payload=bytes(request.Data),
            dst_mode=mode,
        )
        is_zdo = frame.dst_ep == 0 and frame.src_ep == 0

        if mode != AddressMode.NWK:
            if not is_zdo:
                self._data_confirm(request, DeliveryStatus.SUCCESS)
            self._bump_frame_counter()
            for device in list(self._devices.values()):
                self._deliver(device, frame)
            return

        if frame.dst == COORDINATOR_NWK:
            if is_zdo:
                self._zdo_to_self(frame)
            else:
                self._data_confirm(request, DeliveryStatus.SUCCESS)
            return

        target = self._devices.get(frame.dst)
        status = self._take_failure(frame.dst)
        if status is None:
            status = DeliveryStatus.SUCCESS if target is not None else DeliveryStatus.MAC_NO_ACK
        # ZDO unicasts get no AF.DataConfirm from Z-Stack; a failed one is just lost.
        if not is_zdo:
            self._data_confirm(request, status)
        if status != DeliveryStatus.SUCCESS or target is None:
            return
        self._bump_frame_counter()
        if is_zdo and frame.cluster == ZdoCluster.MGMT_LEAVE_REQ:
            self._note_leave_request(frame)
        self._deliver(target, frame)

    def _data_confirm(self, request: Any, status: DeliveryStatus) -> None:
        self._send(
            c.AF.DataConfirm.Callback(
                Status=t.Status(int(status)), Endpoint=request.SrcEndpoint, TSN=request.TSN
            )
        )

    def _take_failure(self, nwk: int) -> DeliveryStatus | None:
        pending = self._failures.pop(nwk, None)
        if pending is None:
            return None
        remaining, status = pending
        if remaining > 1:
            self._failures[nwk] = (remaining - 1, status)
        return status

    def _profile_of(self, src_ep: int, dst_ep: int, options: Any) -> int:
        if src_ep == 0 and dst_ep == 0:
            return ZDO_PROFILE
        if options & c.af.TransmitOptions.WILDCARD_PROFILEID:
            return 0xFFFF
        descriptor = self._endpoints.get(src_ep)
        return HA_PROFILE if descriptor is None else int(descriptor.profile)

    def _deliver(self, device: SimulatedDevice, frame: ApsFrame) -> None:
        try:
            device.receive(frame)
        except Exception:
            _LOGGER.exception("Simulated device 0x%04X failed on %s", device.node.nwk, frame)

    # ------------------------------------------------------------------ ZDO

    def _zdo_route_check(self, request: Any) -> None:
        known = request.Dst == COORDINATOR_NWK or request.Dst in self._devices
        status = c.zdo.RoutingStatus.SUCCESS if known else c.zdo.RoutingStatus.NO_ENTRY
        self._send(request.Rsp(Status=status))

    def _zdo_nwk_info(self, request: Any) -> None:
        nib = self._nib()
        channel = nib.nwkLogicalChannel if nib is not None else 0
        self._send(
            request.Rsp(
                Dst=COORDINATOR_NWK,
                PanId=self._pan_id(),
                ParentNWK=COORDINATOR_NWK,
                ExtendedPanId=t.EUI64(self._ext_pan_id()),
                ParentIEEE=t.EUI64(self._own_ieee()),
                Channel=(
                    t.Channels.from_channel_list([channel]) if channel else t.Channels.NO_CHANNELS
                ),
            )
        )

    def _zdo_permit_join(self, request: Any) -> None:
        self._reply_success(request)
        status = t.ZDOStatus.SUCCESS
        if request.AddrMode == t.AddrMode.Broadcast or request.Dst == COORDINATOR_NWK:
            source = COORDINATOR_NWK
            self._set_permit(request.Duration)
        else:
            # A router opens itself: zigpy-znp delivers the ZDO request by AF as well.
            source = request.Dst
            if request.Dst not in self._devices:
                status = t.ZDOStatus.TIMEOUT
        self._send(c.ZDO.MgmtPermitJoinRsp.Callback(Src=source, Status=status))

    def _zdo_mgmt_leave(self, request: Any) -> None:
        self._reply_success(request)
        ieee = bytes(request.IEEE.serialize())
        nwk = request.DstAddr if ieee == bytes(8) else self._nwk_of(ieee)
        if nwk is None or nwk == COORDINATOR_NWK:
            return
        self._send(c.ZDO.MgmtLeaveRsp.Callback(Src=request.DstAddr, Status=t.ZDOStatus.SUCCESS))
        if not request.RemoveChildren_Rejoin & c.zdo.LeaveOptions.Rejoin:
            self._leave(nwk)

    def _zdo_nwk_update(self, request: Any) -> None:
        self._reply_success(request)
        to_self = request.DstAddrMode == t.AddrMode.Broadcast or request.Dst == COORDINATOR_NWK
        if not to_self:
            return
        if request.ScanDuration == mt_zdo.CHANNEL_CHANGE:
            self._change_channel(request.Channels, None)
        elif request.ScanDuration <= 0x05:
            channels = mt_zdo.channel_list(request.Channels)
            self._send(
                c.ZDO.MgmtNWKUpdateNotify.Callback(
                    Src=COORDINATOR_NWK,
                    Status=t.ZDOStatus.SUCCESS,
                    ScannedChannels=request.Channels,
                    TotalTransmissions=len(channels) * request.ScanCount,
                    TransmissionFailures=0,
                    EnergyValues=mt_zdo.energy_values(channels),
                )
            )

    def _change_channel(self, channels: int, update_id: int | None) -> None:
        nib = self._nib()
        wanted = mt_zdo.channel_list(channels)
        if nib is None or not wanted:
            return
        nib = nib.replace(
            nwkLogicalChannel=wanted[0],
            nwkUpdateId=(nib.nwkUpdateId + 1) & 0xFF if update_id is None else update_id,
        )
        self.nvram.set_osal(OsalNvIds.NIB, nib.serialize(align=True))
        self._schedule_flush()

    def _zdo_to_self(self, frame: ApsFrame) -> None:
        """zigpy asked the coordinator itself: answer like the firmware does."""
        if not frame.payload:
            return
        tsn, args = frame.payload[0], frame.payload[1:]
        if frame.cluster == ZdoCluster.MGMT_NWK_UPDATE_REQ:
            with contextlib.suppress(struct.error):
                update = mt_zdo.NwkUpdate.decode(args)
                if update.scan_duration == mt_zdo.CHANNEL_CHANGE:
                    self._change_channel(update.channels, update.update_id)
        result = mt_zdo.answer(frame.cluster, args, self._own_node())
        if result is None:
            return
        cluster, data = result
        self._send(
            c.ZDO.MsgCbIncoming.Callback(
                Src=COORDINATOR_NWK,
                IsBroadcast=t.Bool.false,
                ClusterId=cluster,
                SecurityUse=0,
                TSN=tsn,
                MacDst=COORDINATOR_NWK,
                Data=t.Bytes(data),
            )
        )

    def _own_node(self) -> mt_zdo.OwnNode:
        return mt_zdo.OwnNode(
            ieee=self._own_ieee(),
            ext_pan_id=self._ext_pan_id(),
            endpoints=dict(self._endpoints),
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

        if not self._network_running:
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
            result = mt_zdo.answer(frame.cluster, args, self._own_node(), broadcast=broadcast)
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
        self._send(
            c.ZDO.MsgCbIncoming.Callback(
                Src=frame.src_nwk,
                IsBroadcast=t.Bool(broadcast),
                ClusterId=frame.cluster,
                SecurityUse=0,
                TSN=tsn,
                MacDst=0xFFFF if broadcast else COORDINATOR_NWK,
                Data=t.Bytes(args),
            )
        )

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
            dst_ep = 1 if 1 in self._endpoints or not self._endpoints else min(self._endpoints)
        sender = self._devices.get(frame.src_nwk)
        last_hop = frame.src_nwk
        if sender is not None and sender.node.parent_nwk != COORDINATOR_NWK:
            last_hop = sender.node.parent_nwk
        self._send(
            c.AF.IncomingMsg.Callback(
                GroupId=frame.dst if group else 0x0000,
                ClusterId=frame.cluster,
                SrcAddr=frame.src_nwk,
                SrcEndpoint=frame.src_ep,
                DstEndpoint=dst_ep,
                WasBroadcast=t.Bool(broadcast),
                LQI=max(0, min(255, frame.lqi)),
                SecurityUse=t.Bool.false,
                TimeStamp=int(time.monotonic() * 1000) & 0xFFFFFFFF,
                TSN=_zcl_tsn(frame.payload),
                Data=t.ShortBytes(frame.payload),
                MacSrcAddr=last_hop,
                MsgResultRadius=0x1D,
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
        self._send(
            c.ZDO.MsgCbIncoming.Callback(
                Src=nwk,
                IsBroadcast=t.Bool.true,
                ClusterId=ZdoCluster.DEVICE_ANNCE,
                SecurityUse=0,
                TSN=self._tsn,
                MacDst=0xFFFF,
                Data=t.Bytes(announce),
            )
        )

    def _note_leave_request(self, frame: ApsFrame) -> None:
        # Mgmt_Leave_req payload: TSN, IEEE, options (bit 7 = rejoin).
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
                c.ZDO.LeaveInd.Callback(
                    NWK=nwk,
                    IEEE=t.EUI64(ieee),
                    Request=t.Bool.false,
                    Remove=t.Bool.false,
                    Rejoin=t.Bool.false,
                )
            )

    # ------------------------------------------------------------------ permit join

    def _set_permit(self, duration: int) -> None:
        self._cancel_permit_timer()
        if duration == 0:
            if self._permit_open:
                self._permit_open = False
                self._notify_permit(0)
            return
        self._permit_open = True
        if duration != 0xFF:  # 0xFF historically meant "until told otherwise"
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

    def _host_ready(self) -> bool:
        return self._network_running and self.connected

    def _own_ieee(self) -> bytes:
        return self.nvram.osal(OsalNvIds.EXTADDR) or self.hardware_ieee

    def _pan_id(self) -> int:
        nib = self._nib()
        return int(nib.nwkPanId) if nib is not None else 0xFFFF

    def _ext_pan_id(self) -> bytes:
        nib = self._nib()
        return bytes(nib.extendedPANID.serialize()) if nib is not None else bytes(8)

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
            text = json.dumps({"ieee": str(t.EUI64(hardware))})
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
        return hardware


def _read_hardware_ieee(path: pathlib.Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text())
        return bytes(t.EUI64.convert(data["ieee"]).serialize())
    except FileNotFoundError:
        return None
    except ValueError, KeyError, TypeError, AttributeError:
        _LOGGER.warning("Ignoring unreadable %s", path)
        return None


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


def _formed_nib(*, channel: int, pan_id: int, ext_pan_id: bytes) -> Any:
    """NIB of a CC2652 coordinator right after BDB formation."""
    return t.NIB(
        SequenceNum=random.randrange(256),
        PassiveAckTimeout=5,
        MaxBroadcastRetries=2,
        MaxChildren=51,
        MaxDepth=15,
        MaxRouters=51,
        dummyNeighborTable=0,
        BroadcastDeliveryTime=30,
        ReportConstantCost=0,
        RouteDiscRetries=0,
        dummyRoutingTable=0,
        SecureAllFrames=1,
        SecurityLevel=5,
        SymLink=1,
        CapabilityFlags=0x8F,
        TransactionPersistenceTime=7,
        nwkProtocolVersion=2,
        RouteDiscoveryTime=13,
        RouteExpiryTime=30,
        nwkDevAddress=COORDINATOR_NWK,
        nwkLogicalChannel=channel,
        nwkCoordAddress=COORDINATOR_NWK,
        nwkCoordExtAddress=t.EUI64(bytes(8)),
        nwkPanId=pan_id,
        nwkState=t.NwkState.NWK_ROUTER,
        channelList=t.Channels.from_channel_list([channel]),
        beaconOrder=15,
        superFrameOrder=15,
        scanDuration=4,
        battLifeExt=0,
        allocatedRouterAddresses=1,
        allocatedEndDeviceAddresses=1,
        nodeDepth=0,
        extendedPANID=t.EUI64(ext_pan_id),
        nwkKeyLoaded=t.Bool.true,
        spare1=t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(bytes(16))),
        spare2=t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(bytes(16))),
        spare3=0,
        spare4=0,
        nwkLinkStatusPeriod=15,
        nwkRouterAgeLimit=5,
        nwkUseMultiCast=t.Bool.false,
        nwkIsConcentrator=t.Bool.true,
        nwkConcentratorDiscoveryTime=120,
        nwkConcentratorRadius=10,
        nwkAllFresh=1,
        nwkManagerAddr=COORDINATOR_NWK,
        nwkTotalTransmissions=0,
        nwkUpdateId=0,
    )
