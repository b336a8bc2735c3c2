"""Aqara QBKG29LM: smart wall switch H1 (no neutral, triple rocker).

Facts: Zigbee2MQTT's definition (the exposes; left, center, right = endpoints 1, 2, 3; clicks
from 41/42/43, two rockers together from 51/52/53, all three from 61). No public device
signature found: the endpoints follow its double-rocker sibling WS-EUK02 with a third
rocker. No OTA in Zigbee2MQTT's definition nor in the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from ._aqara_h1_no_neutral import TRIPLE_BUTTONS, h1_no_neutral_switch

DEFINITION = h1_no_neutral_switch(
    model="QBKG29LM",
    model_id="lumi.switch.l3acn1",
    description="Smart wall switch H1 (no neutral, triple rocker)",
    rockers={1: "left", 2: "center", 3: "right"},
    buttons=TRIPLE_BUTTONS,
)
