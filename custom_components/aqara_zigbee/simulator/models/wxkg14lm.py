"""WXKG14LM, Aqara wireless remote switch H1 (single rocker), ``lumi.remote.b18ac1``.

Facts: ZHA's signature (endpoint 1, device type 0x0103: Basic, PowerConfiguration,
Identify; out Identify, OnOff); Zigbee2MQTT's library (MultistateInput 1-3 clicks, 0 hold;
click mode in 0xFCC0 0x0125, in heartbeat index 100 too; operation mode in 0xFCC0 0x0009).
Inferred: the heartbeat's other indexes. Command mode's OnOff toggles are not simulated.
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
    zigbee_models=("lumi.remote.b18ac1",),
    z2m_model="WXKG14LM",
    endpoints=remote_endpoints(1),
    gestures=multistate_gestures({1: None}, {"single": 1, "double": 2, "triple": 3, "hold": 0}),
    basic_heartbeat=False,
    power_cfg=False,
    settings=lambda: (click_mode_setting(), operation_mode_setting()),
    click_mode_in_heartbeat=True,
)
