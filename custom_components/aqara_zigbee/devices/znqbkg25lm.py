"""Aqara ZNQBKG25LM: Smart wall switch H1M (with neutral, double rocker)."""

from __future__ import annotations

from ._aqara_h1_neutral import h1_neutral_switch

# Zigbee2MQTT's page lists *_left_right and *_all, while its converter names endpoint 51
# "both" (an action its page lacks): 51 is both rockers, which is all of them
DEFINITION = h1_neutral_switch(
    model="ZNQBKG25LM",
    model_id="lumi.switch.acn030",
    description="Smart wall switch H1M (with neutral, double rocker)",
    rockers={1: "left", 2: "right"},
    buttons={41: "left", 42: "right", 51: "left_right"},
    metering=True,
    ota_image_type=0x0A8C,
)
