"""Temperature, humidity and pressure of Aqara weather sensors.

The standard measurement clusters carry them (temperature 0x0402 and humidity 0x0405 in
hundredths, pressure 0x0403 in hPa or, more precisely, scaledValue * 10^scale kPa); old
Xiaomi firmware repeats them in its heartbeat (indexes 100, 101, 102: hundredths of °C, %
and hPa·100). Zigbee2MQTT drops readings outside -65..65 °C and 0..100 % (the sensors send
such values now and then), so do these codecs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    Access,
    AttributeSource,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
    Source,
    finite_number,
)

TEMPERATURE_MEASUREMENT: Final = 0x0402
PRESSURE_MEASUREMENT: Final = 0x0403
HUMIDITY_MEASUREMENT: Final = 0x0405
MEASURED_VALUE: Final = 0x0000
PRESSURE_SCALED_VALUE: Final = 0x0010
PRESSURE_SCALE: Final = 0x0014


@dataclass(frozen=True, slots=True)
class BoundedScale:
    """raw * ``scale``, dropped outside [``low``, ``high``] (``open``: bounds excluded)."""

    scale: float
    low: float | None = None
    high: float | None = None
    open_bounds: bool = False
    ndigits: int = 2

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None or isinstance(raw, bool):
            return None
        value = round(number * self.scale, self.ndigits)
        if self.open_bounds:
            inside = (self.low is None or value > self.low) and (
                self.high is None or value < self.high
            )
        else:
            inside = (self.low is None or value >= self.low) and (
                self.high is None or value <= self.high
            )
        return value if inside else None

    def encode(self, value: object) -> object:
        raise ValueError("measurements are not written")


TEMPERATURE_CODEC: Final = BoundedScale(0.01, -65, 65, open_bounds=True)
HUMIDITY_CODEC: Final = BoundedScale(0.01, 0, 100)


def _access(readable: bool) -> Access:
    return RO if readable else Access.REPORT


def temperature(*, heartbeat_index: int | None = None, readable: bool = False) -> Feature:
    """Temperature in °C (0x0402 measuredValue / 100; heartbeat index 100 on old firmware)."""
    sources: tuple[Source, ...] = (
        AttributeSource(
            endpoint=1,
            cluster=TEMPERATURE_MEASUREMENT,
            attribute=MEASURED_VALUE,
            codec=TEMPERATURE_CODEC,
        ),
    )
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=TEMPERATURE_CODEC),)
    expose = Expose(
        key="temperature",
        platform=Platform.SENSOR,
        access=_access(readable),
        description="Measured temperature value",
        unit="°C",
        device_class="temperature",
        state_class="measurement",
        suggested_display_precision=1,
        sources=sources,
    )
    return Feature(exposes=(expose,), options=("temperature_calibration", "temperature_precision"))


def humidity(*, heartbeat_index: int | None = None, readable: bool = False) -> Feature:
    """Relative humidity in % (0x0405 measuredValue / 100; heartbeat index 101)."""
    sources: tuple[Source, ...] = (
        AttributeSource(
            endpoint=1, cluster=HUMIDITY_MEASUREMENT, attribute=MEASURED_VALUE, codec=HUMIDITY_CODEC
        ),
    )
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=HUMIDITY_CODEC),)
    expose = Expose(
        key="humidity",
        platform=Platform.SENSOR,
        access=_access(readable),
        description="Measured relative humidity",
        unit="%",
        device_class="humidity",
        state_class="measurement",
        suggested_display_precision=1,
        sources=sources,
    )
    return Feature(exposes=(expose,), options=("humidity_calibration", "humidity_precision"))


def pressure(
    *, unit: str = "hPa", heartbeat_index: int | None = None, readable: bool = False
) -> Feature:
    """Atmospheric pressure: 0x0403 measuredValue (hPa), or in kPa (Zigbee2MQTT's modern
    extend: measuredValue / 10). ``heartbeat_index``: hPa * 100 in old firmware's heartbeat.
    """
    scale = 0.1 if unit == "kPa" else 1.0
    sources: tuple[Source, ...] = (
        AttributeSource(
            endpoint=1,
            cluster=PRESSURE_MEASUREMENT,
            attribute=MEASURED_VALUE,
            codec=BoundedScale(scale, ndigits=2),
        ),
    )
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=BoundedScale(0.01 * scale)),)
    expose = Expose(
        key="pressure",
        platform=Platform.SENSOR,
        access=_access(readable),
        description="The measured atmospheric pressure",
        unit=unit,
        device_class="atmospheric_pressure",
        state_class="measurement",
        sources=sources,
    )
    return Feature(exposes=(expose,), options=("pressure_calibration", "pressure_precision"))
