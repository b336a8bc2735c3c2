"""QBKG33LM, Aqara smart wall switch T1 (no neutral, triple rocker), ``lumi.switch.b3l01``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
power-outage memory, per-rocker operation mode, LED off at night and flipped indicator on
0xFCC0; the heartbeat's relay states 100-102, device temperature and power outages; OTA
support); OTA image type 0x1088 and firmware 33 from the Koenkk/zigbee-OTA index.

Inferred from the WS-USC no-neutral switches, not seen for this model: an end device; the
endpoints' clusters; every gesture sent; event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b3l01",
    z2m_model="QBKG33LM",
    relays={1: "state_left", 2: "state_center", 3: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "center": ButtonSpec(42, (2,)),
        "right": ButtonSpec(43, (3,)),
        "left_center": ButtonSpec(51, (1, 2)),
        "left_right": ButtonSpec(52, (1, 3)),
        "center_right": ButtonSpec(53, (2, 3)),
        "all": ButtonSpec(61, (1, 2, 3)),
    },
    neutral=False,
    ota_image_type=0x1088,
    firmware=33,
)
