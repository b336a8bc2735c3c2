"""Aqara QBKG34LM: smart wall switch T1 (with neutral, triple rocker), ``lumi.switch.b3n01``.

Facts: Zigbee2MQTT's definition (see _aqara_t1_switch: energy/voltage/current from the
0xFCC0 heartbeat, no power); OTA image type 0x100C from the Koenkk/zigbee-OTA index.
Inferred: a router (with neutral), the endpoints' clusters.
"""

from __future__ import annotations

from ._aqara_t1_switch import t1_switch

DEFINITION = t1_switch(
    model="QBKG34LM",
    model_id="lumi.switch.b3n01",
    description="Smart wall switch T1 (with neutral, triple rocker)",
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
    neutral=True,
    power=False,
    ota_image_type=0x100C,
)
