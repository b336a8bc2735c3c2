"""LED indicator: the H2 generation's indicator light on or off (0xFCC0 0x0203).

The attribute older plugs call ``led_disabled_night``; Zigbee2MQTT's ``lumiLedIndicator``
shows it as the LED itself (on = lit).
"""

from __future__ import annotations

from ..devices.model import BOOL, Feature
from ..lumi.const import ATTR_LED_DISABLED_NIGHT, ZCL_BOOL
from ._lumi import lumi_attribute, lumi_write
from .settings import config_switch


def led_indicator() -> Feature:
    """The indicator LED is lit while on."""
    return Feature(
        exposes=(
            config_switch(
                "led_indicator",
                description="LED indicator.",
                sources=(lumi_attribute(ATTR_LED_DISABLED_NIGHT, BOOL),),
                write=lumi_write(ATTR_LED_DISABLED_NIGHT, ZCL_BOOL, BOOL),
            ),
        )
    )
