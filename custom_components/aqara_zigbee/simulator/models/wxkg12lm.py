"""WXKG12LM, Aqara wireless mini switch with gyroscope, ``lumi.sensor_switch.aq3``.

Facts: ZHA's signature (endpoint 1, device type 0x5F01: Basic, PowerConfiguration, OnOff,
MultistateInput); Zigbee2MQTT's library (MultistateInput 1 single, 2 double, 16 hold,
17 release, 18 shake; battery in the genBasic 0xFF01 heartbeat). Its heartbeat layout is
inferred from the WXKG11LM's.
"""

from __future__ import annotations

from ..clusters import BASIC, MULTISTATE_INPUT, ON_OFF, POWER_CONFIGURATION
from ..profile import EndpointSpec
from ._aqara_remote import multistate_gestures, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.sensor_switch.aq3", "lumi.sensor_swit"),
    z2m_model="WXKG12LM",
    endpoints=(
        EndpointSpec(1, 0x5F01, (BASIC, POWER_CONFIGURATION, ON_OFF, MULTISTATE_INPUT), (BASIC,)),
    ),
    gestures=multistate_gestures(
        {1: None}, {"single": 1, "double": 2, "hold": 16, "release": 17, "shake": 18}
    ),
    basic_heartbeat=True,
    xiaomi_oui=True,
)
