"""ZCL Electrical Measurement (0x0B04) and Metering (0x0702), scaled by the device's own
multiplier and divisor (read once, held values wait for them)."""

from __future__ import annotations

from ..devices.model import (
    RO,
    AttributeSource,
    Expose,
    Feature,
    NumberCodec,
    Platform,
)
from ._zcl import ELECTRICAL_MEASUREMENT, FIRST_ENDPOINT, METERING, Place, reporting

_RMS_VOLTAGE = 0x0505
_RMS_CURRENT = 0x0508
_ACTIVE_POWER = 0x050B
_AC_VOLTAGE_MULTIPLIER, _AC_VOLTAGE_DIVISOR = 0x0600, 0x0601
_AC_CURRENT_MULTIPLIER, _AC_CURRENT_DIVISOR = 0x0602, 0x0603
_AC_POWER_MULTIPLIER, _AC_POWER_DIVISOR = 0x0604, 0x0605
_CURRENT_SUMMATION_DELIVERED = 0x0000
_METERING_MULTIPLIER, _METERING_DIVISOR = 0x0301, 0x0302


def _scaled(
    place: Place,
    base: str,
    cluster: int,
    attribute: int,
    factors: tuple[int, int],
    *,
    unit: str,
    device_class: str,
    description: str,
    ndigits: int,
    state_class: str = "measurement",
) -> Expose:
    return Expose(
        key=place.key(base),
        platform=Platform.SENSOR,
        access=RO,
        description=description,
        unit=unit,
        device_class=device_class,
        state_class=state_class,
        suggested_display_precision=min(ndigits, 2),
        sources=(
            AttributeSource(
                endpoint=place.endpoint,
                cluster=cluster,
                attribute=attribute,
                codec=NumberCodec(ndigits=ndigits),
                multiplier_attribute=factors[0],
                divisor_attribute=factors[1],
            ),
        ),
        translation_key=place.translation_key(base),
        translation_placeholders=place.placeholders(),
    )


def electrical_measurement(place: Place = FIRST_ENDPOINT) -> Feature:
    """Active power (W), RMS voltage (V) and RMS current (A) of an AC measurement."""
    exposes = (
        _scaled(
            place,
            "power",
            ELECTRICAL_MEASUREMENT,
            _ACTIVE_POWER,
            (_AC_POWER_MULTIPLIER, _AC_POWER_DIVISOR),
            unit="W",
            device_class="power",
            description="Instantaneous measured power",
            ndigits=2,
        ),
        _scaled(
            place,
            "voltage",
            ELECTRICAL_MEASUREMENT,
            _RMS_VOLTAGE,
            (_AC_VOLTAGE_MULTIPLIER, _AC_VOLTAGE_DIVISOR),
            unit="V",
            device_class="voltage",
            description="Measured electrical potential value",
            ndigits=1,
        ),
        _scaled(
            place,
            "current",
            ELECTRICAL_MEASUREMENT,
            _RMS_CURRENT,
            (_AC_CURRENT_MULTIPLIER, _AC_CURRENT_DIVISOR),
            unit="A",
            device_class="current",
            description="Instantaneous measured electrical current",
            ndigits=3,
        ),
    )
    configure = (
        *reporting(place, ELECTRICAL_MEASUREMENT, _ACTIVE_POWER, (5, 3600), 10),
        *reporting(place, ELECTRICAL_MEASUREMENT, _RMS_VOLTAGE, (5, 3600), 5),
        *reporting(place, ELECTRICAL_MEASUREMENT, _RMS_CURRENT, (5, 3600), 50),
    )
    # No calibration options: the options form offers them for model definitions only
    return Feature(exposes=exposes, configure=configure)


def metering(place: Place = FIRST_ENDPOINT) -> Feature:
    """Current summation delivered, as energy in kWh."""
    expose = _scaled(
        place,
        "energy",
        METERING,
        _CURRENT_SUMMATION_DELIVERED,
        (_METERING_MULTIPLIER, _METERING_DIVISOR),
        unit="kWh",
        device_class="energy",
        description="Sum of consumed energy",
        ndigits=3,
        state_class="total_increasing",
    )
    return Feature(
        exposes=(expose,),
        configure=reporting(place, METERING, _CURRENT_SUMMATION_DELIVERED, (5, 3600), 10),
    )


__all__ = ["electrical_measurement", "metering"]
