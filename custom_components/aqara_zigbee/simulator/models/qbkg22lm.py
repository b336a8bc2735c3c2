"""QBKG22LM, Aqara smart wall switch D1 (no neutral, double rocker), ``lumi.switch.b2lacn02``.

Facts: its descriptors (zha-device-handlers#492: endpoint 1 of device type 6 with Basic,
Identify, PowerConfiguration, DeviceTemperature, OTA and Time; 2 and 3 with BinaryOutput,
OnOff, Groups and Scenes; 4-6 with MultistateInput and OnOff); a dump (sprut/Hub#464:
application version 28, hardware 54, power source 4); Zigbee2MQTT lumi.js (an end device;
relays on endpoints 2 left and 3 right; clicks as OnOff reports of endpoints 4 left, 5
right, 6 both; the rockers' modes in genBasic 0xFF22 / 0xFF23; no OTA image).

Inferred from the single-rocker QBKG21LM, not seen for this model: the heartbeat.
"""

from __future__ import annotations

from ..behaviours import (
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
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

TWIN = Twin(
    zigbee_models=("lumi.switch.b2lacn02",),
    z2m_model="QBKG22LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
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
    app_version=28,
    hw_version=54,
    power_source=0x04,  # what the firmware says (DC), although it runs on mains
    behaviours=lambda: [
        Relays({2: "state_left", 3: "state_right"}),
        OnOffClicks(
            {
                "left": ButtonSpec(4, (2,)),
                "right": ButtonSpec(5, (3,)),
                "both": ButtonSpec(6, (2, 3)),
            },
            aliases={"1": "left", "2": "right"},
            actions=tuple(
                f"{kind}_{button}"
                for kind in ("release", "hold", "double", "single", "hold_release")
                for button in ("left", "right", "both")
            ),
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
        ChipTemperature(exposed=False),
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
                (8, DataType.UINT16, constant(13850)),
                (153, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (155, DataType.UINT8, constant(0)),
                (110, DataType.UINT8, constant(0)),
                (111, DataType.UINT8, constant(255)),
            ),
        ),
    ],
)
