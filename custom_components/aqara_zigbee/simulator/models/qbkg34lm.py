"""QBKG34LM, Aqara smart wall switch T1 (with neutral, triple rocker), ``lumi.switch.b3n01``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
power-outage memory, per-rocker operation mode, LED off at night and flipped indicator on
0xFCC0; the heartbeat's relay states 100-102, device temperature, power outages, energy,
voltage and current; no power property; OTA support); OTA image type 0x100C and firmware 28
from the Koenkk/zigbee-OTA index.

Inferred, not seen for this model: a router (with neutral); the endpoints' clusters; the
load metered behind the left relay; the heartbeat also carrying power (index 152) as the
plugs' does; every gesture sent; event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b3n01",
    z2m_model="QBKG34LM",
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
    neutral=True,
    ota_image_type=0x100C,
    firmware=28,
)
