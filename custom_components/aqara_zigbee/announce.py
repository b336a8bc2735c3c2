"""Drop ZDO Device_annce frames that cannot be genuine before zigpy acts on them.

zigpy takes a Device_annce at its word: it adds (and interviews, and stores) a device for any
announced IEEE address, whoever sent the frame. A garbage or hostile frame from a device that
holds the network key therefore creates phantom devices. What the Zigbee specification
(ZDP 2.4.3.1.11) allows is narrow:

* the payload is the TSN and exactly NWKAddr (2 bytes), IEEEAddr (8) and Capability (1);
* a device announces itself: the NWK source of the frame is the announced address (a
  relayed broadcast keeps its originator as NWK source; only the MAC hop changes);
* the address is a unicast one (0x0000-0xFFF7) and not the coordinator's;
* the IEEE address is a real one: neither all zeros nor all ones (which Green Power sinks
  announce for a device alias, not a join), nor the coordinator's own.
"""

from __future__ import annotations

import logging
from typing import Final

import zigpy.application
import zigpy.types as t
from zigpy.zdo import ZDO_ENDPOINT
import zigpy.zdo.types as zdo_t

_LOGGER = logging.getLogger(__name__)

#: TSN + NWKAddr + IEEEAddr + Capability
DEVICE_ANNCE_LENGTH: Final = 1 + 2 + 8 + 1
#: the last unicast NWK address; 0xFFF8-0xFFFF are reserved and broadcast addresses
MAX_UNICAST_NWK: Final = 0xFFF7
COORDINATOR_NWK: Final = 0x0000
_NOT_DEVICE_IEEES: Final = frozenset({t.EUI64(bytes(8)), t.EUI64(b"\xff" * 8)})


def implausible_announce(packet: t.ZigbeePacket, coordinator_ieee: t.EUI64 | None) -> str | None:
    """Why ``packet`` cannot be a genuine Device_annce, or None (also for other frames)."""
    if packet.cluster_id != zdo_t.ZDOCmd.Device_annce or ZDO_ENDPOINT not in (
        packet.src_ep,
        packet.dst_ep,
    ):
        return None
    data = packet.data.serialize()
    if len(data) != DEVICE_ANNCE_LENGTH:
        return f"{len(data)} bytes instead of {DEVICE_ANNCE_LENGTH}"
    nwk = t.NWK.deserialize(data[1:3])[0]
    ieee = t.EUI64.deserialize(data[3:11])[0]
    if nwk == COORDINATOR_NWK or nwk > MAX_UNICAST_NWK:
        return f"announced address 0x{nwk:04X} is not a device's"
    if ieee in _NOT_DEVICE_IEEES or ieee == coordinator_ieee:
        return f"announced IEEE {ieee} is not a device's"
    src = packet.src
    if src is None:
        return "no source address"
    if src.addr_mode == t.AddrMode.NWK and src.address == nwk:
        return None
    if src.addr_mode == t.AddrMode.IEEE and src.address == ieee:
        return None
    return f"sent by {src!r}, not by 0x{nwk:04X} itself"


class PlausibleAnnounces(zigpy.application.ControllerApplication):
    """Mixin for a radio's ControllerApplication: implausible Device_annce never reach zigpy."""

    def packet_received(self, packet: t.ZigbeePacket) -> None:
        node_info = self.state.node_info
        reason = implausible_announce(packet, node_info.ieee if node_info else None)
        if reason is not None:
            _LOGGER.debug("Ignoring a Device_annce that cannot be genuine (%s): %r", reason, packet)
            return
        super().packet_received(packet)
