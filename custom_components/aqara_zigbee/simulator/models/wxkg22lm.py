"""WXKG22LM, Aqara wireless remote switch H1M (double rocker), ``lumi.remote.acn009``.

Facts: Zigbee2MQTT's library (1 left, 2 right, 3 both: MultistateInput 1-3 clicks,
0 hold; click mode in 0xFCC0 0x0125; operation mode in 0xFCC0 0x0009; genPowerCfg
battery). Inferred: the H1 double rocker's endpoints, the heartbeat layout.
"""

from __future__ import annotations

from ._aqara_remote import (
    click_mode_setting,
    multistate_gestures,
    operation_mode_setting,
    remote_endpoints,
    remote_twin,
)

BUTTONS = {1: "left", 2: "right", 3: "both"}
CLICKS = {"single": 1, "double": 2, "triple": 3, "hold": 0}

TWIN = remote_twin(
    zigbee_models=("lumi.remote.acn009",),
    z2m_model="WXKG22LM",
    endpoints=remote_endpoints(3),
    gestures=multistate_gestures(BUTTONS, CLICKS),
    basic_heartbeat=False,
    power_cfg=True,
    settings=lambda: (click_mode_setting(), operation_mode_setting()),
)
