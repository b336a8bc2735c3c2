"""ZCL Power Configuration: the battery's remaining percentage and voltage."""

from __future__ import annotations

from ..devices.model import RO, Feature
from ._zcl import (
    FIRST_ENDPOINT,
    POWER_CONFIGURATION,
    REPORT_MAX,
    Place,
    ScaledCodec,
    reporting,
    sensor,
)

BATTERY_VOLTAGE = 0x0020  # uint8, 100 mV units
BATTERY_PERCENTAGE_REMAINING = 0x0021  # uint8, half percent; 0xFF: unknown


def battery(place: Place = FIRST_ENDPOINT) -> Feature:
    """Battery % (reported hourly at most, on a 5 % change) and voltage in mV (read only)."""
    return Feature(
        exposes=(
            sensor(
                place,
                "battery",
                POWER_CONFIGURATION,
                BATTERY_PERCENTAGE_REMAINING,
                ScaledCodec(0.5, (0xFF,), ndigits=1),
                unit="%",
                device_class="battery",
                description="Remaining battery in %",
                access=RO,
                entity_category="diagnostic",
                precision=0,
            ),
            sensor(
                place,
                "voltage",
                POWER_CONFIGURATION,
                BATTERY_VOLTAGE,
                ScaledCodec(100, (0xFF,), ndigits=0),
                unit="mV",
                device_class="voltage",
                description="Reported battery voltage in millivolts",
                access=RO,
                entity_category="diagnostic",
                enabled=False,
            ),
        ),
        configure=reporting(
            place, POWER_CONFIGURATION, BATTERY_PERCENTAGE_REMAINING, (3600, REPORT_MAX), 10
        ),
    )
