"""QBKG38LM, Aqara smart wall switch E1 (no neutral, single rocker), ``lumi.switch.b1lc04``.

Facts: Zigbee2MQTT lumi.js (single/double clicks, operation_mode, mode_switch — carried in
the heartbeat at index 4 —, flip_indicator_light, power_outage_memory, the event-mode write
at configure, prevent reset); the Koenkk/zigbee-OTA index (image type 0x1988, build 23).
Endpoint 1 as the double-rocker QBKG39LM declares it (zha-device-handlers#991: in 0000,
0002, 0003, 0004, 0005, 0006, 0009, out 000A, 0019; 0xFCC0 and 0x0012 served undeclared).

Inferred from its siblings, not seen for this model: an end device (no neutral); clicks
from hidden endpoint 41; hold and release sent too; the heartbeat's layout.
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
    zigbee_models=("lumi.switch.b1lc04",),
    z2m_model="QBKG38LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER, MULTISTATE_INPUT),
        ),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    app_version=23,
    date_code="07-01-2022",
    sw_build_id="0.0.0_0023",
    file_version=23,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons(
            {"main": ButtonSpec(41, (1,))},
            gestures=frozenset(
                {PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}
            ),
            actions=("single", "double"),
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
                (4, DataType.UINT16, setting("mode_switch")),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(276)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1988),
    ],
)
