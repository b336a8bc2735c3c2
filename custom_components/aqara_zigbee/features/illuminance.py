"""Illuminance of Aqara light sensors: msIlluminanceMeasurement (0x0400) measuredValue.

ZCL: measuredValue = 10000 * log10(lux) + 1 (0 means too dark to measure). Zigbee2MQTT
turns it back into lux, unrounded; these codecs keep whole lux (what a light sensor can
tell apart), like its default precision of 0 for a calibrated illuminance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    TLV_WHOLE,
    Access,
    AttributeSource,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
    finite_number,
)

ILLUMINANCE_MEASUREMENT: Final = 0x0400
MEASURED_VALUE: Final = 0x0000
#: ZCL: 0xFFFF means the measurement is invalid
_INVALID: Final = 0xFFFF


@dataclass(frozen=True, slots=True)
class LuxCodec:
    """measuredValue ↔ lux."""

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None or isinstance(raw, bool) or number >= _INVALID:
            return None
        if number <= 0:
            return 0
        return round(10 ** ((number - 1) / 10000))

    def encode(self, value: object) -> object:
        raise ValueError("measurements are not written")


def illuminance(*, readable: bool = True, heartbeat_index: int | None = None) -> Feature:
    """Illuminance in lx (readable: Zigbee2MQTT's ``STATE_GET``); ``heartbeat_index``: the
    heartbeat carries it too, in lux already (GZCGQ01LM's index 100)."""
    heartbeat: tuple[HeartbeatSource, ...] = ()
    if heartbeat_index is not None:
        heartbeat = (HeartbeatSource(index=heartbeat_index, codec=TLV_WHOLE),)
    expose = Expose(
        key="illuminance",
        platform=Platform.SENSOR,
        access=RO if readable else Access.REPORT,
        description="Measured illuminance. 0 = too low to be measured",
        unit="lx",
        device_class="illuminance",
        state_class="measurement",
        sources=(
            AttributeSource(
                endpoint=1,
                cluster=ILLUMINANCE_MEASUREMENT,
                attribute=MEASURED_VALUE,
                codec=LuxCodec(),
            ),
            *heartbeat,
        ),
    )
    return Feature(exposes=(expose,), options=("illuminance_calibration",))
