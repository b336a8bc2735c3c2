"""WXKG15LM, Aqara wireless remote switch H1 (double rocker), ``lumi.remote.b28ac1``.

Facts: ZHA's signature (endpoint 1 with Basic, PowerConfiguration, Identify; endpoints 2
and 3); Zigbee2MQTT's library (1 left, 2 right, 3 both: MultistateInput 1-3 clicks,
0 hold; click mode in 0xFCC0 0x0125; operation mode in 0xFCC0 0x0009; genPowerCfg battery).
Inferred: the heartbeat layout. Command mode's OnOff toggles are not simulated.
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
    zigbee_models=("lumi.remote.b28ac1",),
    z2m_model="WXKG15LM",
    endpoints=remote_endpoints(3),
    gestures=multistate_gestures(BUTTONS, CLICKS),
    identify_exposed=True,  # Zigbee2MQTT's m.identify
    basic_heartbeat=False,
    power_cfg=True,
    settings=lambda: (click_mode_setting(), operation_mode_setting()),
)
