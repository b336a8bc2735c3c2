"""Aqara QBKG20LM: smart wall switch T1 (with neutral, double rocker), ``lumi.switch.b2nacn01``.

Facts: Zigbee2MQTT's definition (a router; relays left 1 / right 2, lumiOnOff with binary
power-outage memory and per-rocker operation mode, LED off at night, flipped indicator,
clicks from endpoints 41 left, 42 right, 51 both, energy/voltage/current from the 0xFCC0
heartbeat, power as AnalogInput presentValue reported every 10 s-1 h); OTA image type 0x018C
from the Koenkk/zigbee-OTA index. Inferred from its H1 and plug siblings: AnalogInput on
endpoint 21.
"""

from __future__ import annotations

from ._aqara_t1_switch import DOUBLE_BUTTONS, t1_switch

DEFINITION = t1_switch(
    model="QBKG20LM",
    model_id="lumi.switch.b2nacn01",
    description="Smart wall switch T1 (with neutral, double rocker)",
    rockers={1: "left", 2: "right"},
    buttons=DOUBLE_BUTTONS,
    neutral=True,
    power=True,
    ota_image_type=0x018C,
)
