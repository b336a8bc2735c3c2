"""QBKG41LM, Aqara smart wall switch E1 (with neutral, double rocker), ``lumi.switch.b2nc01``.

Router. Facts: Zigbee2MQTT lumi.js (left relay on endpoint 1, right on 2, heartbeat
indexes 100/101; clicks single/double of left, right and both; the event-mode write at
configure; prevent reset); a public interview (sprut/Hub#741: 0xFCC0 and 0x0012 served on
endpoint 1, build 20, heartbeat ``{3=27, 100=false, 101=false, 5=1, 8=276, 9=256, 154=0,
10=0, 11=0}``); zha-device-handlers#2514/#4232 (endpoint 1 in 0000, 0002, 0003, 0004, 0005,
0006, 0009, out 000A, 0019; endpoint 2 in 0000, 0003, 0004, 0005, 0006); the
Koenkk/zigbee-OTA index (image type 0x1908, build 29).

Inferred from its siblings, not seen for this model: clicks from hidden endpoints 41 (left),
42 (right) and 51 (both); every gesture sent.
"""

from __future__ import annotations

from ..behaviours import (
    ALL_GESTURES,
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    OtaUpdates,
    PowerOutageCounter,
    PowerOutageMemory,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..clusters import (
    ALARMS,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

#: Zigbee2MQTT's action strings: the gesture, then the rocker
ACTIONS = tuple(
    f"{kind}_{button}" for button in ("left", "right", "both") for kind in ("single", "double")
)

TWIN = Twin(
    zigbee_models=("lumi.switch.b2nc01",),
    z2m_model="QBKG41LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER, MULTISTATE_INPUT),
        ),
        EndpointSpec(
            2,
            0x0100,
            (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    app_version=29,
    date_code="07-29-2024",
    sw_build_id="0.0.0_0029",
    file_version=29,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_right"}),
        Buttons(
            {
                "left": ButtonSpec(41, (1,)),
                "right": ButtonSpec(42, (2,)),
                "both": ButtonSpec(51, (1, 2)),
            },
            aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
            gestures=ALL_GESTURES,
            actions=ACTIONS,
            decoupling=True,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=True),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        PreventReset(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(276)),
                (9, DataType.UINT16, constant(256)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1908),
    ],
)
