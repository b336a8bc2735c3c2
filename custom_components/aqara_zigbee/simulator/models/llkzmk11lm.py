"""LLKZMK11LM, Aqara dual relay module, ``lumi.relay.c2acn01``.

Router. Facts: its descriptors (zha-device-handlers#222): node manufacturer code 4151,
endpoints 1 and 2 of device type 0x0101; endpoint 1 in 0000, 0003, 0004, 0005, 0001,
0002, 000A, 0006, 0010, 0B04, 000C, out 0019, 000A; endpoint 2 in 0006, 0010, 0004, 0005.
A unit's structure (sprut/Hub#157): application version 1, power source 4, BinaryOutput
0xFF06 (interlock) on endpoint 1, the genBasic 0xFF01 heartbeat ``{3: 33, 100: false,
5: 18, 101: false, 7: 0, 8: 4644, 9: 256, 110: 255, 111: 255, 148: 99, 149: 0.034,
150: 2343.4, 151: 0.26, 152: 61.48, 155: 0}`` (voltage in 0.1 V, current in A, both
floats). Zigbee2MQTT's library: power in AnalogInput, power-outage memory as lumi.plug's
genBasic 0xFFF0 handshake. OTA image type 0x0101, file version 47 (zigbee-OTA index).
Inferred: the load (power, current) is the sum over both relays, drawn through relay l1.
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
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.binary_output_interlock import BinaryOutputInterlock
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    IDENTIFY,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..device import TwinDevice
from ..profile import EndpointSpec, Twin
from ..zcl import DataType


def _amperes(device: TwinDevice) -> object:
    """Index 151 of this module: the current in A."""
    return device.behaviour(Metering).current_a


TWIN = Twin(
    zigbee_models=("lumi.relay.c2acn01",),
    z2m_model="LLKZMK11LM",
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0101,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                POWER_CONFIGURATION,
                DEVICE_TEMPERATURE,
                TIME,
                ON_OFF,
                BINARY_OUTPUT,
                ELECTRICAL_MEASUREMENT,
                ANALOG_INPUT,
            ),
            (OTA, TIME),
        ),
        EndpointSpec(2, 0x0101, (ON_OFF, BINARY_OUTPUT, GROUPS, SCENES)),
    ),
    zcl_version=0,
    app_version=1,
    hw_version=18,
    power_source=0x04,
    file_version=47,
    behaviours=lambda: [
        Relays({1: "state_l1", 2: "state_l2"}),
        # each channel's wall-switch input toggles its relay (no click events)
        Buttons(
            {"l1": ButtonSpec(None, (1,)), "l2": ButtonSpec(None, (2,))},
            aliases={"1": "l1", "2": "l2"},
        ),
        BinaryOutputInterlock(),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PlugPowerOutageMemory(default=False),
        Metering(power_endpoint=1, exposes_mains=True),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (5, DataType.UINT16, power_on_count),
                (101, DataType.BOOL, relay(2)),
                (7, DataType.UINT64, constant(0)),
                (8, DataType.UINT16, constant(4644)),
                (9, DataType.UINT16, constant(256)),
                (110, DataType.UINT8, constant(255)),
                (111, DataType.UINT8, constant(255)),
                (148, DataType.UINT8, constant(99)),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, _amperes),
                (152, DataType.FLOAT, metering.power_w),
                (155, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
