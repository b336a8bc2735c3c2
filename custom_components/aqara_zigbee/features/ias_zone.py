"""IAS Zone sensors: the zone status bits of ssIasZone (0x0500) as binary sensors.

Aqara's newer sensors send a Zone Status Change Notification when a bit changes (and
answer a read of zoneStatus, 0x0002): bit 0 is the zone's alarm (open door, water), bit 2
tamper, bit 3 low battery (ZCL 8.2.2.2.1.3). The handle decodes the notification as a
report of zoneStatus, so every feature here is an attribute source of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import Access, AttributeSource, Expose, Feature, Platform, Source

IAS_ZONE: Final = 0x0500
ZONE_STATUS: Final = 0x0002
ALARM_1: Final = 0x0001
TAMPER: Final = 0x0004
BATTERY_LOW: Final = 0x0008


@dataclass(frozen=True, slots=True)
class ZoneBit:
    """One bit of zoneStatus as a bool."""

    mask: int

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return bool(raw & self.mask)

    def encode(self, value: object) -> object:
        raise ValueError("the zone status is not written")


def zone_status(mask: int, *, endpoint: int = 1) -> AttributeSource:
    """zoneStatus (report, read answer, or status change notification), one bit of it."""
    return AttributeSource(
        endpoint=endpoint, cluster=IAS_ZONE, attribute=ZONE_STATUS, codec=ZoneBit(mask)
    )


def ias_alarm(
    key: str,
    *,
    device_class: str,
    description: str,
    extra_sources: tuple[Source, ...] = (),
    z2m_inverted: bool = False,
    sleepy: bool = True,
) -> Feature:
    """The zone's alarm (bit 0) as ``key`` (``water_leak``, ``smoke``, ``gas``...).

    ``z2m_inverted``: Zigbee2MQTT's value is the opposite of the alarm (``contact``).
    """
    expose = Expose(
        key=key,
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        description=description,
        device_class=device_class,
        sources=(zone_status(ALARM_1), *extra_sources),
        z2m_inverted=z2m_inverted,
    )
    return Feature(exposes=(expose,), sleepy=sleepy)


def tamper(*, extra_sources: tuple[Source, ...] = (), ias: bool = True) -> Feature:
    """The case is open (zone status bit 2, or a 0xFCC0 attribute on some models)."""
    sources: tuple[Source, ...] = (zone_status(TAMPER),) if ias else ()
    expose = Expose(
        key="tamper",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        translation_key="tamper",
        description="Indicates whether the device is tampered",
        device_class="tamper",
        entity_category="diagnostic",
        sources=(*sources, *extra_sources),
    )
    return Feature(exposes=(expose,))
