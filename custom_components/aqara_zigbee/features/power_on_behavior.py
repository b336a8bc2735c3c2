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


#: T2 modules name value 3 ``toggle`` (Zigbee2MQTT's lookup for LLKZMK12LM)
_TOGGLE_CODEC: Final = EnumCodec(pairs=((0, "on"), (1, "previous"), (2, "off"), (3, "toggle")))


def power_on_behavior(*, toggle: bool = False) -> Feature:
    """The relays' state after a power cut: on, as before, off, or the opposite.

    ``toggle``: the model's Zigbee2MQTT expose calls the opposite ``toggle``.
    """
    codec = _TOGGLE_CODEC if toggle else POWER_ON_BEHAVIOR_CODEC
    return Feature(
        exposes=(
            Expose(
                key="power_on_behavior",
                platform=Platform.SELECT,
                access=RW,
                description="Controls the behavior when the device is powered on after power loss.",
                options=codec.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_POWER_ON_BEHAVIOR, codec),),
                write=lumi_write(ATTR_POWER_ON_BEHAVIOR, ZCL_UINT8, codec),
            ),
        )
    )
