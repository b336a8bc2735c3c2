"""Charging protection: an outlet switching itself off once a charge is done (H2 plugs).

Below ``charging_limit`` watts for half an hour the relay opens (0xFCC0 0x0202, the
attribute older plugs use for ``auto_off``); the limit is 0xFCC0 0x0206, a float in W.
"""

from __future__ import annotations

from typing import Final

from ..devices.model import BOOL, RW, Expose, Feature, NumberCodec, Platform
from ..lumi.const import ATTR_AUTO_OFF, ZCL_BOOL, ZCL_FLOAT
from ._lumi import lumi_attribute, lumi_write
from .settings import config_switch

ATTR_CHARGING_LIMIT: Final = 0x0206
_LIMIT_CODEC: Final = NumberCodec(ndigits=1)


def charging_protection() -> Feature:
    """Off after half an hour below the charging limit, and the limit itself."""
    return Feature(
        exposes=(
            config_switch(
                "charging_protection",
                description=(
                    "Turn off the outlet if the power is below the set limit for half an hour."
                ),
                sources=(lumi_attribute(ATTR_AUTO_OFF, BOOL),),
                write=lumi_write(ATTR_AUTO_OFF, ZCL_BOOL, BOOL),
            ),
            Expose(
                key="charging_limit",
                platform=Platform.NUMBER,
                access=RW,
                description="Charging protection power limit.",
                unit="W",
                device_class="power",
                entity_category="config",
                native_min=0.1,
                native_max=2,
                native_step=0.1,
                sources=(lumi_attribute(ATTR_CHARGING_LIMIT, _LIMIT_CODEC),),
                write=lumi_write(ATTR_CHARGING_LIMIT, ZCL_FLOAT, _LIMIT_CODEC),
            ),
        )
    )
