"""Aqara ZNQBKG26LM: Smart wall switch H1M (with neutral, triple rocker)."""

from __future__ import annotations

from ._aqara_h1_neutral import TRIPLE_BUTTONS, h1_neutral_switch

DEFINITION = h1_neutral_switch(
    model="ZNQBKG26LM",
    model_id="lumi.switch.acn031",
    description="Smart wall switch H1M (with neutral, triple rocker)",
    rockers={1: "left", 2: "center", 3: "right"},
    buttons=TRIPLE_BUTTONS,
    metering=True,
    ota_image_type=0x0B0C,
)
