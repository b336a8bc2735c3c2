"""ZDO answers of the emulated coordinator itself (requests addressed to NWK 0x0000).

Z-Stack answers these in firmware and, because zigpy-znp registers for every ZDO
callback, reports the answer to the host as ``ZDO.MsgCbIncoming``. The same answers go
back to simulated devices that query the coordinator (e.g. Match_Desc_req for OTA).
Side effects (permit join, channel changes) are the emulator's business, not this
module's: everything here is a pure function of :class:`OwnNode`.

Frames are encoded by hand (Zigbee spec 2.4.3/2.4.4) rather than with zigpy's types, so
the emulator never shares encoding code (and bugs) with the stack under test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
import logging
import struct
from typing import Final

from .air import COORDINATOR_NWK, NodeInfo

_LOGGER = logging.getLogger(__name__)


class ZdoCluster(IntEnum):
    """ZDO cluster ids the emulator deals with (responses are request | 0x8000)."""

    NWK_ADDR_REQ = 0x0000
    IEEE_ADDR_REQ = 0x0001
    NODE_DESC_REQ = 0x0002
    SIMPLE_DESC_REQ = 0x0004
    ACTIVE_EP_REQ = 0x0005
    MATCH_DESC_REQ = 0x0006
    DEVICE_ANNCE = 0x0013
    BIND_REQ = 0x0021
    UNBIND_REQ = 0x0022
    MGMT_LQI_REQ = 0x0031
    MGMT_RTG_REQ = 0x0032
    MGMT_BIND_REQ = 0x0033
    MGMT_LEAVE_REQ = 0x0034
    MGMT_PERMIT_JOINING_REQ = 0x0036
    MGMT_NWK_UPDATE_REQ = 0x0038
    MGMT_LEAVE_RSP = 0x8034


class ZdoStatus(IntEnum):
    SUCCESS = 0x00
    DEVICE_NOT_FOUND = 0x81
    INVALID_EP = 0x82
    NOT_ACTIVE = 0x83
    NOT_SUPPORTED = 0x84


# Node descriptor of a CC2652 running Z-Stack 3.30: coordinator on 2.4 GHz, MAC
# capabilities 0x8F, manufacturer 0x0000, buffer 80, transfers 160, server mask 0x2C01.
OWN_NODE_DESCRIPTOR: Final = bytes([0x00, 0x40, 0x8F]) + struct.pack(
    "<HBHHHB", 0x0000, 80, 160, 0x2C01, 160, 0x00
)

# NwkUpdate scan durations that are commands rather than energy scans.
CHANNEL_CHANGE: Final = 0xFE
CHANNEL_MASK_UPDATE: Final = 0xFF

# Mgmt_Lqi_rsp carries at most this many neighbours per frame; address lists 20.
_LQI_PAGE: Final = 3
_ADDR_PAGE: Final = 20
# Device_annce and the like are announcements, not requests anyone answers.
_NOT_REQUESTS: Final = frozenset({ZdoCluster.DEVICE_ANNCE})


@dataclass(frozen=True, slots=True)
class EndpointDescriptor:
    """An endpoint registered with AF.Register (its simple descriptor)."""

    endpoint: int
    profile: int
    device_type: int
    device_version: int
    input_clusters: tuple[int, ...]
    output_clusters: tuple[int, ...]

    def encode(self) -> bytes:
        body = struct.pack(
            "<BHHB", self.endpoint, self.profile, self.device_type, self.device_version
        )
        body += _cluster_list(self.input_clusters) + _cluster_list(self.output_clusters)
        return bytes([len(body)]) + body


@dataclass(frozen=True, slots=True)
class OwnNode:
    """What the coordinator knows about itself when answering ZDO queries."""

    ieee: bytes  # little-endian, as on the air
    ext_pan_id: bytes  # little-endian
    endpoints: Mapping[int, EndpointDescriptor]
    neighbors: Sequence[NodeInfo]
    permit_open: bool


@dataclass(frozen=True, slots=True)
class NwkUpdate:
    """Mgmt_NWK_Update_req arguments."""

    channels: int  # bitmask, bit n = channel n
    scan_duration: int
    scan_count: int
    update_id: int | None

    @classmethod
    def decode(cls, data: bytes) -> NwkUpdate:
        channels, duration = struct.unpack_from("<IB", data)
        count, update_id = 1, None
        if duration <= 0x05 and len(data) > 5:
            count = data[5]
        elif duration in (CHANNEL_CHANGE, CHANNEL_MASK_UPDATE) and len(data) > 5:
            update_id = data[5]
        return cls(channels, duration, count, update_id)


def channel_list(mask: int) -> list[int]:
    """2.4 GHz channels (11-26) set in a channel bitmask."""
    return [channel for channel in range(11, 27) if mask & (1 << channel)]


def is_request(cluster: int) -> bool:
    return cluster < 0x8000 and cluster not in _NOT_REQUESTS


def energy_values(channels: Sequence[int]) -> list[int]:
    """Quiet, deterministic energy readings so channel selection is reproducible."""
    return [(channel * 7) % 40 for channel in channels]


def answer(
    cluster: int, args: bytes, node: OwnNode, *, broadcast: bool = False
) -> tuple[int, bytes] | None:
    """Response cluster and payload (without TSN) for a ZDO request; None = no answer.

    Broadcast requests are only answered when they concern us (a matching address or
    descriptor): every other node stays quiet.
    """
    if not is_request(cluster):
        return None
    try:
        payload = _answer(cluster, args, node)
    except struct.error, IndexError, ValueError:
        _LOGGER.debug("Malformed ZDO request 0x%04X: %s", cluster, args.hex())
        payload = bytes([ZdoStatus.NOT_SUPPORTED])
    if payload is None:
        return None
    if broadcast and (payload[0] != ZdoStatus.SUCCESS or _empty_match(cluster, payload)):
        return None
    return cluster | 0x8000, payload


def _empty_match(cluster: int, payload: bytes) -> bool:
    # Match_Desc_rsp: status, nwk (2 bytes), match count, endpoints
    return cluster == ZdoCluster.MATCH_DESC_REQ and payload[3] == 0


def _answer(cluster: int, args: bytes, node: OwnNode) -> bytes | None:
    nwk = struct.pack("<H", COORDINATOR_NWK)
    ok = bytes([ZdoStatus.SUCCESS])
    match cluster:
        case ZdoCluster.NWK_ADDR_REQ:
            ieee, request_type, start = args[:8], args[8], args[9]
            if ieee != node.ieee:
                return bytes([ZdoStatus.DEVICE_NOT_FOUND]) + ieee + b"\xff\xff"
            return _addr_rsp(node, request_type, start)
        case ZdoCluster.IEEE_ADDR_REQ:
            (target,), request_type, start = struct.unpack_from("<H", args), args[2], args[3]
            if target != COORDINATOR_NWK:
                return bytes([ZdoStatus.DEVICE_NOT_FOUND]) + node.ieee + args[:2]
            return _addr_rsp(node, request_type, start)
        case ZdoCluster.NODE_DESC_REQ:
            if args[:2] != nwk:
                return bytes([ZdoStatus.DEVICE_NOT_FOUND]) + args[:2]
            return ok + nwk + OWN_NODE_DESCRIPTOR
        case ZdoCluster.ACTIVE_EP_REQ:
            return ok + nwk + bytes([len(node.endpoints), *sorted(node.endpoints)])
        case ZdoCluster.SIMPLE_DESC_REQ:
            descriptor = node.endpoints.get(args[2])
            if descriptor is None:
                valid = 1 <= args[2] <= 254
                return bytes([ZdoStatus.NOT_ACTIVE if valid else ZdoStatus.INVALID_EP]) + nwk
            return ok + nwk + descriptor.encode()
        case ZdoCluster.MATCH_DESC_REQ:
            matches = _match_endpoints(node, args[2:])
            return ok + nwk + bytes([len(matches), *matches])
        case ZdoCluster.BIND_REQ | ZdoCluster.UNBIND_REQ:
            return ok  # accepted; the coordinator's own bindings are not modelled
        case ZdoCluster.MGMT_BIND_REQ:
            return ok + bytes([0, args[0], 0])
        case ZdoCluster.MGMT_LQI_REQ:
            return ok + _neighbor_table(node, args[0])
        case ZdoCluster.MGMT_RTG_REQ:
            return ok + bytes([0, args[0], 0])  # no routes: everyone is a direct child
        case ZdoCluster.MGMT_PERMIT_JOINING_REQ:
            return ok
        case ZdoCluster.MGMT_NWK_UPDATE_REQ:
            update = NwkUpdate.decode(args)
            if update.scan_duration > 0x05:
                return None  # channel change / manager update: acted on, never answered
            channels = channel_list(update.channels)
            energies = energy_values(channels)
            total = len(channels) * update.scan_count
            return (
                ok
                + struct.pack("<IHHB", update.channels, total, 0, len(energies))
                + bytes(energies)
            )
        case _:
            return bytes([ZdoStatus.NOT_SUPPORTED])


def _cluster_list(clusters: Sequence[int]) -> bytes:
    return bytes([len(clusters)]) + struct.pack(f"<{len(clusters)}H", *clusters)


def _addr_rsp(node: OwnNode, request_type: int, start: int) -> bytes:
    head = bytes([ZdoStatus.SUCCESS]) + node.ieee + struct.pack("<H", COORDINATOR_NWK)
    if request_type != 0x01:  # single device response
        return head
    children = [n.nwk for n in node.neighbors]
    page = children[start : start + _ADDR_PAGE]
    return head + bytes([len(children), start]) + struct.pack(f"<{len(page)}H", *page)


def _match_endpoints(node: OwnNode, data: bytes) -> list[int]:
    (profile,) = struct.unpack_from("<H", data)
    in_count = data[2]
    in_clusters = set(struct.unpack_from(f"<{in_count}H", data, 3))
    out_offset = 3 + 2 * in_count
    out_count = data[out_offset]
    out_clusters = set(struct.unpack_from(f"<{out_count}H", data, out_offset + 1))
    # A requester's input clusters match our outputs and vice versa.
    return [
        ep_id
        for ep_id, desc in sorted(node.endpoints.items())
        if desc.profile == profile
        and (in_clusters & set(desc.output_clusters) or out_clusters & set(desc.input_clusters))
    ]


def _neighbor_table(node: OwnNode, start: int) -> bytes:
    rows = [_neighbor(node, info) for info in node.neighbors]
    page = rows[start : start + _LQI_PAGE]
    return bytes([len(rows), start, len(page)]) + b"".join(page)


def _neighbor(node: OwnNode, info: NodeInfo) -> bytes:
    device_type = 0x01 if info.is_router else 0x02
    rx_on = 0x01 if info.rx_on_when_idle else 0x00
    relationship = 0x01  # child
    flags = device_type | rx_on << 2 | relationship << 4
    permit = 0x01 if node.permit_open and info.is_router else 0x00
    lqi = info.extra.get("lqi", 255)
    return (
        node.ext_pan_id
        + info.ieee
        + struct.pack(
            "<HBBBB",
            info.nwk,
            flags,
            permit,
            1,  # depth
            lqi if isinstance(lqi, int) and 0 <= lqi <= 255 else 255,
        )
    )
