"""Aqara QBKG17LM: smart wall switch T1 (no neutral, single rocker), ``lumi.switch.b1lacn01``.

Facts: Zigbee2MQTT's definition (lumiOnOff with binary power-outage memory and operation
mode, LED off at night, flipped indicator, clicks single/double); OTA image type 0x0208 from
the Koenkk/zigbee-OTA index. Zigbee2MQTT took the model id from its siblings (PR #7059).
Inferred from the double-rocker QBKG18LM: an end device (no neutral), endpoint 1's clusters,
clicks from hidden endpoint 41.
"""

from __future__ import annotations

from ._aqara_t1_switch import t1_switch

DEFINITION = t1_switch(
    model="QBKG17LM",
    model_id="lumi.switch.b1lacn01",
    description="Smart wall switch T1 (no neutral, single rocker)",
    rockers={},
    buttons={41: "left"},
    neutral=False,
    power=False,
    ota_image_type=0x0208,
)
