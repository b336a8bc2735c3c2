"""ZCL IAS Zone: an alarm whose meaning (and HA device class) follows the zone type.

The zone status bitmap (ZCL 8.2.2.2.1.3): bit 0 alarm 1, bit 1 alarm 2, bit 2 tamper,
bit 3 battery low. It comes as the Zone Status Change Notification command (0x00) and as
the ZoneStatus attribute (0x0002) reports / reads. Before a zone notifies anyone it must
know its CIE (the coordinator) and be enrolled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from ..devices.model import (
    RO,
    AttributeSource,
    ClusterCommandSource,
    Expose,
    Feature,
    IasEnrollStep,
    Platform,
)
from ._zcl import FIRST_ENDPOINT, IAS_ZONE, Place, reporting
from .zcl_measurement import BitCodec

ZONE_TYPE: Final = 0x0001
ZONE_STATUS: Final = 0x0002
_STATUS_CHANGE_NOTIFICATION: Final = 0x00


@dataclass(frozen=True, slots=True)
class ZoneKind:
    """What an alarm of a zone type is called (Zigbee2MQTT's key) and its HA device class."""

    key: str
    device_class: str | None
    description: str


#: ZCL zone types (8.2.2.2.1.2) → the alarm's key and device class
ZONE_KINDS: Final[Mapping[int, ZoneKind]] = MappingProxyType(
    {
        0x000D: ZoneKind("occupancy", "motion", "Indicates whether the device detected motion"),
        0x0015: ZoneKind("contact", "opening", "Indicates whether the contact is open"),
        0x0016: ZoneKind("contact", "window", "Indicates whether the handle is open"),
        0x0028: ZoneKind("smoke", "smoke", "Indicates whether the device detected smoke"),
        0x002A: ZoneKind(
            "water_leak", "moisture", "Indicates whether the device detected a water leak"
        ),
        0x002B: ZoneKind(
            "carbon_monoxide", "carbon_monoxide", "Indicates if CO (carbon monoxide) is detected"
        ),
        0x002C: ZoneKind("sos", "safety", "Personal emergency alarm"),
        0x002D: ZoneKind(
            "vibration", "vibration", "Indicates whether the device detected vibration"
        ),
        0x0225: ZoneKind("alarm", "safety", "Warning device alarm"),
        0x0226: ZoneKind("glass_break", "vibration", "Indicates whether glass break was detected"),
    }
)


@dataclass(frozen=True, slots=True)
class ZoneStatusNotification:
    """The first argument of Zone Status Change Notification is the zone status bitmap."""

    bit: int

    def decode(self, command_id: int, args: tuple[object, ...]) -> object | None:
        if command_id != _STATUS_CHANGE_NOTIFICATION or not args:
            return None
        return BitCodec(self.bit).decode(args[0])


def _status_bit(
    place: Place,
    key: str,
    bit: int,
    *,
    description: str,
    device_class: str | None = None,
    entity_category: str | None = None,
) -> Expose:
    return Expose(
        key=place.key(key),
        platform=Platform.BINARY_SENSOR,
        access=RO,
        description=description,
        device_class=device_class,
        entity_category=entity_category,
        sources=(
            AttributeSource(
                endpoint=place.endpoint,
                cluster=IAS_ZONE,
                attribute=ZONE_STATUS,
                codec=BitCodec(bit),
            ),
            ClusterCommandSource(
                endpoint=place.endpoint, cluster=IAS_ZONE, decoder=ZoneStatusNotification(bit)
            ),
        ),
        translation_key=place.translation_key(key),
        translation_placeholders=place.placeholders(),
    )


def ias_zone(zone_type: int | None, place: Place = FIRST_ENDPOINT) -> Feature:
    """Alarm 1 named after the zone type (``alarm_1`` and ``alarm_2`` while it is unknown),
    tamper and battery-low."""
    kind = ZONE_KINDS.get(zone_type) if zone_type is not None else None
    alarms: tuple[Expose, ...]
    if kind is not None:
        alarms = (
            _status_bit(
                place, kind.key, 0, description=kind.description, device_class=kind.device_class
            ),
        )
    else:
        alarms = tuple(
            _status_bit(place, f"alarm_{number}", number - 1, description=f"Zone alarm {number}")
            for number in (1, 2)
        )
    extras = (
        _status_bit(
            place,
            "tamper",
            2,
            description="Indicates whether the device is tampered",
            device_class="tamper",
            entity_category="diagnostic",
        ),
        _status_bit(
            place,
            "battery_low",
            3,
            description="Indicates whether the battery of the device is almost empty",
            device_class="battery",
            entity_category="diagnostic",
        ),
    )
    return Feature(
        exposes=(*alarms, *extras),
        configure=(
            IasEnrollStep(endpoint=place.endpoint),
            *reporting(place, IAS_ZONE, ZONE_STATUS, (0, 3600)),
        ),
    )


__all__ = ["ZONE_KINDS", "ZONE_TYPE", "ias_zone"]
