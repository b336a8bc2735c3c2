"""WXKG05LM, Aqara wireless remote switch T1 (single rocker), ``lumi.remote.b186acn03``.

Facts: Zigbee2MQTT's library (a single click as OnOff, double (2) and hold (0) as
MultistateInput; genPowerCfg battery and the 0xFCC0 heartbeat). Inferred, no public
signature of this id found: the newer remotes' endpoint 1 and heartbeat layout.
"""

from __future__ import annotations

from ._aqara_remote import multistate_gestures, onoff_click, remote_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b186acn03",),
    z2m_model="WXKG05LM",
    endpoints=remote_endpoints(1),
    gestures={"single": onoff_click(1), **multistate_gestures({1: None}, {"double": 2, "hold": 0})},
    basic_heartbeat=False,
    power_cfg=True,
)
