"""QBKG40LM, Aqara E1 1 gang switch with neutral, ``lumi.switch.b1nc01``.

Router. Relay on endpoint 1; clicks (single, double; hold and release too) from hidden
endpoint 41; 0xFCC0 undeclared (reference/devices.md; Zigbee2MQTT lumi.js,
``lumi.switch.b1nc01``).
"""

from __future__ import annotations

from ..behaviours import (
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
    PressKind,
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

TWIN = Twin(
    zigbee_models=("lumi.switch.b1nc01",),
    z2m_model="QBKG40LM",
    seed=5,
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    app_version=29,
    date_code="06-09-2021",
    sw_build_id="0.0.0_0029",
    file_version=29,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons(
            {"main": ButtonSpec(41, (1,))},
            gestures=frozenset(
                {PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}
            ),
            actions=("single", "double"),
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
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(276)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1888),
    ],
)
