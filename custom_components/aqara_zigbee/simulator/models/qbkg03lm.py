"""QBKG03LM, Aqara smart wall switch (no neutral, double rocker), ``lumi.ctrl_neutral2``.

End device (no neutral). Facts: Zigbee2MQTT's library (relays on endpoints 2 (left) and 3
(right), at heartbeat indexes 100 and 101; clicks as OnOff reports of endpoints 4 (left),
5 (right) and 6 (both): 0 held, 1 released, 2 double-clicked; rocker modes in genBasic
0xFF22/0xFF23, 0x12 control_left_relay, 0x22 control_right_relay, 0xFE decoupled; the
genBasic 0xFF01 heartbeat with the chip temperature; prevent-reset); OTA image type
0x0101, file version 22 (zigbee-OTA index). Inferred from the single-rocker generation's
descriptors (QBKG21LM, zha-device-handlers#492): endpoints 1-6 and their clusters.
"""

from __future__ import annotations

from ..behaviours import (
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    OtaUpdates,
    PowerOutageCounter,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import (
    CONTROL_LEFT_RELAY,
    CONTROL_RIGHT_RELAY,
    DECOUPLED,
    LEFT_ROCKER,
    RIGHT_ROCKER,
    BasicOperationMode,
)
from ..behaviours.onoff_clicks import OnOffClicks
from ..clusters import (
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

BUTTONS = ("left", "right", "both")
KINDS = ("release", "hold", "double", "single", "hold_release")

TWIN = Twin(
    zigbee_models=("lumi.ctrl_neutral2",),
    z2m_model="QBKG03LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0006,
            (BASIC, IDENTIFY, POWER_CONFIGURATION, DEVICE_TEMPERATURE, OTA, TIME),
            (BASIC, TIME, OTA),
        ),
        *(
            EndpointSpec(endpoint, 0x0100, (BINARY_OUTPUT, ON_OFF, GROUPS, SCENES))
            for endpoint in (2, 3)
        ),
        *(EndpointSpec(endpoint, 0x0000, (MULTISTATE_INPUT, ON_OFF)) for endpoint in (4, 5, 6)),
    ),
    zcl_version=1,
    power_source=0x04,  # inferred from QBKG21LM: DC, although it runs on mains
    file_version=22,
    behaviours=lambda: [
        Relays({2: "state_left", 3: "state_right"}),
        OnOffClicks(
            {
                "left": ButtonSpec(4, (2,)),
                "right": ButtonSpec(5, (3,)),
                "both": ButtonSpec(6, (2, 3)),
            },
            aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
            # every action Zigbee2MQTT's converter publishes for the three endpoints
            actions=tuple(f"{kind}_{button}" for kind in KINDS for button in BUTTONS),
        ),
        BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode_left",
                    2,
                    {
                        "control_left_relay": CONTROL_LEFT_RELAY,
                        "control_right_relay": CONTROL_RIGHT_RELAY,
                        "decoupled": DECOUPLED,
                    },
                ),
                RIGHT_ROCKER: (
                    "operation_mode_right",
                    3,
                    {
                        "control_right_relay": CONTROL_RIGHT_RELAY,
                        "control_left_relay": CONTROL_LEFT_RELAY,
                        "decoupled": DECOUPLED,
                    },
                ),
            }
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PreventReset(),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (1, DataType.UINT16, constant(3300)),
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(2)),
                (101, DataType.BOOL, relay(3)),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
