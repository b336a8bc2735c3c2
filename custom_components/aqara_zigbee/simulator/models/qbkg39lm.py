"""QBKG39LM, Aqara smart wall switch E1 (no neutral, double rocker), ``lumi.switch.b2lc04``.

Facts: Zigbee2MQTT lumi.js (left relay on endpoint 1, right on 2; heartbeat indexes 100/101
the relays, 4 mode_switch; clicks single/double of left, right and both; the event-mode
write at configure; prevent reset); a public interview (zha-device-handlers#991: endpoint 1
in 0000, 0002, 0003, 0004, 0005, 0006, 0009, out 000A, 0019); the Koenkk/zigbee-OTA index
(image type 0x1A08, build 23).

Inferred from its siblings (WS-USC02, QBKG41LM), not seen for this model: an end device
(no neutral); endpoint 2's clusters; clicks from hidden endpoints 41 (left), 42 (right) and
51 (both); every gesture sent; the heartbeat's other entries.
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

#: Zigbee2MQTT's action strings: the gesture, then the rocker
ACTIONS = tuple(
    f"{kind}_{button}" for button in ("left", "right", "both") for kind in ("single", "double")
)

TWIN = Twin(
    zigbee_models=("lumi.switch.b2lc04",),
    z2m_model="QBKG39LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER, MULTISTATE_INPUT),
        ),
        EndpointSpec(2, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    app_version=23,
    date_code="07-01-2022",
    sw_build_id="0.0.0_0023",
    file_version=23,
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
            default_event_mode=0,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
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
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (4, DataType.UINT16, setting("mode_switch")),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(276)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1A08),
    ],
)
