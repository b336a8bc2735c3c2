"""WXKG13LM, Aqara wireless mini switch T1, ``lumi.remote.b1acn02``.

Facts: ZHA's signature (endpoint 1, device type 0x0103: Basic, PowerConfiguration,
Identify; out Identify, OnOff, OTA); Zigbee2MQTT's library (MultistateInput 1-6 clicks,
0 hold, 255 release, in event mode written at pairing; genPowerCfg battery and the 0xFCC0
heartbeat); OTA image type 0x2188 (zigbee-OTA index). Inferred: the heartbeat layout.
"""

from __future__ import annotations

from ..behaviours import OtaUpdates
from ._aqara_remote import (
    multistate_gestures,
    operation_mode_setting,
    remote_endpoints,
    remote_twin,
)

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b1acn02",),
    z2m_model="WXKG13LM",
    endpoints=remote_endpoints(1),
    gestures=multistate_gestures(
        {1: None},
        {
            "single": 1,
            "double": 2,
            "triple": 3,
            "quadruple": 4,
            "quintuple": 5,
            "hold": 0,
            "release": 255,
            "many": 6,
        },
    ),
    basic_heartbeat=False,
    power_cfg=True,
    # the event mode Zigbee2MQTT writes at pairing, not a property of the page
    settings=lambda: (operation_mode_setting(exposed=False), OtaUpdates(0x2188)),
)
