"""QBKG17LM, Aqara smart wall switch T1 (no neutral, single rocker), ``lumi.switch.b1lacn01``.

Facts: Zigbee2MQTT lumi.js (state; clicks single and double; power-outage memory, operation
mode, LED off at night and flipped indicator on 0xFCC0; device temperature and power
outages from the heartbeat; OTA support); OTA image type 0x0208 and firmware 32 from the
Koenkk/zigbee-OTA index.

Inferred from the double-rocker QBKG18LM and the WS-USC no-neutral switches, not seen for
this model: an end device; its endpoint 1 clusters; clicks from hidden endpoint 41; every
gesture sent; event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b1lacn01",
    z2m_model="QBKG17LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    neutral=False,
    ota_image_type=0x0208,
    firmware=32,
)
