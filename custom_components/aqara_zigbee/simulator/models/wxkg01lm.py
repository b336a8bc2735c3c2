"""WXKG01LM, Xiaomi Mi wireless switch, ``lumi.sensor_switch``.

Facts: ZHA's signature (endpoint 1, device type 0x0104: Basic, Identify, OTA; out Basic,
Identify, Groups, Scenes, OnOff, LevelControl, OTA); Zigbee2MQTT's library (OnOff 0 when
the button goes down, 1 when it comes up; a multi-click as a count in OnOff 0x8000; the
genBasic 0xFF01 heartbeat with the battery and power-on count). Inferred: OnOff reported
from endpoint 1 (served though not declared), the heartbeat layout as the WXKG11LM's.
"""

from __future__ import annotations

from ..clusters import BASIC, IDENTIFY, ON_OFF, OTA
from ..profile import EndpointSpec
from ._aqara_remote import HOLD_S, click_count, onoff, remote_twin

#: how long a quick click keeps the button down (simulated seconds)
CLICK_S = 0.1

TWIN = remote_twin(
    zigbee_models=("lumi.sensor_switch",),
    z2m_model="WXKG01LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0104,
            (BASIC, IDENTIFY, OTA),
            (BASIC, IDENTIFY, 0x0004, 0x0005, ON_OFF, 0x0008, OTA),
            hidden_clusters=(ON_OFF,),
        ),
    ),
    gestures={
        "single": (onoff(1, False), onoff(1, True, delay=CLICK_S)),
        "double": (click_count(1, 2),),
        "triple": (click_count(1, 3),),
        "quadruple": (click_count(1, 4),),
        # pressed and kept down (the hub calls it a hold after its hold timeout)
        "hold": (onoff(1, False),),
        # pressed, held past the hub's hold timeout, then let go
        "release": (onoff(1, False), onoff(1, True, delay=HOLD_S)),
        "many": (click_count(1, 5),),
    },
    basic_heartbeat=True,
    outages_exposed=True,
    xiaomi_oui=True,
)
