"""QBKG22LM, Aqara smart wall switch D1 (no neutral, double rocker), ``lumi.switch.b2lacn02``.

Facts: its descriptors (zha-device-handlers#492: endpoint 1 of device type 6 with Basic,
Identify, PowerConfiguration, DeviceTemperature, OTA and Time; 2 and 3 with BinaryOutput,
OnOff, Groups and Scenes; 4-6 with MultistateInput and OnOff); a dump (sprut/Hub#464:
application version 28, hardware 54, power source 4); Zigbee2MQTT lumi.js (an end device;
relays on endpoints 2 left and 3 right; clicks as OnOff reports of endpoints 4 left, 5
right, 6 both; the rockers' modes in genBasic 0xFF22 / 0xFF23; no OTA image).

Inferred from the single-rocker QBKG21LM, not seen for this model: the heartbeat.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_onoff_clicks import onoff_clicks_twin

TWIN = onoff_clicks_twin(
    zigbee_model="lumi.switch.b2lacn02",
    z2m_model="QBKG22LM",
    relays={2: "state_left", 3: "state_right"},
    buttons={
        "left": ButtonSpec(4, (2,)),
        "right": ButtonSpec(5, (3,)),
        "both": ButtonSpec(6, (2, 3)),
    },
    aliases={"1": "left", "2": "right"},
    exposes_chip_temperature=False,
    d1=True,
    firmware=28,
)
