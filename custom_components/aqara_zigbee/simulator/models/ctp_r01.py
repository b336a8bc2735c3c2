"""CTP-R01, Aqara Cube T1 Pro, ``lumi.remote.cagl02``.

Facts: a ZHA quirk's signature (endpoint 1, 0x0103: Basic, PowerConfiguration, Identify,
OnOff, MultistateInput, out Basic, Identify, OTA; 2: MultistateInput; 3: AnalogInput);
Zigbee2MQTT's library (gestures as in behaviours.cube, sides 1-6, the side set up in
0xFCC0 0x0149; operation mode in 0xFCC0 0x0148 and heartbeat index 155; the 0xFCC0
heartbeat); OTA image type 0x2288 (zigbee-OTA index). Inferred: gestures from endpoint 2
as on the older cube, the heartbeat's other indexes.
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Heartbeat,
    Identify,
    LumiSetting,
    OtaUpdates,
    PowerOutageCounter,
)
from ..behaviours.cube import T1_PRO, Cube
from ..behaviours.heartbeat import setting
from ..behaviours.sleepy import BatteryCell, Sleepy
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_remote import BATTERY_POWERED, COIN_CELL_PERCENT, lumi_heartbeat_layout

TWIN = Twin(
    zigbee_models=("lumi.remote.cagl02",),
    z2m_model="CTP-R01",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0103,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, ON_OFF, MULTISTATE_INPUT),
            (BASIC, IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0103, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,)),
        EndpointSpec(3, 0x0103, (ANALOG_INPUT,), (ANALOG_INPUT,)),
    ),
    power_source=BATTERY_POWERED,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(COIN_CELL_PERCENT),
        Cube(
            T1_PRO,
            actions=(
                "shake",
                "throw",
                "tap",
                "slide",
                "flip180",
                "flip90",
                "hold",
                "side_up",
                "rotate_left",
                "rotate_right",
                "1_min_inactivity",
                "flip_to_side",
            ),
            side_keys=("side", "action_from_side"),
        ),
        ChipTemperature(exposed=False),
        PowerOutageCounter(exposed=True),
        Identify(),
        LumiSetting(
            "operation_mode",
            0x0148,
            DataType.UINT8,
            {"action_mode": 0, "scene_mode": 1},
            default=0,
        ),
        OtaUpdates(0x2288),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (*lumi_heartbeat_layout(), (155, DataType.UINT8, setting("operation_mode"))),
        ),
    ],
)
