"""The ZDO side of a simulated device: descriptors, addresses, bindings, leave, neighbors."""

from __future__ import annotations

from dataclasses import dataclass
import struct
from typing import TYPE_CHECKING

from .air import BROADCAST_NWKS, ZDO_PROFILE, AddressMode, ApsFrame
from .zcl import ZDO_RESPONSE, Neighbor, ZdoCluster, ZdoStatus, zdo_frame

if TYPE_CHECKING:
    from .device import TwinDevice


@dataclass(frozen=True, slots=True)
class Binding:
    """A ZDO binding entry made by Bind_req."""

    src_ep: int
    cluster: int
    dst_mode: int
    dst: str  # group id as decimal, or "ieee/ep"


def ieee_to_str(ieee: bytes) -> str:
    """Air-order (little-endian) IEEE bytes to the usual ``54:ef:44:...`` notation."""
    return ":".join(f"{byte:02x}" for byte in reversed(ieee))


def ieee_from_str(text: str) -> bytes:
    """``54:ef:44:...`` (or ``0x54ef44...``) to air-order IEEE bytes."""
    cleaned = text.lower().removeprefix("0x").replace(":", "").replace("-", "")
    raw = bytes.fromhex(cleaned)
    if len(raw) != 8:
        raise ValueError(f"not an EUI-64: {text!r}")
    return raw[::-1]


class ZdoResponder:
    """Answers the ZDO requests a coordinator sends a Lumi device."""

    def __init__(self, device: TwinDevice) -> None:
        self._device = device
        self.bindings: list[Binding] = []
        #: the router's neighbor table (answers to Mgmt_Lqi_req); the network fills it
        self.neighbors: list[Neighbor] = []

    def handle(self, frame: ApsFrame) -> None:  # one branch per request
        if not frame.payload:
            return
        device = self._device
        tsn, body = frame.payload[0], frame.payload[1:]
        unicast = frame.dst_mode == AddressMode.NWK and frame.dst not in BROADCAST_NWKS
        cluster = frame.cluster

        def respond(payload: bytes) -> None:
            device.send(
                ApsFrame(
                    src_nwk=device.nwk,
                    src_ep=0,
                    dst=frame.src_nwk,
                    dst_ep=0,
                    cluster=cluster | ZDO_RESPONSE,
                    profile=ZDO_PROFILE,
                    payload=zdo_frame(tsn, payload),
                    lqi=device.lqi,
                    rssi=device.rssi,
                )
            )

        nwk_bytes = struct.pack("<H", device.nwk)
        if cluster == ZdoCluster.NWK_ADDR_REQ:
            if body[:8] == device.ieee:
                respond(bytes([ZdoStatus.SUCCESS]) + device.ieee + nwk_bytes + _assoc(body[8:]))
        elif cluster == ZdoCluster.IEEE_ADDR_REQ:
            (target,) = struct.unpack_from("<H", body)
            if target == device.nwk:
                respond(bytes([ZdoStatus.SUCCESS]) + device.ieee + nwk_bytes + _assoc(body[2:]))
        elif cluster >= ZDO_RESPONSE or cluster == ZdoCluster.DEVICE_ANNCE:
            return  # responses and announcements of others are not for us
        elif not unicast:
            return  # other broadcasts (permit join, NWK update) need no answer
        elif cluster == ZdoCluster.NODE_DESC_REQ:
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + device.node_descriptor().encode())
        elif cluster == ZdoCluster.POWER_DESC_REQ:
            # mains, current source mains, full
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([0x10, 0xC1]))
        elif cluster == ZdoCluster.ACTIVE_EP_REQ:
            eps = device.active_endpoints
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([len(eps), *eps]))
        elif cluster == ZdoCluster.SIMPLE_DESC_REQ:
            requested = body[2]
            spec = device.endpoint(requested)
            if spec is None or not spec.declared:
                status = ZdoStatus.INVALID_EP if requested in (0, 0xFF) else ZdoStatus.NOT_ACTIVE
                respond(bytes([status]) + nwk_bytes + b"\x00")
            else:
                descriptor = spec.descriptor().encode()
                respond(
                    bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([len(descriptor)]) + descriptor
                )
        elif cluster in (ZdoCluster.BIND_REQ, ZdoCluster.UNBIND_REQ):
            respond(bytes([self._bind(body, bind=cluster == ZdoCluster.BIND_REQ)]))
        elif cluster == ZdoCluster.MGMT_LQI_REQ:
            start = body[0] if body else 0
            entries = self.neighbors[start : start + 3]
            respond(
                bytes([ZdoStatus.SUCCESS, len(self.neighbors), start, len(entries)])
                + b"".join(entry.encode() for entry in entries)
            )
        elif cluster == ZdoCluster.MGMT_LEAVE_REQ:
            target = body[:8]
            rejoin = len(body) > 8 and bool(body[8] & 0x80)
            if target in (device.ieee, bytes(8)):
                respond(bytes([ZdoStatus.SUCCESS]))
                if not rejoin:  # a leave-and-rejoin puts it straight back: nothing changes
                    device.leave()
            else:
                respond(bytes([ZdoStatus.NOT_SUPPORTED]))
        elif cluster == ZdoCluster.MGMT_PERMIT_JOINING_REQ:
            respond(bytes([ZdoStatus.SUCCESS]))
        else:
            respond(bytes([ZdoStatus.NOT_SUPPORTED]))

    def _bind(self, body: bytes, *, bind: bool) -> int:
        src_ieee = body[:8]
        if src_ieee != self._device.ieee:
            return ZdoStatus.NOT_SUPPORTED
        src_ep = body[8]
        (cluster,) = struct.unpack_from("<H", body, 9)
        mode = body[11]
        if mode == 0x01:
            (group,) = struct.unpack_from("<H", body, 12)
            dst = str(group)
        elif mode == 0x03:
            dst = f"{ieee_to_str(body[12:20])}/{body[20]}"
        else:
            return ZdoStatus.NOT_SUPPORTED
        entry = Binding(src_ep, cluster, mode, dst)
        if bind:
            if entry not in self.bindings:
                self.bindings.append(entry)
            return ZdoStatus.SUCCESS
        if entry in self.bindings:
            self.bindings.remove(entry)
            return ZdoStatus.SUCCESS
        return ZdoStatus.NO_ENTRY

    def export_bindings(self) -> list[list[object]]:
        return [
            [binding.src_ep, binding.cluster, binding.dst_mode, binding.dst]
            for binding in self.bindings
        ]

    def import_bindings(self, saved: list[list[object]]) -> None:
        self.bindings = [
            Binding(int(str(src_ep)), int(str(cluster)), int(str(mode)), str(dst))
            for src_ep, cluster, mode, dst in saved
        ]


def _assoc(rest: bytes) -> bytes:
    """Extended part of NWK/IEEE_addr_rsp: we report no associated devices."""
    if rest and rest[0] == 1:
        return bytes([0, 0])
    return b""
