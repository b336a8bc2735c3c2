"""QBKG26LM, Aqara smart wall switch D1 (with neutral, triple rocker), ``lumi.switch.n3acn3``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
per-rocker operation mode, power-outage memory, LED off at night and flipped indicator on
0xFCC0; power as AnalogInput presentValue; energy, voltage, device temperature and relay
states from the heartbeat; event mode written at configure; OTA support); a router whose
descriptors declare 0xFCC0 on endpoints 1-3 (zigbee2mqtt#19470, com.xiaomi-mi-zigbee#299);
OTA image type 0x048C and firmware 33 from the Koenkk/zigbee-OTA index.

Inferred, not seen for this model: AnalogInput on endpoint 21 (its endpoint list has 21,
as the plugs that meter there); endpoint 31, of unknown clusters, left out; the load
metered behind the left relay; every gesture sent.
"""

from __future__ import annotations

from ._aqara_d1_triple import d1_triple_twin

TWIN = d1_triple_twin(
    zigbee_model="lumi.switch.n3acn3",
    z2m_model="QBKG26LM",
    neutral=True,
    exposes_outage_count=False,
    ota_image_type=0x048C,
    firmware=33,
)
