"""Button switch mode: whether an outlet's button switches its USB ports too (0xFCC0 0x0226)."""

from __future__ import annotations

from typing import Final

from ..devices.model import RW, EnumCodec, Expose, Feature, Platform
from ..lumi.const import ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write

ATTR_BUTTON_SWITCH_MODE: Final = 0x0226
#: Zigbee2MQTT's lookup (lumi_button_switch_mode), in its order
BUTTON_SWITCH_MODE_CODEC: Final = EnumCodec(pairs=((0, "relay"), (1, "relay_and_usb")))


def button_switch_mode() -> Feature:
    """The physical button drives the relay only, or the relay and the USB ports."""
    return Feature(
        exposes=(
            Expose(
                key="button_switch_mode",
                platform=Platform.SELECT,
                access=RW,
                description=(
                    "Control both relay and usb or only the relay with the physical switch button."
                ),
                options=BUTTON_SWITCH_MODE_CODEC.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_BUTTON_SWITCH_MODE, BUTTON_SWITCH_MODE_CODEC),),
                write=lumi_write(ATTR_BUTTON_SWITCH_MODE, ZCL_UINT8, BUTTON_SWITCH_MODE_CODEC),
            ),
        )
    )
