"""Aqara ZNQBKG31LM: Smart wall switch E1 (with neutral, triple rocker)."""

from __future__ import annotations

from ._aqara_h1_neutral import TRIPLE_BUTTONS, h1_neutral_switch

DEFINITION = h1_neutral_switch(
    model="ZNQBKG31LM",
    model_id="lumi.switch.acn040",
    description="Smart wall switch E1 (with neutral, triple rocker)",
    rockers={1: "left", 2: "center", 3: "right"},
    buttons=TRIPLE_BUTTONS,
    metering=False,
    ota_image_type=0x1909,
)
