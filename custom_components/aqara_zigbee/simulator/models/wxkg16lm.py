"""WXKG16LM, Aqara wireless remote switch E1 (single rocker), ``lumi.remote.acn003``.

Facts: ZHA's signature (endpoint 1, device type 0x0000: Basic, PowerConfiguration,
Identify, MultistateInput, 0xFCC0); Zigbee2MQTT's library (MultistateInput 1 single,
2 double, 0 hold; click mode in 0xFCC0 0x0125, in heartbeat index 100 too). Inferred: the
heartbeat's other indexes; single clicks only out of the box (Zigbee2MQTT writes multi).
"""

from __future__ import annotations

from ._aqara_remote import click_mode_setting, multistate_gestures, remote_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.remote.acn003",),
    z2m_model="WXKG16LM",
    endpoints=remote_endpoints(1),
    gestures=multistate_gestures({1: None}, {"single": 1, "double": 2, "hold": 0}),
    basic_heartbeat=False,
    power_cfg=False,
    settings=lambda: (click_mode_setting(),),
    click_mode_in_heartbeat=True,
)
