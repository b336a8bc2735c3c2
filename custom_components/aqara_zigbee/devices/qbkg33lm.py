"""Aqara QBKG33LM: smart wall switch T1 (no neutral, triple rocker), ``lumi.switch.b3l01``.

Facts: Zigbee2MQTT's definition (see _aqara_t1_switch); OTA image type 0x1088 from the
Koenkk/zigbee-OTA index. Zigbee2MQTT took the model id from its siblings (PR #7059).
Inferred: an end device (no neutral), the endpoints' clusters.
"""

from __future__ import annotations

from ._aqara_t1_switch import t1_switch

DEFINITION = t1_switch(
    model="QBKG33LM",
    model_id="lumi.switch.b3l01",
    description="Smart wall switch T1 (no neutral, triple rocker)",
    rockers={1: "left", 2: "center", 3: "right"},
    buttons={
        41: "left",
        42: "center",
        43: "right",
        51: "left_center",
        52: "left_right",
        53: "center_right",
        61: "all",
    },
    neutral=False,
    power=False,
    ota_image_type=0x1088,
)
