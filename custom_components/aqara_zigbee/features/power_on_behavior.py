"""What the relays do when mains power comes back (newer Aqara firmware, 0xFCC0 0x0517).

It replaces the on/off ``power_outage_memory`` of older models with four choices.
"""

from __future__ import annotations

from typing import Final

from ..devices.model import RW, EnumCodec, Expose, Feature, Platform
from ..lumi.const import ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write

ATTR_POWER_ON_BEHAVIOR: Final = 0x0517
#: Zigbee2MQTT's lumiPowerOnBehavior lookup, in its order
POWER_ON_BEHAVIOR_CODEC: Final = EnumCodec(
    pairs=((0, "on"), (1, "previous"), (2, "off"), (3, "inverted"))
)


def power_on_behavior() -> Feature:
    """The relays' state after a power cut: on, as before, off, or the opposite."""
    return Feature(
        exposes=(
            Expose(
                key="power_on_behavior",
                platform=Platform.SELECT,
                access=RW,
                description="Controls the behavior when the device is powered on after power loss.",
                options=POWER_ON_BEHAVIOR_CODEC.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_POWER_ON_BEHAVIOR, POWER_ON_BEHAVIOR_CODEC),),
                write=lumi_write(ATTR_POWER_ON_BEHAVIOR, ZCL_UINT8, POWER_ON_BEHAVIOR_CODEC),
            ),
        )
    )
