"""WXKG11LM, Aqara wireless mini switch, ``lumi.sensor_switch.aq2`` / ``lumi.remote.b1acn01``.

Facts: ZHA's signatures (aq2: endpoint 1, device type 0x5F01, Basic, OnOff and 0xFFFF;
b1acn01: device type 0x0103 with Basic, Identify, MultistateInput); Zigbee2MQTT's library
(the aq2 tells a single click as OnOff true and a multi-click as a count in OnOff 0x8000;
the b1acn01 sends MultistateInput 0 hold and 255 release); a real genBasic 0xFF01
heartbeat (see _aqara_remote). One twin for both firmwares: clicks as the aq2 sends them,
hold and release as the b1acn01 does (the aq2 has no hold).
"""

from __future__ import annotations

from ..clusters import BASIC, IDENTIFY, MULTISTATE_INPUT, ON_OFF
from ..profile import EndpointSpec
from ._aqara_remote import click_count, multistate, onoff_click, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.sensor_switch.aq2", "lumi.remote.b1acn01"),
    z2m_model="WXKG11LM",
    endpoints=(
        EndpointSpec(
            1, 0x5F01, (BASIC, IDENTIFY, ON_OFF, MULTISTATE_INPUT), (BASIC, 0x0004, ON_OFF)
        ),
    ),
    gestures={
        "single": onoff_click(1),
        "double": (click_count(1, 2),),
        "triple": (click_count(1, 3),),
        "quadruple": (click_count(1, 4),),
        "hold": (multistate(1, 0),),
        "release": (multistate(1, 255),),
    },
    identify_exposed=True,  # Zigbee2MQTT's m.identify
    basic_heartbeat=True,
    chip_temperature_exposed=True,
    outages_exposed=True,
    xiaomi_oui=True,
    app_version=3,  # the aq2's, as in its interview (doudz/zigate#63)
)
