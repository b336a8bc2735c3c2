"""WXKG03LM_rev1, Aqara 86-box wireless remote, one button, ``lumi.sensor_86sw1``.

Facts: ZHA's signature (see _aqara_remote.remote_86_endpoints); Zigbee2MQTT's library
(a click as the OnOff attribute of the button's endpoint; the battery in the genBasic
0xFF01 heartbeat; prevent-reset). The heartbeat layout is inferred from the WXKG11LM's.
"""

from __future__ import annotations

from ..behaviours import PreventReset
from ._aqara_remote import onoff_click, remote_86_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.sensor_86sw1",),
    z2m_model="WXKG03LM_rev1",
    endpoints=remote_86_endpoints(),
    gestures={"single": onoff_click(1)},
    basic_heartbeat=True,
    settings=lambda: (PreventReset(),),
    xiaomi_oui=True,
)
