"""Which Device_annce frames can be genuine (the spec's layout and addressing rules)."""

from __future__ import annotations

import pytest
import zigpy.types as t

from custom_components.aqara_zigbee.announce import implausible_announce

COORDINATOR_IEEE = t.EUI64.convert("00:12:4b:00:11:22:33:44")
DEVICE_IEEE = t.EUI64.convert("54:ef:44:10:00:aa:bb:cc")
DEVICE_NWK = 0x1A2B


def _payload(nwk: int = DEVICE_NWK, ieee: t.EUI64 = DEVICE_IEEE) -> bytes:
    return b"\x07" + nwk.to_bytes(2, "little") + ieee.serialize() + b"\x80"


def _packet(
    payload: bytes,
    *,
    src: t.AddrModeAddress | None = None,
    cluster: int = 0x0013,
    endpoint: int = 0,
) -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=src or t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=DEVICE_NWK),
        src_ep=endpoint,
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.Broadcast, address=0xFFFD),
        dst_ep=endpoint,
        tsn=7,
        profile_id=0,
        cluster_id=cluster,
        data=t.SerializableBytes(payload),
    )


GENUINE = {
    "from itself": _packet(_payload()),
    "source given as IEEE": _packet(
        _payload(), src=t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=DEVICE_IEEE)
    ),
    "highest unicast address": _packet(
        _payload(nwk=0xFFF7),
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=0xFFF7),
    ),
    # Not a Device_annce: left to zigpy whatever it holds
    "other ZDO cluster": _packet(b"\x00", cluster=0x8000),
    "ZCL frame on cluster 0x0013": _packet(b"\x00", endpoint=1),
}

MALFORMED = {
    "empty": _packet(b""),
    "short": _packet(_payload()[:-1]),
    "long": _packet(_payload() + b"\x00"),
    "coordinator address": _packet(
        _payload(nwk=0x0000), src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=0x0000)
    ),
    "reserved address": _packet(
        _payload(nwk=0xFFF8), src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=0xFFF8)
    ),
    "broadcast address": _packet(
        _payload(nwk=0xFFFF), src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=0xFFFF)
    ),
    "zero IEEE": _packet(_payload(ieee=t.EUI64(bytes(8)))),
    "all-ones IEEE (Green Power alias)": _packet(_payload(ieee=t.EUI64(b"\xff" * 8))),
    "coordinator IEEE": _packet(_payload(ieee=COORDINATOR_IEEE)),
    "sent by another NWK": _packet(
        _payload(), src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=DEVICE_NWK + 1)
    ),
    "sent by another IEEE": _packet(
        _payload(), src=t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=COORDINATOR_IEEE)
    ),
    "sent to a group": _packet(
        _payload(), src=t.AddrModeAddress(addr_mode=t.AddrMode.Group, address=DEVICE_NWK)
    ),
}


@pytest.mark.parametrize("packet", GENUINE.values(), ids=GENUINE.keys())
def test_genuine_announce_passes(packet: t.ZigbeePacket) -> None:
    assert implausible_announce(packet, COORDINATOR_IEEE) is None


@pytest.mark.parametrize("packet", MALFORMED.values(), ids=MALFORMED.keys())
def test_implausible_announce_is_named(packet: t.ZigbeePacket) -> None:
    assert implausible_announce(packet, COORDINATOR_IEEE)


def test_unknown_coordinator_ieee_still_checks_the_rest() -> None:
    assert implausible_announce(_packet(_payload()), None) is None
    assert implausible_announce(_packet(_payload(ieee=t.EUI64(bytes(8)))), None)
