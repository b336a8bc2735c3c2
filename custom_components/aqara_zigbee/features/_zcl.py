"""Shared building blocks of the standard ZCL features (generated definitions).

Cluster and attribute ids come from the ZCL specification. A feature of a device with
the same cluster on several endpoints is keyed per endpoint (``temperature_2``), as
Zigbee2MQTT's generated definitions do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    Access,
    AttributeSource,
    BindStep,
    Codec,
    Expose,
    Platform,
    ReportStep,
)

# Clusters (ZCL)
POWER_CONFIGURATION: Final = 0x0001
IDENTIFY: Final = 0x0003
SCENES: Final = 0x0005
ON_OFF: Final = 0x0006
LEVEL_CONTROL: Final = 0x0008
ANALOG_INPUT: Final = 0x000C
BINARY_INPUT: Final = 0x000F
MULTISTATE_INPUT: Final = 0x0012
DOOR_LOCK: Final = 0x0101
WINDOW_COVERING: Final = 0x0102
THERMOSTAT: Final = 0x0201
FAN_CONTROL: Final = 0x0202
COLOR_CONTROL: Final = 0x0300
ILLUMINANCE_MEASUREMENT: Final = 0x0400
TEMPERATURE_MEASUREMENT: Final = 0x0402
PRESSURE_MEASUREMENT: Final = 0x0403
RELATIVE_HUMIDITY: Final = 0x0405
OCCUPANCY_SENSING: Final = 0x0406
IAS_ZONE: Final = 0x0500
METERING: Final = 0x0702
ELECTRICAL_MEASUREMENT: Final = 0x0B04

PRESENT_VALUE: Final = 0x0055
MEASURED_VALUE: Final = 0x0000

# ZCL data types of the attributes written
ZCL_ENUM8: Final = 0x30
ZCL_INT16: Final = 0x29

#: Zigbee2MQTT's reporting maximum ("MAX"): no periodic report, only changes
REPORT_MAX: Final = 65000


@dataclass(frozen=True, slots=True)
class Place:
    """Where a feature lives: its endpoint, and the key suffix when one is needed."""

    endpoint: int = 1
    label: str | None = None  # "2" for the second of several endpoints with the cluster

    def key(self, base: str) -> str:
        return f"{base}_{self.label}" if self.label else base

    def translation_key(self, base: str) -> str:
        """The entity's name: ``Temperature``, or ``Temperature 2`` for a labelled place."""
        return f"{base}_endpoint" if self.label else base

    def placeholders(self) -> dict[str, str]:
        return {"endpoint": self.label} if self.label else {}


#: the device's first endpoint, unlabelled (most devices have just one)
FIRST_ENDPOINT: Final = Place()


def reporting(
    place: Place, cluster: int, attribute: int, interval: tuple[int, int], change: int = 0
) -> tuple[BindStep | ReportStep, ...]:
    """Bind the cluster and have the attribute reported (nothing is polled): at most every
    ``interval[0]`` s on a ``change``, at least every ``interval[1]`` s."""
    minimum, maximum = interval
    return (
        BindStep(endpoint=place.endpoint, cluster=cluster),
        ReportStep(
            endpoint=place.endpoint,
            cluster=cluster,
            attribute=attribute,
            min_interval=minimum,
            max_interval=maximum,
            reportable_change=change,
        ),
    )


def sensor(
    place: Place,
    base: str,
    cluster: int,
    attribute: int,
    codec: Codec,
    *,
    unit: str | None,
    device_class: str | None,
    description: str,
    access: Access = RO,
    state_class: str | None = "measurement",
    entity_category: str | None = None,
    precision: int | None = None,
    enabled: bool = True,
) -> Expose:
    """A numeric measurement read from one attribute."""
    return Expose(
        key=place.key(base),
        platform=Platform.SENSOR,
        access=access,
        description=description,
        unit=unit,
        device_class=device_class,
        state_class=state_class,
        entity_category=entity_category,
        suggested_display_precision=precision,
        enabled_by_default=enabled,
        sources=(
            AttributeSource(
                endpoint=place.endpoint, cluster=cluster, attribute=attribute, codec=codec
            ),
        ),
        translation_key=place.translation_key(base),
        translation_placeholders=place.placeholders(),
    )


@dataclass(frozen=True, slots=True)
class ScaledCodec:
    """A ZCL measured value: raw * ``scale``, with the type's "invalid" values refused."""

    scale: float
    invalid: tuple[int, ...] = ()
    ndigits: int = 2

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw in self.invalid:
            return None
        return round(raw * self.scale, self.ndigits)

    def encode(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"expected a number, got {value!r}")
        return round(value / self.scale)
