"""Aqara QBKG18LM: smart wall switch T1 (no neutral, double rocker), ``lumi.switch.b2lacn01``.

Facts: Zigbee2MQTT's definition (relays left 1 / right 2, lumiOnOff with binary power-outage
memory and per-rocker operation mode, LED off at night, flipped indicator, clicks from
endpoints 41 left, 42 right, 51 both); OTA image type 0x0288 from the Koenkk/zigbee-OTA
index. Inferred from its H1/WS-USC siblings: an end device (no neutral), endpoint clusters.
"""

from __future__ import annotations

from ._aqara_t1_switch import DOUBLE_BUTTONS, t1_switch

DEFINITION = t1_switch(
    model="QBKG18LM",
    model_id="lumi.switch.b2lacn01",
    description="Smart wall switch T1 (no neutral, double rocker)",
    rockers={1: "left", 2: "right"},
    buttons=DOUBLE_BUTTONS,
    neutral=False,
    power=False,
    ota_image_type=0x0288,
)
