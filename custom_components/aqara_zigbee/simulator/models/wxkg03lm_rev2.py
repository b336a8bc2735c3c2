"""WXKG03LM_rev2, Aqara 86-box wireless remote, one button, ``lumi.remote.b186acn01``.

Facts: ZHA's signature (see _aqara_remote.remote_86_endpoints); Zigbee2MQTT's library
(a single click as the OnOff attribute of the button's endpoint, a double click
(2) and a hold (0) as MultistateInput; the battery in the genBasic 0xFF01 heartbeat;
prevent-reset). The heartbeat layout is inferred from the WXKG11LM's.
"""

from __future__ import annotations

from ..behaviours import PreventReset
from ._aqara_remote import multistate_gestures, onoff_click, remote_86_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b186acn01",),
    z2m_model="WXKG03LM_rev2",
    endpoints=remote_86_endpoints(),
    gestures={
        "single": onoff_click(1),
        **multistate_gestures({1: None}, {"double": 2, "hold": 0}),
    },
    basic_heartbeat=True,
    settings=lambda: (PreventReset(),),
    xiaomi_oui=True,
)
