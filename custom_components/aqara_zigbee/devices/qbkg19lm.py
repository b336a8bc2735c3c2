"""Aqara QBKG19LM: smart wall switch T1 (with neutral, single rocker), ``lumi.switch.b1nacn01``.

Facts: Zigbee2MQTT's definition (lumiOnOff with binary power-outage memory and operation
mode, LED off at night, flipped indicator, clicks single/double, energy/voltage/current from
the 0xFCC0 heartbeat, power as AnalogInput presentValue reported every 10 s-1 h);
OTA image type 0x010C from the Koenkk/zigbee-OTA index. Inferred from its H1 and plug
siblings: AnalogInput on endpoint 21, clicks from hidden endpoint 41.
"""

from __future__ import annotations

from ._aqara_t1_switch import t1_switch

DEFINITION = t1_switch(
    model="QBKG19LM",
    model_id="lumi.switch.b1nacn01",
    description="Smart wall switch T1 (with neutral, single rocker)",
    rockers={},
    buttons={41: "left"},
    neutral=True,
    power=True,
    ota_image_type=0x010C,
)
