"""QBKG03LM, Aqara smart wall switch (no neutral, double rocker), ``lumi.ctrl_neutral2``.

End device (no neutral). Facts: Zigbee2MQTT's library (relays on endpoints 2 (left) and 3
(right), at heartbeat indexes 100 and 101; clicks as OnOff reports of endpoints 4 (left),
5 (right) and 6 (both): 0 held, 1 released, 2 double-clicked; rocker modes in genBasic
0xFF22/0xFF23, 0x12 control_left_relay, 0x22 control_right_relay, 0xFE decoupled; the
genBasic 0xFF01 heartbeat with the chip temperature; prevent-reset); OTA image type
0x0101, file version 22 (zigbee-OTA index). Inferred from the single-rocker generation's
descriptors (QBKG21LM, zha-device-handlers#492): endpoints 1-6 and their clusters.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_onoff_clicks import onoff_clicks_twin

TWIN = onoff_clicks_twin(
    zigbee_model="lumi.ctrl_neutral2",
    z2m_model="QBKG03LM",
    relays={2: "state_left", 3: "state_right"},
    buttons={
        "left": ButtonSpec(4, (2,)),
        "right": ButtonSpec(5, (3,)),
        "both": ButtonSpec(6, (2, 3)),
    },
    aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
    exposes_chip_temperature=True,
    d1=False,
    firmware=22,
)
