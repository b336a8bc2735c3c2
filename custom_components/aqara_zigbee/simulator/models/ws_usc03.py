"""WS-USC03, Aqara smart wall switch (with neutral, single rocker), US, ``lumi.switch.b1naus01``.

Facts: the ZHA quirk's signature of ``lumi.switch.b1naus01`` (endpoints 1, 21, 31, 41, 242;
0xFCC0 declared); Zigbee2MQTT's library (exposes, power as AnalogInput presentValue, the
event-mode write at configure); the Koenkk/zigbee-OTA index (image type 0x0114, file version
31 of 2021-12-28).

Inferred: power on endpoint 21 (what Zigbee2MQTT reads), endpoint 31's AnalogInput left
silent (its meaning is unknown); the heartbeat layout of the H1 Pro (QBKG31LM's real one);
single and double clicks only (the library's actions); event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.b1naus01",
    z2m_model="WS-USC03",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    analog_inputs=(21, 31),
    declares_lumi_cluster=True,
    led_disabled_night=False,
    ota_image_type=0x0114,
    firmware=31,
    date_code="12-28-2021",
)
