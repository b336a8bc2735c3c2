"""Interlock of the first Aqara dual relay module: BinaryOutput 0xFF06 on endpoint 1.

While on, the module never has both relays on. Written with the Lumi manufacturer code
as Zigbee2MQTT's ``lumi_interlock`` does; the unit answers reads of it (sprut/Hub#157 read
``FF06: true``) but reports nothing, so its state is what was written or read back.
(The T2 module keeps its interlock in 0xFCC0 0x02D0 instead: ``features/interlock.py``.)
"""

from __future__ import annotations

from typing import Final

from ..devices.model import BOOL, Access, AttributeSource, AttributeWrite, Expose, Feature, Platform
from ..lumi.const import LUMI_MANUFACTURER_CODE, ZCL_BOOL

BINARY_OUTPUT: Final = 0x0010
ATTR_INTERLOCK: Final = 0xFF06


def binary_output_interlock() -> Feature:
    """While on, switching one relay on switches the other off."""
    return Feature(
        exposes=(
            Expose(
                key="interlock",
                platform=Platform.SWITCH,
                access=Access.READ | Access.WRITE,
                description="Enabling prevents both relais being on at the same time.",
                entity_category="config",
                sources=(
                    AttributeSource(
                        endpoint=1,
                        cluster=BINARY_OUTPUT,
                        attribute=ATTR_INTERLOCK,
                        codec=BOOL,
                        manufacturer=LUMI_MANUFACTURER_CODE,
                    ),
                ),
                write=AttributeWrite(
                    endpoint=1,
                    cluster=BINARY_OUTPUT,
                    attribute=ATTR_INTERLOCK,
                    zcl_type=ZCL_BOOL,
                    codec=BOOL,
                    manufacturer=LUMI_MANUFACTURER_CODE,
                ),
            ),
        )
    )
