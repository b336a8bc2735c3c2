"""Relay work mode of the T2 module: switching mains, a dry contact, or a dry impulse.

``mode`` (0xFCC0 0x0289): power (the relays switch mains), pulse (dry contacts closing for
``pulse_length`` ms, 0x00EB), dry (dry contacts).
"""

from __future__ import annotations

from typing import Final

from ..devices.model import RW, EnumCodec, Expose, Feature, NumberCodec, Platform
from ..lumi.const import ZCL_UINT8, ZCL_UINT16
from ._lumi import lumi_attribute, lumi_write

ATTR_WORK_MODE: Final = 0x0289
ATTR_PULSE_LENGTH: Final = 0x00EB
#: Zigbee2MQTT's lookup (value 2 is not used)
WORK_MODE_CODEC: Final = EnumCodec(pairs=((0, "power"), (1, "pulse"), (3, "dry")))
_PULSE_CODEC: Final = NumberCodec(integer=True)


def work_mode() -> Feature:
    """What the relays switch: mains power, a dry contact with impulse, a dry contact."""
    return Feature(
        exposes=(
            Expose(
                key="mode",
                platform=Platform.SELECT,
                access=RW,
                description="Work mode: Power mode, Dry mode with impulse, Dry mode.",
                options=WORK_MODE_CODEC.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_WORK_MODE, WORK_MODE_CODEC),),
                write=lumi_write(ATTR_WORK_MODE, ZCL_UINT8, WORK_MODE_CODEC),
            ),
        )
    )


def pulse_length() -> Feature:
    """How long the contact closes in pulse mode (ms)."""
    return Feature(
        exposes=(
            Expose(
                key="pulse_length",
                platform=Platform.NUMBER,
                access=RW,
                description="Impulse length in Dry mode with impulse.",
                unit="ms",
                device_class="duration",
                entity_category="config",
                native_min=200,
                native_max=2000,
                native_step=1,
                sources=(lumi_attribute(ATTR_PULSE_LENGTH, _PULSE_CODEC),),
                write=lumi_write(ATTR_PULSE_LENGTH, ZCL_UINT16, _PULSE_CODEC),
            ),
        )
    )
