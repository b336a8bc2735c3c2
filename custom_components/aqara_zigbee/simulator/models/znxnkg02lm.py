"""ZNXNKG02LM, Aqara smart rotary knob H1 (wireless), ``lumi.remote.rkba01``.

Facts: ZHA's quirk (endpoint 1 with PowerConfiguration, MultistateInput and 0xFCC0;
rotations from endpoints 71 and 72, see behaviours.knob; an end device although its MAC
capabilities claim mains); Zigbee2MQTT's library (operation mode in 0xFCC0 0x0009;
sensitivity in 0xFCC0 0x0234, 720/360/180; the battery in the 0xFCC0 heartbeat;
prevent-reset). Inferred: endpoint 1's other clusters, the heartbeat layout, medium
sensitivity and event mode out of the box.
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    PreventReset,
)
from ..behaviours.knob import Knob
from ..behaviours.sleepy import BatteryCell, Sleepy
from ..clusters import (
    BASIC,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    POWER_CONFIGURATION,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_remote import BATTERY_POWERED, COIN_CELL_PERCENT, lumi_heartbeat_layout

TWIN = Twin(
    zigbee_models=("lumi.remote.rkba01",),
    z2m_model="ZNXNKG02LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0104,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, MULTISTATE_INPUT),
            (IDENTIFY, ON_OFF),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(71, 0x0104, declared=False, hidden_clusters=(LUMI_CLUSTER,)),
        EndpointSpec(72, 0x0203, declared=False, hidden_clusters=(LUMI_CLUSTER,)),
    ),
    power_source=BATTERY_POWERED,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(COIN_CELL_PERCENT),
        Knob(),
        ChipTemperature(exposed=False),
        PowerOutageCounter(exposed=False),
        Identify(),
        LumiSetting(
            "operation_mode", 0x0009, DataType.UINT8, {"event": 1, "command": 0}, default=1
        ),
        LumiSetting(
            "sensitivity",
            0x0234,
            DataType.UINT16,
            {"low": 720, "medium": 360, "high": 180},
            default=360,
        ),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, lumi_heartbeat_layout()),
    ],
)
