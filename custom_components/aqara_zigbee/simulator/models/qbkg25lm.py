"""QBKG25LM, Aqara smart wall switch D1 (no neutral, triple rocker), ``lumi.switch.l3acn3``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
per-rocker operation mode, mode switch (also heartbeat index 4), power-outage memory, LED
off at night and flipped indicator on 0xFCC0; the heartbeat's relay states 100-102, device
temperature and power outages; event mode written at configure; OTA support); an end device
with a 04:cf:8c address (Zigbee2MQTT log, domoticz-zigbee2mqtt-plugin#376); OTA image type
0x0508 and firmware 27 from the Koenkk/zigbee-OTA index.

Inferred from the with-neutral QBKG26LM's signature, not seen for this model: the
endpoints' clusters (0xFCC0 declared on the relay endpoints); every gesture sent.
"""

from __future__ import annotations

from ._aqara_d1_triple import d1_triple_twin

TWIN = d1_triple_twin(
    zigbee_model="lumi.switch.l3acn3",
    z2m_model="QBKG25LM",
    neutral=False,
    exposes_outage_count=True,
    ota_image_type=0x0508,
    firmware=27,
)
