"""WS-EUK03, Aqara smart wall switch H1 EU (with neutral, single rocker), ``lumi.switch.n1aeu1``.

Facts: the ZHA quirk's second signature of ``lumi.switch.n1aeu1`` (endpoint 1 with Alarms,
Metering and ElectricalMeasurement, 0xFCC0 undeclared; Green Power on 242); Zigbee2MQTT's
library (exposes, power from ElectricalMeasurement); the Koenkk/zigbee-OTA index (image type
0x151C, file version 25 of 2024-07-25).

Inferred: ElectricalMeasurement and Metering scaled like the older Aqara plugs'; clicks from
hidden endpoint 41 (the first signature's); the heartbeat layout of the H1 Pro (QBKG31LM's
real one); single and double clicks only (the library's actions); event mode off until
written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec, Metering
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.n1aeu1",
    z2m_model="WS-EUK03",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    analog_inputs=(),
    declares_lumi_cluster=False,
    hidden_clicks=True,
    meter=lambda: Metering(electrical_measurement=True),
    ota_image_type=0x151C,
    firmware=25,
    date_code="07-25-2024",
)
