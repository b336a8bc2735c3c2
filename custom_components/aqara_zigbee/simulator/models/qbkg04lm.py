"""QBKG04LM, Aqara smart wall switch (no neutral, single rocker), ``lumi.ctrl_neutral1``.

End device (no neutral). Facts: Zigbee2MQTT's library (the relay on endpoint 2; clicks as
OnOff reports of endpoint 4: 0 held, 1 released, 2 double-clicked; the rocker's mode in
genBasic 0xFF22, 0x12 control_relay / 0xFE decoupled; prevent-reset); a unit switched
through endpoint 2 (TedTolboom/com.xiaomi-mi-zigbee#214); OTA image type 0x0101, file
version 22 (zigbee-OTA index). Inferred from its successor QBKG21LM, whose descriptors
are the same (zha-device-handlers#492): endpoints 1-6 and their clusters, the genBasic
0xFF01 heartbeat's layout.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_onoff_clicks import onoff_clicks_twin

TWIN = onoff_clicks_twin(
    zigbee_model="lumi.ctrl_neutral1",
    z2m_model="QBKG04LM",
    relays={2: "state"},
    buttons={"main": ButtonSpec(4, (2,))},
    exposes_chip_temperature=False,
    d1=False,
    firmware=22,
)
