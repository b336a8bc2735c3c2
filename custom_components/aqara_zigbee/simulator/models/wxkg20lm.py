"""WXKG20LM, Aqara wireless mini switch E1, ``lumi.remote.acn007``.

Facts: Zigbee2MQTT's library (MultistateInput 1 single, 2 double, 0 hold, 255 release;
genPowerCfg battery; the 0xFCC0 heartbeat with chip temperature and power-on count).
Inferred: endpoint 1 as the E1 single rocker's, the heartbeat layout.
"""

from __future__ import annotations

from ._aqara_remote import multistate_gestures, remote_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.remote.acn007",),
    z2m_model="WXKG20LM",
    endpoints=remote_endpoints(1),
    gestures=multistate_gestures({1: None}, {"single": 1, "double": 2, "hold": 0, "release": 255}),
    basic_heartbeat=False,
    power_cfg=True,
    chip_temperature_exposed=True,
    outages_exposed=True,
)
