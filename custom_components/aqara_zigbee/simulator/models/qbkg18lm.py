"""QBKG18LM, Aqara smart wall switch T1 (no neutral, double rocker), ``lumi.switch.b2lacn01``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left and 2 right; clicks single and double
from endpoints 41 left, 42 right, 51 both; power-outage memory, per-rocker operation mode,
LED off at night and flipped indicator on 0xFCC0; the heartbeat's relay states 100/101,
device temperature and power outages; OTA support); OTA image type 0x0288 and firmware 32
from the Koenkk/zigbee-OTA index.

Inferred from the WS-USC no-neutral switches, not seen for this model: an end device; the
endpoints' clusters; every gesture sent; event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b2lacn01",
    z2m_model="QBKG18LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    neutral=False,
    ota_image_type=0x0288,
    firmware=32,
)
