"""QBKG41LM, Aqara smart wall switch E1 (with neutral, double rocker), ``lumi.switch.b2nc01``.

Router. Facts: Zigbee2MQTT lumi.js (left relay on endpoint 1, right on 2, heartbeat
indexes 100/101; clicks single/double of left, right and both; the event-mode write at
configure; prevent reset); a public interview (sprut/Hub#741: 0xFCC0 and 0x0012 served on
endpoint 1, build 20, heartbeat ``{3=27, 100=false, 101=false, 5=1, 8=276, 9=256, 154=0,
10=0, 11=0}``); zha-device-handlers#2514/#4232 (endpoint 1 in 0000, 0002, 0003, 0004, 0005,
0006, 0009, out 000A, 0019; endpoint 2 in 0000, 0003, 0004, 0005, 0006); the
Koenkk/zigbee-OTA index (image type 0x1908, build 29).

Inferred from its siblings, not seen for this model: clicks from hidden endpoints 41 (left),
42 (right) and 51 (both); every gesture sent.
"""

from __future__ import annotations

from ..behaviours import ALL_GESTURES, ButtonSpec
from ..clusters import BASIC, GROUPS, IDENTIFY, ON_OFF, SCENES
from ._aqara_e1_switch import e1_switch_twin

TWIN = e1_switch_twin(
    zigbee_model="lumi.switch.b2nc01",
    z2m_model="QBKG41LM",
    neutral=True,
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
    gestures=ALL_GESTURES,
    second_relay_clusters=(BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF),
    heartbeat_index_9=256,
    ota_image_type=0x1908,
    firmware=29,
    date_code="07-29-2024",
)
