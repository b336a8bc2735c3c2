"""QBKG12LM, Aqara smart wall switch (with neutral, double rocker), ``lumi.ctrl_ln2.aq1``.

Router. Facts: a unit's structure (sprut/Hub#953, lumi.ctrl_ln2, firmware 32, date code
06-25-2018): endpoint 1 with Basic (0xFF22/0xFF23 mapping modes 18, the 0xFF01 heartbeat
``{3: 26, 100: true, 101: false, 149: 110.96, 5: 30, 7: ..., 152: 35.85, 8: 4128, 9: 1024,
154: 0}``), BinaryOutput, PowerConfiguration (mains voltage 2340), DeviceTemperature,
Identify, Groups, Scenes, OnOff, Time. Zigbee2MQTT's library: the right relay on endpoint 2;
clicks as MultistateInput presentValue (0 hold, 1 single, 2 double, 255 release) from
endpoints 5 (left), 6 (right) and 7 (both); operation modes 0x12 control_left_relay,
0x22 control_right_relay, 0xFE decoupled; power in AnalogInput. OTA image type 0x0101,
file version 95 (zigbee-OTA index). Inferred: AnalogInput on endpoint 3.
"""

from __future__ import annotations

from ..behaviours import (
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    Metering,
    OtaUpdates,
    PowerOutageCounter,
    PressKind,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import LEFT_ROCKER, RIGHT_ROCKER, BasicOperationMode
from ..clusters import (
    ANALOG_INPUT,
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

GESTURES = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})
MODES = {"control_left_relay": 0x12, "control_right_relay": 0x22, "decoupled": 0xFE}
RIGHT_MODES = {"control_right_relay": 0x22, "control_left_relay": 0x12, "decoupled": 0xFE}

TWIN = Twin(
    zigbee_models=("lumi.ctrl_ln2.aq1", "lumi.ctrl_ln2"),
    z2m_model="QBKG12LM",
    ieee_oui=bytes.fromhex("00158d"),
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                POWER_CONFIGURATION,
                DEVICE_TEMPERATURE,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                TIME,
                BINARY_OUTPUT,
            ),
            (TIME, OTA),
        ),
        EndpointSpec(2, 0x0051, (GROUPS, SCENES, ON_OFF, BINARY_OUTPUT)),
        EndpointSpec(3, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT,)),
        EndpointSpec(5, 0x0100, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,)),
        EndpointSpec(6, 0x0100, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,)),
        EndpointSpec(7, 0x0100, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,)),
    ),
    zcl_version=1,
    app_version=32,
    hw_version=18,
    date_code="06-25-2018",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_right"}, binary_output=True),
        Buttons(
            {
                "left": ButtonSpec(5, (1,)),
                "right": ButtonSpec(6, (2,)),
                "both": ButtonSpec(7, (1, 2)),
            },
            aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
            gestures=GESTURES,
            actions=tuple(
                f"{kind}_{button}"
                for kind in ("single", "double", "hold", "release")
                for button in ("left", "right", "both")
            ),
        ),
        BasicOperationMode(
            {
                LEFT_ROCKER: ("operation_mode_left", 1, MODES),
                # the right rocker comes driving the right relay (0x22 first)
                RIGHT_ROCKER: ("operation_mode_right", 2, RIGHT_MODES),
            }
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        Metering(power_endpoint=3, mains_in_power_configuration=True),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (149, DataType.FLOAT, metering.energy_kwh),
                (5, DataType.UINT16, power_on_count),
                (7, DataType.UINT64, constant(0)),
                (152, DataType.FLOAT, metering.power_w),
                (8, DataType.UINT16, constant(4128)),
                (9, DataType.UINT16, constant(1024)),
                (154, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
