"""WS-USC04, Aqara smart wall switch (with neutral, double rocker), US, ``lumi.switch.b2naus01``.

Facts: the first of the ZHA quirk's signatures of ``lumi.switch.b2naus01`` (endpoints 1, 2, 21,
31, 41, 42, 51, 242; 0xFCC0 and MultistateInput declared on 1 and 2); Zigbee2MQTT's library
(exposes, top = 1, bottom = 2, clicks from 41/42/51, power as AnalogInput presentValue); the
Koenkk/zigbee-OTA index (image type 0x0194, file version 31 of 2021-12-28).

Inferred: power on endpoint 21 (what Zigbee2MQTT reads) metering both circuits; the heartbeat
layout of the H1 Pro (QBKG31LM's real one); "both" drives both relays; single and double
clicks only (the library's actions); event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.b2naus01",
    z2m_model="WS-USC04",
    relays={1: "state_top", 2: "state_bottom"},
    buttons={
        "top": ButtonSpec(41, (1,)),
        "bottom": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    analog_inputs=(21, 31),
    declares_lumi_cluster=True,
    led_disabled_night=False,
    ota_image_type=0x0194,
    firmware=31,
    date_code="12-28-2021",
)
