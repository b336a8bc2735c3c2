"""QBKG39LM, Aqara smart wall switch E1 (no neutral, double rocker), ``lumi.switch.b2lc04``.

Facts: Zigbee2MQTT lumi.js (left relay on endpoint 1, right on 2; heartbeat indexes 100/101
the relays, 4 mode_switch; clicks single/double of left, right and both; the event-mode
write at configure; prevent reset); a public interview (zha-device-handlers#991: endpoint 1
in 0000, 0002, 0003, 0004, 0005, 0006, 0009, out 000A, 0019); the Koenkk/zigbee-OTA index
(image type 0x1A08, build 23).

Inferred from its siblings (WS-USC02, QBKG41LM), not seen for this model: an end device
(no neutral); endpoint 2's clusters; clicks from hidden endpoints 41 (left), 42 (right) and
51 (both); every gesture sent; the heartbeat's other entries.
"""

from __future__ import annotations

from ..behaviours import ALL_GESTURES, ButtonSpec
from ._aqara_e1_switch import e1_switch_twin

TWIN = e1_switch_twin(
    zigbee_model="lumi.switch.b2lc04",
    z2m_model="QBKG39LM",
    neutral=False,
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
    gestures=ALL_GESTURES,
    ota_image_type=0x1A08,
    firmware=23,
    date_code="07-01-2022",
)
