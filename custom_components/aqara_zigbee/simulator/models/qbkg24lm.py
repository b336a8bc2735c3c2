"""QBKG24LM, Aqara smart wall switch D1 (with neutral, double rocker), ``lumi.switch.b2nacn02``.

Facts: a device dump (sprut/Hub#337: endpoint 1 with Basic, BinaryOutput, Power
Configuration, DeviceTemperature, Identify, Groups, Scenes, OnOff and Time; firmware 61;
the genBasic 0xFF01 heartbeat with relays 100/101, temperature 3, energy 149, power 152,
power-ups 5); Zigbee2MQTT lumi.js (relays on endpoints 1 left and 2 right; power as
AnalogInput presentValue; clicks as MultistateInput from endpoints 5 left, 6 right, 7 both;
the rockers' modes in genBasic 0xFF22 / 0xFF23: 0x12 control left relay, 0x22 control
right relay, 0xFE decoupled; OTA support); OTA image type 0x0101 from the Koenkk/zigbee-OTA
index; a router (ZHA signature, zha-device-handlers#423: mac capability 142).

Inferred, not seen for this model: AnalogInput on endpoint 3 (its older sibling's); the
load metered behind the left relay; hold, release and double sent for every rocker.
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
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
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

TWIN = Twin(
    zigbee_models=("lumi.switch.b2nacn02",),
    z2m_model="QBKG24LM",
    ieee_oui=bytes.fromhex("00158d"),
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                BINARY_OUTPUT,
                POWER_CONFIGURATION,
                DEVICE_TEMPERATURE,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                TIME,
            ),
            (OTA, TIME),
        ),
        EndpointSpec(2, 0x0100, (GROUPS, SCENES, ON_OFF)),
        EndpointSpec(3, 0x0002, (ANALOG_INPUT,)),
        EndpointSpec(5, 0x0000, (MULTISTATE_INPUT,)),
        EndpointSpec(6, 0x0000, (MULTISTATE_INPUT,)),
        EndpointSpec(7, 0x0000, (MULTISTATE_INPUT,)),
    ),
    zcl_version=1,
    app_version=61,
    hw_version=18,
    file_version=61,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_right"}, binary_output=True),
        Buttons(
            {
                "left": ButtonSpec(5, (1,)),
                "right": ButtonSpec(6, (2,)),
                "both": ButtonSpec(7, (1, 2)),
            },
            aliases={"1": "left", "2": "right"},
            gestures=frozenset(
                {PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}
            ),
            # Zigbee2MQTT's list: hold named for the left rocker only
            actions=(
                "hold_left",
                "single_left",
                "double_left",
                "single_right",
                "double_right",
                "single_both",
                "double_both",
            ),
        ),
        BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode_left",
                    1,
                    {"control_left_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
                ),
                RIGHT_ROCKER: (
                    "operation_mode_right",
                    2,
                    {"control_right_relay": CONTROL_RIGHT_RELAY, "decoupled": DECOUPLED},
                ),
            }
        ),
        ChipTemperature(exposed=False),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        Metering(power_endpoint=3),
        PreventReset(),
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
                (8, DataType.UINT16, constant(4157)),
                (9, DataType.UINT16, constant(1280)),
                (154, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
