"""WS-USC02, Aqara smart wall switch (no neutral, double rocker), ``lumi.switch.b2laus01``.

End device. The simple descriptors hide 0xFCC0, 0x0012 and the button endpoints 41 (top),
42 (bottom) and 51 (both), yet the firmware serves and sends from all of them. Event
(multi-click) mode is off until the hub writes FCC0 0x0009 = 1 (reference/devices.md;
Zigbee2MQTT lumi.js, ``lumi.switch.b2laus01``).
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
    setting,
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
    zigbee_models=("lumi.switch.b2laus01",),
    z2m_model="WS-USC02",
    seed=4,
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    app_version=32,
    date_code="11-10-2021",
    sw_build_id="0.0.0_0032",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state_top", 2: "state_bottom"}),
        Buttons(
            {
                "top": ButtonSpec(41, (1,)),
                "bottom": ButtonSpec(42, (2,)),
                "both": ButtonSpec(51, (1, 2)),
            },
            aliases={
                "left": "top",
                "up": "top",
                "1": "top",
                "right": "bottom",
                "down": "bottom",
                "2": "bottom",
            },
            gestures=ALL_GESTURES,
            # The page's actions; the firmware also sends triple, hold and release
            actions=tuple(
                f"{kind}_{button}"
                for kind in ("single", "double")
                for button in ("top", "bottom", "both")
            ),
            decoupling=True,
            default_event_mode=0,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOutageMemory(default=True),
        LumiSetting(
            "mode_switch",
            0x0004,
            DataType.UINT16,
            {"anti_flicker_mode": 4, "quick_mode": 1},
            default=4,
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        PreventReset(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (3, DataType.INT8, chip_temperature),
                (4, DataType.UINT16, setting("mode_switch")),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(288)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0290),
    ],
)
