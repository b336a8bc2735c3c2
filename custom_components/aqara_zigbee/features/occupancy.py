"""Occupancy that clears: motion sensors say "occupied", never "unoccupied".

The hub clears occupancy once the timeout passes without a new detection (Zigbee2MQTT's
``occupancy_timeout`` semantics, :class:`ClearAfter`); the newer sensors' own settings
(detection interval, sensitivity, LED) live on 0xFCC0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    BOOL,
    OPTION_OCCUPANCY_TIMEOUT,
    RW,
    Access,
    AttributeSource,
    ClearAfter,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
    Source,
    calibration_key,
)
from ..lumi.const import ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write
from .settings import config_switch

OCCUPANCY_SENSING: Final = 0x0406
OCCUPANCY_ATTR: Final = 0x0000
ILLUMINANCE_MEASUREMENT: Final = 0x0400
MEASURED_VALUE: Final = 0x0000
#: 0xFCC0 attribute of the newer sensors: a detection, carrying the illuminance + 65536
ATTR_MOTION_ILLUMINANCE: Final = 0x0112
ATTR_DETECTION_INTERVAL: Final = 0x0102
ATTR_MOTION_SENSITIVITY: Final = 0x010C
ATTR_TRIGGER_INDICATOR: Final = 0x0152

#: Zigbee2MQTT's defaults: 90 s for the old sensors (occupancy_with_timeout); the newer
#: ones use their detection interval, assumed 60 s (P1: 30 s) until it is known
OLD_SENSOR_TIMEOUT: Final = 90.0
DETECTION_INTERVAL_DEFAULT: Final = 60.0

_ILLUMINANCE_OFFSET: Final = 65536
#: above this the P1 reports nonsense in the dark (Koenkk/zigbee2mqtt#12596): 0 lx
_ILLUMINANCE_NONSENSE: Final = 130536

#: Zigbee2MQTT's percentual illuminance calibration (rounded to whole lux)
ILLUMINANCE_CALIBRATION: Final = calibration_key("illuminance")

SENSITIVITY_CODEC: Final = EnumCodec(pairs=((1, "low"), (2, "medium"), (3, "high")))


@dataclass(frozen=True, slots=True)
class Detected:
    """A detection frame: only the "occupied" value (1) means something.

    ``any_value``: every value is a detection (0xFCC0 0x0112 carries the illuminance).
    """

    any_value: bool = False

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool):
            raw = int(raw)
        if not isinstance(raw, int):
            return None
        # Zigbee2MQTT ignores an occupancy of 0 (Koenkk/zigbee2mqtt#467)
        return True if self.any_value or raw == 1 else None

    def encode(self, value: object) -> object:
        raise ValueError("a detection is not written")


@dataclass(frozen=True, slots=True)
class MotionIlluminance:
    """0xFCC0 0x0112: lux + 65536 (nonsense above 130536 means dark)."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return 0 if raw > _ILLUMINANCE_NONSENSE else max(raw - _ILLUMINANCE_OFFSET, 0)

    def encode(self, value: object) -> object:
        raise ValueError("illuminance is not written")


def _illuminance_expose(*sources: Source) -> Expose:
    return Expose(
        key="illuminance",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Measured illuminance.",
        unit="lx",
        device_class="illuminance",
        state_class="measurement",
        sources=sources,
    )


def _occupancy_expose(sources: tuple[Source, ...], clears_after: ClearAfter) -> Expose:
    return Expose(
        key="occupancy",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        description="Indicates whether the device detected occupancy.",
        device_class="motion",
        sources=sources,
        clears_after=clears_after,
    )


def occupancy(*, interval_default: float | None = None, with_lux: bool = False) -> Feature:
    """Occupancy from OccupancySensing reports (old sensors, and the high precision T1).

    ``interval_default``: the model has a ``detection_interval`` (the timeout follows it,
    this many seconds while unknown); None: the old sensors' fixed 90 s default.
    ``with_lux``: RTCGQ11LM's IlluminanceMeasurement reports, plain lux, which come only
    with motion: they are a detection too (Zigbee2MQTT's lumi_illuminance).
    """
    sources: tuple[Source, ...] = (
        AttributeSource(
            endpoint=1,
            cluster=OCCUPANCY_SENSING,
            attribute=OCCUPANCY_ATTR,
            codec=Detected(),
            readable=False,  # a read would answer a stale "occupied": it never clears itself
        ),
    )
    exposes: tuple[Expose, ...] = ()
    if with_lux:
        lux = AttributeSource(
            endpoint=1, cluster=ILLUMINANCE_MEASUREMENT, attribute=MEASURED_VALUE, readable=False
        )
        sources += (
            AttributeSource(
                endpoint=1,
                cluster=ILLUMINANCE_MEASUREMENT,
                attribute=MEASURED_VALUE,
                codec=Detected(any_value=True),
                readable=False,
            ),
        )
        exposes = (_illuminance_expose(lux, HeartbeatSource(index=11, codec=NumberCodec())),)
    clears = (
        ClearAfter(option=OPTION_OCCUPANCY_TIMEOUT, default=OLD_SENSOR_TIMEOUT)
        if interval_default is None
        else ClearAfter(
            option=OPTION_OCCUPANCY_TIMEOUT,
            default=interval_default,
            interval_key="detection_interval",
        )
    )
    return Feature(
        exposes=(_occupancy_expose(sources, clears), *exposes),
        options=(OPTION_OCCUPANCY_TIMEOUT, *((ILLUMINANCE_CALIBRATION,) if with_lux else ())),
    )


def occupancy_illuminance(*, interval_default: float = DETECTION_INTERVAL_DEFAULT) -> Feature:
    """T1/P1/E1 sensors: a detection is 0xFCC0 0x0112, carrying the illuminance."""
    detection = lumi_attribute(ATTR_MOTION_ILLUMINANCE, Detected(any_value=True), readable=False)
    illuminance = _illuminance_expose(
        lumi_attribute(ATTR_MOTION_ILLUMINANCE, MotionIlluminance(), readable=False)
    )
    clears = ClearAfter(
        option=OPTION_OCCUPANCY_TIMEOUT,
        default=interval_default,
        interval_key="detection_interval",
    )
    return Feature(
        exposes=(_occupancy_expose((detection,), clears), illuminance),
        options=(OPTION_OCCUPANCY_TIMEOUT, ILLUMINANCE_CALIBRATION),
    )


def detection_interval(
    *,
    heartbeat_index: int | None = None,
    description: str = "Time interval for detecting actions.",
    config: bool = False,
) -> Feature:
    """Seconds the sensor waits after a detection before it can report the next one."""
    codec = NumberCodec(integer=True)
    sources: tuple[Source, ...] = (lumi_attribute(ATTR_DETECTION_INTERVAL, codec),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=codec),)
    expose = Expose(
        key="detection_interval",
        platform=Platform.NUMBER,
        access=RW,
        description=description,
        unit="s",
        device_class="duration",
        entity_category="config" if config else None,
        native_min=2,
        # Zigbee2MQTT offers up to 65535 but writes the attribute as a uint8 (type 0x20):
        # its own writes above 255 fail, so the range stops where the wire type does
        native_max=255,
        native_step=1,
        sources=sources,
        write=lumi_write(ATTR_DETECTION_INTERVAL, ZCL_UINT8, codec),
    )
    return Feature(exposes=(expose,))


def motion_sensitivity(
    *,
    heartbeat_index: int | None = None,
    description: str = "",
    config: bool = False,
) -> Feature:
    """How sensitive the detector is (low/medium/high)."""
    sources: tuple[Source, ...] = (lumi_attribute(ATTR_MOTION_SENSITIVITY, SENSITIVITY_CODEC),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=SENSITIVITY_CODEC),)
    expose = Expose(
        key="motion_sensitivity",
        platform=Platform.SELECT,
        access=RW,
        description=description,
        options=SENSITIVITY_CODEC.options,
        entity_category="config" if config else None,
        sources=sources,
        write=lumi_write(ATTR_MOTION_SENSITIVITY, ZCL_UINT8, SENSITIVITY_CODEC),
    )
    return Feature(exposes=(expose,))


def trigger_indicator(*, heartbeat_index: int | None = None) -> Feature:
    """P1: the blue LED blinks once on each detection."""
    sources: tuple[Source, ...] = (lumi_attribute(ATTR_TRIGGER_INDICATOR, BOOL),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=BOOL),)
    return Feature(
        exposes=(
            config_switch(
                "trigger_indicator",
                description="When this option is enabled then blue LED will blink once when "
                "motion is detected. Press pairing button right before changing this "
                "otherwise it will fail.",
                sources=sources,
                write=lumi_write(ATTR_TRIGGER_INDICATOR, ZCL_UINT8, BOOL),
            ),
        )
    )


__all__ = [
    "Detected",
    "MotionIlluminance",
    "detection_interval",
    "motion_sensitivity",
    "occupancy",
    "occupancy_illuminance",
    "trigger_indicator",
]
