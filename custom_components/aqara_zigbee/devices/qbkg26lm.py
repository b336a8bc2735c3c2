"""Aqara QBKG26LM: smart wall switch D1 (with neutral, triple rocker), ``lumi.switch.n3acn3``.

Facts: Zigbee2MQTT's definition (relays left 1 / center 2 / right 3, per-rocker operation
mode, power-outage memory, LED off at night, flipped indicator on 0xFCC0, the event-mode
write at configure, clicks from endpoints 41-43, 51-53 and 61, power as AnalogInput
presentValue, energy and voltage from the heartbeat); a router whose endpoints are 1-3, 21,
31 and the button ones, 0xFCC0 declared on 1-3 (device signatures, zigbee2mqtt#19470 and
com.xiaomi-mi-zigbee#299); OTA image type 0x048C from the Koenkk/zigbee-OTA index.
Inferred from the plugs: AnalogInput on endpoint 21.
"""

from __future__ import annotations

from ._aqara_d1_triple import d1_triple_switch

DEFINITION = d1_triple_switch(
    model="QBKG26LM",
    model_id="lumi.switch.n3acn3",
    description="Smart wall switch D1 (with neutral, triple rocker)",
    neutral=True,
    ota_image_type=0x048C,
)
