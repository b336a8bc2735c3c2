"""QBKG21LM, Aqara smart wall switch D1 (no neutral, single rocker), ``lumi.switch.b1lacn02``.

Facts: its descriptors (zha-device-handlers#492: endpoint 1 of device type 6 with Basic,
Identify, PowerConfiguration, DeviceTemperature, OTA and Time; 2 and 3 with BinaryOutput,
OnOff, Groups and Scenes; 4-6 with MultistateInput and OnOff); a dump (sprut/Hub#463/#547:
application version 26, hardware 54, power source 4, the genBasic 0xFF01 heartbeat with
1, 3, 100, 101, 5, 8, 153, 10, 155, 110, 111, the prevent-reset query in 0xFFF0, 0xFF22
= 18); Zigbee2MQTT lumi.js (an end device; the relay on endpoint 2; clicks as OnOff
reports of endpoint 4; the rocker's mode in genBasic 0xFF22; no OTA image).

Inferred, not seen for this model: endpoint 3's relay unused; the heartbeat's 100 is the
relay's state.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_onoff_clicks import onoff_clicks_twin

TWIN = onoff_clicks_twin(
    zigbee_model="lumi.switch.b1lacn02",
    z2m_model="QBKG21LM",
    relays={2: "state"},
    buttons={"main": ButtonSpec(4, (2,))},
    exposes_chip_temperature=False,
    d1=True,
    firmware=26,
)
