"""Operation mode of the older Aqara wall switches, held in genBasic (0xFF22 / 0xFF23).

Before 0xFCC0, the D1 and first-generation switches kept what each rocker does in two
manufacturer-specific genBasic attributes of endpoint 1: 0xFF22 for the left (or only)
rocker, 0xFF23 for the right one. Raw values: 0x12 the rocker drives the left (or only)
relay, 0x22 the right relay, 0xFE decoupled (the rocker only sends clicks).
"""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    RW,
    AttributeSource,
    AttributeWrite,
    EnumCodec,
    Expose,
    Feature,
    Platform,
)
from ..lumi.const import BASIC, LUMI_MANUFACTURER_CODE, ZCL_UINT8
from ._lumi import endpoint_placeholders, endpoint_suffix

#: genBasic attribute of the left (or only) rocker's mode, and of the right rocker's
LEFT: Final = 0xFF22
RIGHT: Final = 0xFF23

CONTROL_LEFT_RELAY: Final = 0x12
CONTROL_RIGHT_RELAY: Final = 0x22
DECOUPLED: Final = 0xFE

#: a single-rocker switch: its rocker drives its relay, or is decoupled
SINGLE_ROCKER: Final = (("control_relay", CONTROL_LEFT_RELAY), ("decoupled", DECOUPLED))


def basic_operation_mode(
    *,
    attribute: int = LEFT,
    name: str | None = None,
    values: tuple[tuple[str, int], ...] = SINGLE_ROCKER,
    description: str,
) -> Feature:
    """What a rocker does (``values``: option → raw value, in Zigbee2MQTT's order).

    ``name`` is the rocker's name in Zigbee2MQTT's keys (``operation_mode_left``).
    """
    codec = EnumCodec(pairs=tuple((raw, option) for option, raw in values))
    expose = Expose(
        key=f"operation_mode{endpoint_suffix(name)}",
        platform=Platform.SELECT,
        access=RW,
        description=description,
        options=codec.options,
        entity_category="config",
        sources=(
            AttributeSource(
                endpoint=1,
                cluster=BASIC,
                attribute=attribute,
                codec=codec,
                manufacturer=LUMI_MANUFACTURER_CODE,
            ),
        ),
        write=AttributeWrite(
            endpoint=1,
            cluster=BASIC,
            attribute=attribute,
            zcl_type=ZCL_UINT8,
            codec=codec,
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
        translation_key="operation_mode_endpoint" if name else None,
        translation_placeholders=endpoint_placeholders(name),
    )
    return Feature(exposes=(expose,))
