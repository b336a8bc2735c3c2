"""ZDO in the Z-Stack emulator: the coordinator's own answers, and ZDO over MT.

* :func:`answer`: what the firmware answers to ZDO requests addressed to the coordinator
  itself (NWK 0x0000), from the host or from simulated devices (e.g. Match_Desc_req for
  OTA). Side effects (permit join, channel changes) are the emulator's business, not this
  module's: everything here is a pure function of :class:`OwnNode`.
* :func:`request_from_mt`: the ZDP request an MT ZDO request (``ZDO_NODE_DESC_REQ``, ...)
  puts on the air (SWRA198 section 3.12.1).
* :func:`response_callback`: the callback a ZNP sends for every ZDO response it receives
  (``ZDO_NODE_DESC_RSP``, ..., ``ZDO_END_DEVICE_ANNCE_IND``; SWRA198 section 3.12.2). The
  ZNP firmware sends these whatever ``ZCD_NV_ZDO_DIRECT_CB`` says (``MT_TASK`` builds
  call the MT callback unconditionally), next to ``ZDO_MSG_CB_INCOMING`` for the clusters
  a host registered.

Frames are encoded by hand (Zigbee spec 2.4.3/2.4.4, TI's MT spec) rather than with a
host library's types, so the emulator never shares encoding code (and bugs) with the
stack under test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
import logging
import struct
from typing import Final

from . import mt
from .air import BROADCAST_NWKS, COORDINATOR_NWK, NodeInfo

_LOGGER = logging.getLogger(__name__)


class ZdoCluster(IntEnum):
    """ZDO cluster ids the emulator deals with (responses are request | 0x8000)."""

    NWK_ADDR_REQ = 0x0000
    IEEE_ADDR_REQ = 0x0001
    NODE_DESC_REQ = 0x0002
    POWER_DESC_REQ = 0x0003
    SIMPLE_DESC_REQ = 0x0004
    ACTIVE_EP_REQ = 0x0005
    MATCH_DESC_REQ = 0x0006
    COMPLEX_DESC_REQ = 0x0010
    USER_DESC_REQ = 0x0011
    DEVICE_ANNCE = 0x0013
    BIND_REQ = 0x0021
    UNBIND_REQ = 0x0022
    MGMT_LQI_REQ = 0x0031
    MGMT_RTG_REQ = 0x0032
    MGMT_BIND_REQ = 0x0033
    MGMT_LEAVE_REQ = 0x0034
    MGMT_PERMIT_JOINING_REQ = 0x0036
    MGMT_NWK_UPDATE_REQ = 0x0038
    NWK_ADDR_RSP = 0x8000
    IEEE_ADDR_RSP = 0x8001
    SIMPLE_DESC_RSP = 0x8004
    MGMT_LEAVE_RSP = 0x8034
    MGMT_PERMIT_JOINING_RSP = 0x8036


class ZdoStatus(IntEnum):
    SUCCESS = 0x00
    DEVICE_NOT_FOUND = 0x81
    INVALID_EP = 0x82
    NOT_ACTIVE = 0x83
    NOT_SUPPORTED = 0x84


ZDO_RESPONSE: Final = 0x8000

# Node descriptor of a CC2652 running Z-Stack 3.30: coordinator on 2.4 GHz, MAC
# capabilities 0x8F, manufacturer 0x0000, buffer 80, transfers 160, server mask 0x2C01.
MAX_INCOMING_TRANSFER: Final = 160
OWN_NODE_DESCRIPTOR: Final = bytes([0x00, 0x40, 0x8F]) + struct.pack(
    "<HBHHHB", 0x0000, 80, MAX_INCOMING_TRANSFER, 0x2C01, 160, 0x00
)
_MANUFACTURER_CODE: Final = slice(3, 5)
# Koenkk's firmware answers devices from these Xiaomi OUIs with Xiaomi's manufacturer
# code (some refuse to work with a coordinator that reports 0x0000).
_XIAOMI_OUIS: Final = frozenset({bytes.fromhex("04cf8c"), bytes.fromhex("54ef44")})
XIAOMI_MANUFACTURER_CODE: Final = 0x115F

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
    cluster: int,
    args: bytes,
    node: OwnNode,
    *,
    broadcast: bool = False,
    requester_ieee: bytes | None = None,
) -> tuple[int, bytes] | None:
    """Response cluster and payload (without TSN) for a ZDO request; None = no answer.

    Broadcast requests are only answered when they concern us (a matching address or
    descriptor): every other node stays quiet. ``requester_ieee`` (little-endian) is the
    IEEE address of the asking device, when the coordinator knows it.
    """
    if not is_request(cluster):
        return None
    try:
        payload = _answer(cluster, args, node, requester_ieee)
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


def _answer(cluster: int, args: bytes, node: OwnNode, requester_ieee: bytes | None) -> bytes | None:
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
            return ok + nwk + node_descriptor_for(requester_ieee)
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


def node_descriptor_for(requester_ieee: bytes | None) -> bytes:
    """The coordinator's node descriptor as the firmware shows it to ``requester_ieee``."""
    if requester_ieee is not None and requester_ieee[5:8][::-1] in _XIAOMI_OUIS:
        code = struct.pack("<H", XIAOMI_MANUFACTURER_CODE)
        before, after = _MANUFACTURER_CODE.start, _MANUFACTURER_CODE.stop
        return OWN_NODE_DESCRIPTOR[:before] + code + OWN_NODE_DESCRIPTOR[after:]
    return OWN_NODE_DESCRIPTOR


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


# ---------------------------------------------------------------------------- ZDO over MT


@dataclass(frozen=True, slots=True)
class ZdpRequest:
    """A ZDP request the coordinator puts on the air for an MT ZDO request."""

    dst: int  # NWK address, or a broadcast address
    cluster: int
    payload: bytes  # without the ZDP sequence number

    @property
    def broadcast(self) -> bool:
        return self.dst in BROADCAST_NWKS


# MT ZDO requests that carry (DstAddr, NWKAddrOfInterest) and nothing else.
_ADDRESS_OF_INTEREST: Final[dict[int, ZdoCluster]] = {
    mt.ZDO_NODE_DESC_REQ.id: ZdoCluster.NODE_DESC_REQ,
    mt.ZDO_POWER_DESC_REQ.id: ZdoCluster.POWER_DESC_REQ,
    mt.ZDO_ACTIVE_EP_REQ.id: ZdoCluster.ACTIVE_EP_REQ,
    mt.ZDO_COMPLEX_DESC_REQ.id: ZdoCluster.COMPLEX_DESC_REQ,
    mt.ZDO_USER_DESC_REQ.id: ZdoCluster.USER_DESC_REQ,
}
_MGMT_WITH_START_INDEX: Final[dict[int, ZdoCluster]] = {
    mt.ZDO_MGMT_LQI_REQ.id: ZdoCluster.MGMT_LQI_REQ,
    mt.ZDO_MGMT_RTG_REQ.id: ZdoCluster.MGMT_RTG_REQ,
    mt.ZDO_MGMT_BIND_REQ.id: ZdoCluster.MGMT_BIND_REQ,
}
# MT_ZDO_MGMT_LEAVE_REQ flags -> Mgmt_Leave_req options.
_MT_LEAVE_REJOIN: Final = 0x01
_MT_LEAVE_REMOVE_CHILDREN: Final = 0x02
ZDP_LEAVE_REJOIN: Final = 0x80
ZDP_LEAVE_REMOVE_CHILDREN: Final = 0x40
# Bind destination address modes (ZDP): group, or 64-bit address and endpoint.
_BIND_GROUP: Final = 0x01
_BIND_IEEE: Final = 0x03
_BROADCAST_RX_ON: Final = 0xFFFD
# MtZdoDef_rsp: the cluster the firmware files a failed Simple_Desc_rsp under.
_MT_DEFAULT_RSP: Final = 0x40


def request_from_mt(command: mt.Command, msg: mt.Message, *, own_ieee: bytes) -> ZdpRequest:
    """The ZDP request for one of the MT ZDO requests of :data:`FORWARDED_REQUESTS`."""
    nwk = struct.pack
    if command.id in _ADDRESS_OF_INTEREST:
        return ZdpRequest(
            msg.num("dst"),
            _ADDRESS_OF_INTEREST[command.id],
            nwk("<H", msg.num("nwk_of_interest")),
        )
    if command.id in _MGMT_WITH_START_INDEX:
        return ZdpRequest(
            msg.num("dst"), _MGMT_WITH_START_INDEX[command.id], bytes([msg.num("start_index")])
        )
    if command is mt.ZDO_NWK_ADDR_REQ:
        # Asking for our own address stays local; anybody else's is asked of every
        # rx-on-when-idle device.
        ieee = msg.raw("ieee")
        dst = COORDINATOR_NWK if ieee == own_ieee else _BROADCAST_RX_ON
        tail = bytes([msg.num("req_type"), msg.num("start_index")])
        return ZdpRequest(dst, ZdoCluster.NWK_ADDR_REQ, ieee + tail)
    if command is mt.ZDO_IEEE_ADDR_REQ:
        target = msg.num("nwk")
        tail = bytes([msg.num("req_type"), msg.num("start_index")])
        return ZdpRequest(target, ZdoCluster.IEEE_ADDR_REQ, nwk("<H", target) + tail)
    if command is mt.ZDO_SIMPLE_DESC_REQ:
        payload = nwk("<HB", msg.num("nwk_of_interest"), msg.num("endpoint"))
        return ZdpRequest(msg.num("dst"), ZdoCluster.SIMPLE_DESC_REQ, payload)
    if command is mt.ZDO_MATCH_DESC_REQ:
        payload = (
            nwk("<HH", msg.num("nwk_of_interest"), msg.num("profile"))
            + mt.WORDS.encode(msg.words("input_clusters"))
            + mt.WORDS.encode(msg.words("output_clusters"))
        )
        return ZdpRequest(msg.num("dst"), ZdoCluster.MATCH_DESC_REQ, payload)
    if command in (mt.ZDO_BIND_REQ, mt.ZDO_UNBIND_REQ):
        mode = msg.num("dst_mode")
        payload = (
            msg.raw("src_ieee")
            + nwk("<BHB", msg.num("src_ep"), msg.num("cluster"), mode)
            + _bind_destination(mode, msg.raw("dst_addr"), msg.num("dst_ep"))
        )
        cluster = ZdoCluster.BIND_REQ if command is mt.ZDO_BIND_REQ else ZdoCluster.UNBIND_REQ
        return ZdpRequest(msg.num("dst"), cluster, payload)
    if command is mt.ZDO_MGMT_LEAVE_REQ:
        flags = msg.num("flags")
        options = (ZDP_LEAVE_REJOIN if flags & _MT_LEAVE_REJOIN else 0) | (
            ZDP_LEAVE_REMOVE_CHILDREN if flags & _MT_LEAVE_REMOVE_CHILDREN else 0
        )
        return ZdpRequest(
            msg.num("dst"), ZdoCluster.MGMT_LEAVE_REQ, msg.raw("ieee") + bytes([options])
        )
    raise ValueError(f"{command.name} is not forwarded as it is")


def _bind_destination(mode: int, address: bytes, endpoint: int) -> bytes:
    if mode == _BIND_IEEE:
        return address + bytes([endpoint])
    if mode == _BIND_GROUP:
        return address[:2]
    return b""


FORWARDED_REQUESTS: Final = (
    mt.ZDO_NWK_ADDR_REQ,
    mt.ZDO_IEEE_ADDR_REQ,
    mt.ZDO_NODE_DESC_REQ,
    mt.ZDO_POWER_DESC_REQ,
    mt.ZDO_SIMPLE_DESC_REQ,
    mt.ZDO_ACTIVE_EP_REQ,
    mt.ZDO_MATCH_DESC_REQ,
    mt.ZDO_COMPLEX_DESC_REQ,
    mt.ZDO_USER_DESC_REQ,
    mt.ZDO_BIND_REQ,
    mt.ZDO_UNBIND_REQ,
    mt.ZDO_MGMT_LQI_REQ,
    mt.ZDO_MGMT_RTG_REQ,
    mt.ZDO_MGMT_BIND_REQ,
    mt.ZDO_MGMT_LEAVE_REQ,
)


def response_callback(cluster: int, src: int, zdp: bytes) -> mt.Frame | None:
    """The ZNP's own callback for a ZDO message it received (``zdp`` without sequence).

    Responses become ``ZDO_<name>_RSP`` (id ``0x80 | cluster``): the source address, then
    the response as it came. The exceptions are the firmware's: address responses drop
    the source, swap start index and device count, and are only reported when
    successful; Device_annce becomes ``ZDO_END_DEVICE_ANNCE_IND``; a failed
    Simple_Desc_rsp (no descriptor) is rewritten by ``MT_ZdoHandleExceptions`` into
    cluster 0x0040 with just the status, which comes out as id 0xC0: the source and the
    status under the id of ZDO_STATE_CHANGE_IND (hosts see a 3-byte state change).
    Requests: None.
    """
    if cluster == ZdoCluster.DEVICE_ANNCE:
        if len(zdp) < 11:
            return None
        nwk, ieee, capabilities = struct.unpack_from("<H8sB", zdp)
        return mt.ZDO_END_DEVICE_ANNCE_IND.frame(
            src=src, nwk=nwk, ieee=ieee, capabilities=capabilities
        )
    if not cluster & ZDO_RESPONSE:
        return None
    command_id = mt.ZDO_RESPONSE_CALLBACK_BASE | (cluster & 0x7F)
    if cluster in (ZdoCluster.NWK_ADDR_RSP, ZdoCluster.IEEE_ADDR_RSP):
        if len(zdp) < 11 or zdp[0] != ZdoStatus.SUCCESS:
            return None
        count, start = (zdp[11], zdp[12]) if len(zdp) >= 13 else (0, 0)
        data = mt.encode(
            mt.ZDO_ADDR_RSP_LAYOUT,
            {
                "status": zdp[0],
                "ieee": zdp[1:9],
                "nwk": int.from_bytes(zdp[9:11], "little"),
                "start_index": start,
                "count": count,
                "devices": zdp[13 : 13 + 2 * count],
            },
        )
        return mt.Frame(mt.FrameType.AREQ, mt.Subsystem.ZDO, command_id, data)
    if cluster == ZdoCluster.SIMPLE_DESC_RSP and len(zdp) <= 4:
        command_id = mt.ZDO_RESPONSE_CALLBACK_BASE | _MT_DEFAULT_RSP
        zdp = zdp[:1]
    data = mt.encode(mt.ZDO_RESPONSE_LAYOUT, {"src": src, "zdp": zdp})
    return mt.Frame(mt.FrameType.AREQ, mt.Subsystem.ZDO, command_id, data)
