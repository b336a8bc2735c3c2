"""Aqara QBKG33LM: smart wall switch T1 (no neutral, triple rocker), ``lumi.switch.b3l01``.

Facts: Zigbee2MQTT's definition (see _aqara_t1_triple); OTA image type 0x1088 from the
Koenkk/zigbee-OTA index. Zigbee2MQTT took the model id from its siblings (PR #7059).
Inferred: an end device (no neutral), the endpoints' clusters.
"""

from __future__ import annotations

from ._aqara_t1_triple import t1_triple_switch

DEFINITION = t1_triple_switch(
    model="QBKG33LM",
    model_id="lumi.switch.b3l01",
    description="Smart wall switch T1 (no neutral, triple rocker)",
    neutral=False,
    ota_image_type=0x1088,
)
