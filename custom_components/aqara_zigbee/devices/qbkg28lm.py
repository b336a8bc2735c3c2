"""Aqara QBKG28LM: smart wall switch H1 (no neutral, double rocker).

Facts: Zigbee2MQTT's definition (the exposes: no power_outage_count for this one; left =
endpoint 1, right = endpoint 2; clicks from 41/42/51). No public device signature found: the
endpoints are those of its EU twin WS-EUK02 (``lumi.switch.l2aeu1``). Zigbee2MQTT marks it
OTA-capable, but the Koenkk/zigbee-OTA index has no image of it: no image type is known.
"""

from __future__ import annotations

from ._aqara_h1_no_neutral import DOUBLE_BUTTONS, h1_no_neutral_switch

DEFINITION = h1_no_neutral_switch(
    model="QBKG28LM",
    model_id="lumi.switch.l2acn1",
    description="Smart wall switch H1 (no neutral, double rocker)",
    rockers={1: "left", 2: "right"},
    buttons=DOUBLE_BUTTONS,
    outage_count=False,
)
