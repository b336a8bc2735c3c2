"""Aqara QBKG25LM: smart wall switch D1 (no neutral, triple rocker), ``lumi.switch.l3acn3``.

Facts: Zigbee2MQTT's definition (relays left 1 / center 2 / right 3, per-rocker operation
mode, mode switch, power-outage memory, LED off at night, flipped indicator on 0xFCC0, the
event-mode write at configure, clicks from endpoints 41-43, 51-53 and 61); an end device
(Zigbee2MQTT debug log, domoticz-zigbee2mqtt-plugin#376); OTA image type 0x0508 from the
Koenkk/zigbee-OTA index. Inferred from its with-neutral sibling QBKG26LM: endpoint clusters.
"""

from __future__ import annotations

from ._aqara_d1_triple import d1_triple_switch

DEFINITION = d1_triple_switch(
    model="QBKG25LM",
    model_id="lumi.switch.l3acn3",
    description="Smart wall switch D1 (no neutral, triple rocker)",
    neutral=False,
    ota_image_type=0x0508,
)
