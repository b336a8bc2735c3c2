"""WXKG07LM, Aqara 86-box wireless remote, two buttons, ``lumi.remote.b286acn02``.

Facts: ZHA's signature (see _aqara_remote.remote_86_endpoints); Zigbee2MQTT's library
(endpoint 1 left, 2 right, 3 both: a single click as the OnOff attribute, a double click
(2) and a hold (0) as MultistateInput; the battery in the genBasic 0xFF01 heartbeat;
prevent-reset). The heartbeat layout is inferred from the WXKG11LM's.
"""

from __future__ import annotations

from ..behaviours import PreventReset
from ._aqara_remote import multistate_gestures, onoff_click, remote_86_endpoints, remote_twin

BUTTONS = {1: "left", 2: "right", 3: "both"}

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b286acn02",),
    z2m_model="WXKG07LM",
    endpoints=remote_86_endpoints(),
    gestures={
        **{f"single_{name}": onoff_click(endpoint) for endpoint, name in BUTTONS.items()},
        **multistate_gestures(BUTTONS, {"double": 2, "hold": 0}),
    },
    basic_heartbeat=True,
    settings=lambda: (PreventReset(),),
    xiaomi_oui=True,
)
