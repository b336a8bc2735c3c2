"""QBKG19LM, Aqara smart wall switch T1 (with neutral, single rocker), ``lumi.switch.b1nacn01``.

Facts: Zigbee2MQTT lumi.js (state; clicks single and double; power-outage memory, operation
mode, LED off at night and flipped indicator on 0xFCC0; device temperature, power outages,
energy, voltage and current from the heartbeat; power as AnalogInput presentValue; OTA
support); OTA image type 0x010C and firmware 28 from the Koenkk/zigbee-OTA index.

Inferred from the H1 switches and the ZNCZ04LM plug, not seen for this model: a router;
power on endpoint 21; clicks from hidden endpoint 41; every gesture sent; event mode off
until written; the heartbeat's layout (149-152 as on the plugs).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_t1_switch import t1_switch_twin

TWIN = t1_switch_twin(
    zigbee_model="lumi.switch.b1nacn01",
    z2m_model="QBKG19LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    neutral=True,
    power_endpoint=21,
    ota_image_type=0x010C,
    firmware=28,
)
