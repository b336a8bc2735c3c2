"""WXKG21LM, Aqara wireless remote switch H1M (single rocker), ``lumi.remote.acn008``.

Facts: Zigbee2MQTT's library (MultistateInput 1 single, 2 double, 0 hold; click mode in
0xFCC0 0x0125 and event mode 0x0009, both written at pairing; genPowerCfg battery).
Inferred: endpoint 1 as the H1 single rocker's, the heartbeat layout.
"""

from __future__ import annotations

from ._aqara_remote import (
    click_mode_setting,
    multistate_gestures,
    operation_mode_setting,
    remote_endpoints,
    remote_twin,
)

TWIN = remote_twin(
    zigbee_models=("lumi.remote.acn008",),
    z2m_model="WXKG21LM",
    endpoints=remote_endpoints(1),
    gestures=multistate_gestures({1: None}, {"single": 1, "double": 2, "hold": 0}),
    basic_heartbeat=False,
    power_cfg=True,
    settings=lambda: (click_mode_setting(), operation_mode_setting(exposed=False)),
)
