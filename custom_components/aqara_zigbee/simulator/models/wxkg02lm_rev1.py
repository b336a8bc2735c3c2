"""WXKG02LM_rev1, Aqara 86-box wireless remote, two buttons, ``lumi.sensor_86sw2``.

Facts: ZHA's signature (see _aqara_remote.remote_86_endpoints); Zigbee2MQTT's library
(a click as the OnOff attribute of endpoint 1 left, 2 right, 3 both; the battery and
power-on count in the genBasic 0xFF01 heartbeat; prevent-reset). The heartbeat layout is
inferred from the WXKG11LM's.
"""

from __future__ import annotations

from ..behaviours import PreventReset
from ._aqara_remote import onoff_click, remote_86_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.sensor_86sw2", "lumi.sensor_86sw2.es1"),
    z2m_model="WXKG02LM_rev1",
    endpoints=remote_86_endpoints(),
    gestures={
        f"single_{name}": onoff_click(endpoint)
        for endpoint, name in {1: "left", 2: "right", 3: "both"}.items()
    },
    basic_heartbeat=True,
    outages_exposed=True,
    settings=lambda: (PreventReset(),),
    xiaomi_oui=True,
)
