"""ZCL measurement clusters: temperature, humidity, pressure, illuminance, occupancy.

Scales, invalid values and the illuminance formula are the ZCL specification's
(chapter 4); reporting intervals are Zigbee2MQTT's (10 s to 1 h, on a meaningful change).
"""

from __future__ import annotations

from dataclasses import dataclass
import math

from ..devices.model import RO, AttributeSource, Expose, Feature, Platform
from ._zcl import (
    FIRST_ENDPOINT,
    ILLUMINANCE_MEASUREMENT,
    MEASURED_VALUE,
    OCCUPANCY_SENSING,
    PRESSURE_MEASUREMENT,
    RELATIVE_HUMIDITY,
    TEMPERATURE_MEASUREMENT,
    Place,
    ScaledCodec,
    reporting,
    sensor,
)

_INT16_INVALID = (-0x8000,)
_UINT16_INVALID = (0xFFFF,)


def temperature(place: Place = FIRST_ENDPOINT) -> Feature:
    """MeasuredValue in hundredths of a degree Celsius."""
    return Feature(
        exposes=(
            sensor(
                place,
                "temperature",
                TEMPERATURE_MEASUREMENT,
                MEASURED_VALUE,
                ScaledCodec(0.01, _INT16_INVALID),
                unit="°C",
                device_class="temperature",
                description="Measured temperature value",
                precision=1,
            ),
        ),
        configure=reporting(place, TEMPERATURE_MEASUREMENT, MEASURED_VALUE, (10, 3600), 100),
    )


def humidity(place: Place = FIRST_ENDPOINT) -> Feature:
    """MeasuredValue in hundredths of a percent."""
    return Feature(
        exposes=(
            sensor(
                place,
                "humidity",
                RELATIVE_HUMIDITY,
                MEASURED_VALUE,
                ScaledCodec(0.01, _UINT16_INVALID),
                unit="%",
                device_class="humidity",
                description="Measured relative humidity",
                precision=1,
            ),
        ),
        configure=reporting(place, RELATIVE_HUMIDITY, MEASURED_VALUE, (10, 3600), 100),
    )


def pressure(place: Place = FIRST_ENDPOINT) -> Feature:
    """MeasuredValue in tenths of a kilopascal."""
    return Feature(
        exposes=(
            sensor(
                place,
                "pressure",
                PRESSURE_MEASUREMENT,
                MEASURED_VALUE,
                ScaledCodec(0.1, _INT16_INVALID),
                unit="kPa",
                device_class="pressure",
                description="The measured atmospheric pressure",
                precision=1,
            ),
        ),
        configure=reporting(place, PRESSURE_MEASUREMENT, MEASURED_VALUE, (10, 3600), 50),
    )


@dataclass(frozen=True, slots=True)
class IlluminanceCodec:
    """ZCL: MeasuredValue = 10000 x log10(lux) + 1; 0 is too dark to measure, 0xFFFF invalid."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw == 0xFFFF or raw < 0:
            return None
        if raw == 0:
            return 0
        # One decimal: a step of the log scale is 0.023 %, finer than a whole lux when dim
        return round(math.pow(10, (raw - 1) / 10000), 1)

    def encode(self, value: object) -> object:
        raise ValueError("illuminance is not written")


def illuminance(place: Place = FIRST_ENDPOINT) -> Feature:
    return Feature(
        exposes=(
            sensor(
                place,
                "illuminance",
                ILLUMINANCE_MEASUREMENT,
                MEASURED_VALUE,
                IlluminanceCodec(),
                unit="lx",
                device_class="illuminance",
                description="Measured illuminance. 0 = too low to be measured",
            ),
        ),
        configure=reporting(place, ILLUMINANCE_MEASUREMENT, MEASURED_VALUE, (10, 3600), 5),
    )


@dataclass(frozen=True, slots=True)
class BitCodec:
    """One bit of a bitmap attribute as a boolean."""

    bit: int

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return bool(raw >> self.bit & 1)

    def encode(self, value: object) -> object:
        raise ValueError("a status bit is not written")


def occupancy(place: Place = FIRST_ENDPOINT) -> Feature:
    """Occupancy bitmap, bit 0: occupied."""
    return Feature(
        exposes=(
            Expose(
                key=place.key("occupancy"),
                platform=Platform.BINARY_SENSOR,
                access=RO,
                description="Indicates whether the device detected occupancy",
                device_class="occupancy",
                sources=(
                    AttributeSource(
                        endpoint=place.endpoint,
                        cluster=OCCUPANCY_SENSING,
                        attribute=0x0000,
                        codec=BitCodec(0),
                    ),
                ),
                translation_key=place.translation_key("occupancy"),
                translation_placeholders=place.placeholders(),
            ),
        ),
        configure=reporting(place, OCCUPANCY_SENSING, 0x0000, (0, 3600)),
    )
