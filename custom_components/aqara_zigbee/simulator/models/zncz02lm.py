"""ZNCZ02LM, Mi power plug ZigBee (CN), ``lumi.plug``: old Xiaomi firmware, no 0xFCC0.

Router. Relay on endpoint 1, power on endpoint 2 and energy on endpoint 3 (AnalogInput);
heartbeat in genBasic 0xFF01; power_outage_memory through a two-write handshake on
genBasic 0xFFF0 (reference/devices.md; Zigbee2MQTT lumi.js, ``lumi.plug``).
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
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.plug",),
    z2m_model="ZNCZ02LM",
    seed=1,
    ieee_oui=bytes.fromhex("00158d"),
    # Old Xiaomi node descriptors carry 4151 (0x1037), not Lumi's 0x115F.
    node_manufacturer_code=0x1037,
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
        EndpointSpec(2, 0x0009, (ANALOG_INPUT,), (GROUPS, ANALOG_INPUT)),
        EndpointSpec(3, 0x0053, (ANALOG_INPUT,), (ANALOG_INPUT,)),
    ),
    zcl_version=1,
    app_version=1,
    date_code="02-28-2017",
    sw_build_id="0.0.0_0092",
    file_version=92,
    behaviours=lambda: [
        Relays({1: "state"}, binary_output=True),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups({1: frozenset({0})}),  # plugs come in group 0
        Identify(),
        PowerOutageCounter(exposed=False),
        PlugPowerOutageMemory(default=False),
        Metering(power_endpoint=2, energy_endpoint=3, mains_in_power_configuration=True),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                # lumi.plug sends the voltage as an integer in 0.1 V
                (150, DataType.UINT32, metering.decivolts),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(278)),
                (7, DataType.UINT64, constant(0)),
                (9, DataType.UINT16, constant(0x0400)),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
