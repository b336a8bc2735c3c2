"""QBKG11LM, Aqara smart wall switch (with neutral, single rocker), ``lumi.ctrl_ln1.aq1``.

Router. Facts: Zigbee2MQTT's library (relay on endpoint 1; clicks as MultistateInput
presentValue 0 hold, 1 single, 2 double, 255 release; operation mode in genBasic 0xFF22,
0x12 control_relay / 0xFE decoupled; power-outage memory as lumi.plug's genBasic 0xFFF0
handshake; power in AnalogInput; the genBasic 0xFF01 heartbeat); OTA image type 0x0101,
file version 95 (zigbee-OTA index). Its double-rocker sibling lumi.ctrl_ln2 (sprut/Hub#953)
shows endpoint 1 (Basic, PowerConfiguration with the mains voltage, DeviceTemperature,
Identify, Groups, Scenes, OnOff, Time, BinaryOutput), the heartbeat layout and firmware
32. Inferred: AnalogInput on endpoint 3, clicks from endpoint 4 (Zigbee2MQTT: the old wall
switches' button endpoints are 4, 5 and 6).
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
    PlugPowerOutageMemory,
    PowerOutageCounter,
    PressKind,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import LEFT_ROCKER, BasicOperationMode
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

#: what the rocker sends: MultistateInput 1, 2, 0 then 255
GESTURES = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})

TWIN = Twin(
    zigbee_models=("lumi.ctrl_ln1.aq1", "lumi.ctrl_ln1"),
    z2m_model="QBKG11LM",
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
        EndpointSpec(3, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT,)),
        EndpointSpec(4, 0x0100, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,)),
    ),
    zcl_version=1,
    app_version=32,
    hw_version=18,
    date_code="06-25-2018",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state"}, binary_output=True),
        Buttons(
            {"main": ButtonSpec(4, (1,))},
            gestures=GESTURES,
            actions=("single", "double", "release", "hold"),
        ),
        BasicOperationMode(
            {LEFT_ROCKER: ("operation_mode", 1, {"control_relay": 0x12, "decoupled": 0xFE})}
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PlugPowerOutageMemory(default=False),
        Metering(power_endpoint=3, mains_in_power_configuration=True),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
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
