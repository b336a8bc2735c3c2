"""QBKG23LM, Aqara smart wall switch D1 (with neutral, single rocker), ``lumi.switch.b1nacn02``.

Facts: a device dump (sprut/Hub#393: endpoint 1 with Basic, BinaryOutput, Power
Configuration holding the mains voltage, DeviceTemperature, Identify, Groups, Scenes, OnOff
and Time; firmware 61; the genBasic 0xFF01 heartbeat with relay 100, temperature 3, energy
149, power 152, power-ups 5); Zigbee2MQTT lumi.js (a router; power as AnalogInput
presentValue; clicks single and release as MultistateInput; the rocker's mode in genBasic
0xFF22: 0x12 control relay, 0xFE decoupled; OTA support); OTA image type 0x0101 from the
Koenkk/zigbee-OTA index.

Inferred, not seen for this model: AnalogInput on endpoint 2 and clicks from endpoint 5
(its older siblings'); the heartbeat's voltage (index 150, in 0.1 V as the old plug's),
which Zigbee2MQTT exposes though the dump lacks it; hold and double sent too.
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
    DECOUPLED,
    LEFT_ROCKER,
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
    zigbee_models=("lumi.switch.b1nacn02",),
    z2m_model="QBKG23LM",
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
        EndpointSpec(2, 0x0002, (ANALOG_INPUT,)),
        EndpointSpec(5, 0x0000, (MULTISTATE_INPUT,)),
    ),
    zcl_version=1,
    app_version=61,
    hw_version=18,
    file_version=61,
    behaviours=lambda: [
        Relays({1: "state"}, binary_output=True),
        Buttons(
            {"main": ButtonSpec(5, (1,))},
            gestures=frozenset(
                {PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}
            ),
            actions=("single", "release"),
        ),
        BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode",
                    1,
                    {"control_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
                )
            }
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        Metering(
            power_endpoint=2,
            mains_in_power_configuration=True,
            exposes_mains=True,
            hidden=frozenset({"current"}),
        ),
        PreventReset(),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.UINT32, metering.decivolts),
                (5, DataType.UINT16, power_on_count),
                (7, DataType.UINT64, constant(0)),
                (152, DataType.FLOAT, metering.power_w),
                (8, DataType.UINT16, constant(4157)),
                (9, DataType.UINT16, constant(1792)),
                (154, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
