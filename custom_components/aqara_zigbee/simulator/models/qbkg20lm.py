"""QBKG20LM, Aqara smart wall switch T1 (with neutral, double rocker), ``lumi.switch.b2nacn01``.

Facts: Zigbee2MQTT lumi.js (a router; relays on endpoints 1 left and 2 right; clicks single
and double from endpoints 41 left, 42 right, 51 both; power-outage memory, per-rocker
operation mode, LED off at night and flipped indicator on 0xFCC0; the heartbeat's relay
states 100/101, device temperature, power outages, energy, voltage and current; power as
AnalogInput presentValue; OTA support); OTA image type 0x018C and firmware 28 from the
Koenkk/zigbee-OTA index.

Inferred from the H1 switches and the ZNCZ04LM plug, not seen for this model: power on
endpoint 21 (the load metered behind the left relay); every gesture sent; event mode off
until written; the heartbeat's layout.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b2nacn01",
    z2m_model="QBKG20LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    neutral=True,
    power_endpoint=21,
    ota_image_type=0x018C,
    firmware=28,
)
