"""Aqara QBKG34LM: smart wall switch T1 (with neutral, triple rocker), ``lumi.switch.b3n01``.

Facts: Zigbee2MQTT's definition (see _aqara_t1_triple: energy/voltage/current from the
0xFCC0 heartbeat, no power); OTA image type 0x100C from the Koenkk/zigbee-OTA index.
Inferred: a router (with neutral), the endpoints' clusters.
"""

from __future__ import annotations

from ._aqara_t1_triple import t1_triple_switch

DEFINITION = t1_triple_switch(
    model="QBKG34LM",
    model_id="lumi.switch.b3n01",
    description="Smart wall switch T1 (with neutral, triple rocker)",
    neutral=True,
    ota_image_type=0x100C,
)
