"""Aqara WS-EUK02: smart wall switch H1 EU (no neutral, double rocker).

Facts: Zigbee2MQTT's definition (the exposes; left = endpoint 1, right = endpoint 2; clicks
from 41/42/51); endpoints and clusters from the ZHA quirk's signatures of
``lumi.switch.l2aeu1`` (zha-device-handlers ``switch_h1_double.py``; an end device,
zha-device-handlers#2270). No OTA image in the Koenkk/zigbee-OTA index (nor in Zigbee2MQTT's
definition).
"""

from __future__ import annotations

from ._aqara_h1_no_neutral import DOUBLE_BUTTONS, h1_no_neutral_switch

DEFINITION = h1_no_neutral_switch(
    model="WS-EUK02",
    model_id="lumi.switch.l2aeu1",
    description="Smart wall switch H1 EU (no neutral, double rocker)",
    rockers={1: "left", 2: "right"},
    buttons=DOUBLE_BUTTONS,
)
