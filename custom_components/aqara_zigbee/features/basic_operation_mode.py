"""Operation mode of old Xiaomi wall switches: genBasic 0xFF22 (left or only rocker), 0xFF23.

The attribute says which relay a rocker drives: 0x12 the left (or only) one, 0x22 the
right one, 0xFE none (decoupled: the rocker only sends clicks). Written with the Lumi
manufacturer code on endpoint 1, as Zigbee2MQTT's ``lumi_switch_operation_mode_basic``.
"""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    RW,
    Access,
    AttributeSource,
    AttributeWrite,
    EnumCodec,
    Expose,
    Feature,
    Platform,
)
from ..lumi.const import BASIC, LUMI_MANUFACTURER_CODE, ZCL_UINT8
from ._lumi import endpoint_placeholders, endpoint_suffix

LEFT_ROCKER: Final = 0xFF22
RIGHT_ROCKER: Final = 0xFF23

SINGLE_ROCKER_MODES: Final = EnumCodec(pairs=((0x12, "control_relay"), (0xFE, "decoupled")))
DOUBLE_ROCKER_MODES: Final = EnumCodec(
    pairs=((0x12, "control_left_relay"), (0x22, "control_right_relay"), (0xFE, "decoupled"))
)


def basic_operation_mode(
    *,
    attribute: int = LEFT_ROCKER,
    name: str | None = None,
    description: str,
    readable: bool = True,
) -> Feature:
    """A rocker's operation mode; ``name`` (``left``/``right``) for double-rocker models.

    ``readable``: offered to ``/get`` (Zigbee2MQTT gives no-neutral models none).
    """
    codec = DOUBLE_ROCKER_MODES if name else SINGLE_ROCKER_MODES
    expose = Expose(
        key=f"operation_mode{endpoint_suffix(name)}",
        platform=Platform.SELECT,
        access=RW if readable else Access.WRITE | Access.REPORT,
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
