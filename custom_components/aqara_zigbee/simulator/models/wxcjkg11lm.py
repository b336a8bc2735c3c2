"""WXCJKG11LM, Aqara Opple wireless switch (single band), ``lumi.remote.b286opcn01``.

Facts: ZHA's signature of the Opple remotes (endpoint 1, device type 0x0105: Basic,
Identify, PowerConfiguration; out Identify, OnOff, LevelControl...); Zigbee2MQTT's library
(in event mode, MultistateInput from each button's endpoint 1-2: 0 hold, 255 release,
1-3 clicks; operation mode in 0xFCC0 0x0009; genPowerCfg battery). Inferred: one endpoint
per further button, the heartbeat layout. In command mode it sends
the commands of _aqara_remote.opple_commands instead.
"""

from __future__ import annotations

from ._aqara_remote import (
    operation_mode_setting,
    opple_commands,
    opple_gestures,
    remote_endpoints,
    remote_twin,
)

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b286opcn01",),
    z2m_model="WXCJKG11LM",
    endpoints=remote_endpoints(2, device_type=0x0105),
    gestures=opple_gestures(2),
    commands=opple_commands(2),
    basic_heartbeat=False,
    power_cfg=True,
    settings=lambda: (operation_mode_setting(),),
)
