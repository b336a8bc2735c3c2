"""The Aqara TVOC monitor's air readings: VOC (genAnalogInput presentValue, ppb), its own
air-quality grade (0xFCC0 0x0129) and the units its display shows (0xFCC0 0x0114)."""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    RO,
    RW,
    AttributeSource,
    EnumCodec,
    Expose,
    Feature,
    NumberCodec,
    Platform,
)
from ..lumi.const import ANALOG_INPUT, PRESENT_VALUE, ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write

ATTR_DISPLAY_UNIT: Final = 0x0114
ATTR_AIR_QUALITY: Final = 0x0129

AIR_QUALITY: Final = EnumCodec(
    ((1, "excellent"), (2, "good"), (3, "moderate"), (4, "poor"), (5, "unhealthy"), (0, "unknown"))
)
DISPLAY_UNIT: Final = EnumCodec(
    (
        (0x00, "mgm3_celsius"),
        (0x01, "ppb_celsius"),
        (0x10, "mgm3_fahrenheit"),
        (0x11, "ppb_fahrenheit"),
    )
)


def voc() -> Feature:
    """Volatile organic compounds, ppb (a float presentValue, shown whole)."""
    expose = Expose(
        key="voc",
        platform=Platform.SENSOR,
        access=RO,
        translation_key="voc",
        description="Measured VOC value",
        unit="ppb",
        device_class="volatile_organic_compounds_parts",
        state_class="measurement",
        sources=(
            AttributeSource(
                endpoint=1,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                codec=NumberCodec(ndigits=0, integer=True),
            ),
        ),
    )
    return Feature(exposes=(expose,), options=("voc_calibration",))


def air_quality() -> Feature:
    """The monitor's own grade of the air."""
    expose = Expose(
        key="air_quality",
        platform=Platform.SENSOR,
        access=RO,
        translation_key="air_quality",
        description="Measured air quality",
        device_class="enum",
        options=AIR_QUALITY.options,
        sources=(lumi_attribute(ATTR_AIR_QUALITY, AIR_QUALITY),),
    )
    return Feature(exposes=(expose,))


def display_unit() -> Feature:
    """What the e-ink display shows: VOC in mg/m³ or ppb, temperature in °C or °F."""
    expose = Expose(
        key="display_unit",
        platform=Platform.SELECT,
        access=RW,
        translation_key="display_unit",
        description="Units to show on the display",
        options=DISPLAY_UNIT.options,
        entity_category="config",
        sources=(lumi_attribute(ATTR_DISPLAY_UNIT, DISPLAY_UNIT),),
        write=lumi_write(ATTR_DISPLAY_UNIT, ZCL_UINT8, DISPLAY_UNIT),
    )
    return Feature(exposes=(expose,))
