"""Interlock: a two-relay module never has both relays on (0xFCC0 0x02D0)."""

from __future__ import annotations

from typing import Final

from ..devices.model import BOOL, RW, Expose, Feature, Platform
from ..lumi.const import ZCL_BOOL
from ._lumi import lumi_attribute, lumi_write

ATTR_INTERLOCK: Final = 0x02D0


def interlock() -> Feature:
    """While on, switching one relay on switches the other off (motors, two-way circuits)."""
    return Feature(
        exposes=(
            Expose(
                key="interlock",
                platform=Platform.SWITCH,
                access=RW,
                description="Enabling prevents both relays being on at the same time (Interlock).",
                entity_category="config",
                sources=(lumi_attribute(ATTR_INTERLOCK, BOOL),),
                write=lumi_write(ATTR_INTERLOCK, ZCL_BOOL, BOOL),
            ),
        )
    )
