"""How the firmware detects clicks of a button: fast single clicks or slower multi-clicks."""

from __future__ import annotations

from typing import Final

from ..devices.model import RW, EnumCodec, Expose, Feature, Platform
from ..lumi.const import ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write

#: Zigbee2MQTT's lumiClickMode attribute; models override it (Z1: 0x0286)
ATTR_CLICK_MODE: Final = 0x0125
CLICK_MODE_CODEC: Final = EnumCodec(pairs=((1, "fast"), (2, "multi")))


def click_mode(*, attribute: int = ATTR_CLICK_MODE) -> Feature:
    """fast: single clicks only, sent at once; multi: double clicks too, after a pause."""
    return Feature(
        exposes=(
            Expose(
                key="click_mode",
                platform=Platform.SELECT,
                access=RW,
                description=(
                    "Click mode for wireless button. fast: only supports single click but "
                    "allows faster response time.multi: supports multiple types of clicks but "
                    "is slower, because it awaits multiple clicks."
                ),
                options=CLICK_MODE_CODEC.options,
                entity_category="config",
                sources=(lumi_attribute(attribute, CLICK_MODE_CODEC),),
                write=lumi_write(attribute, ZCL_UINT8, CLICK_MODE_CODEC),
            ),
        )
    )
