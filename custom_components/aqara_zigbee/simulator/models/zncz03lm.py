"""ZNCZ03LM, Mi smart plug TW, ``lumi.plug.mitw01``: the Taiwanese lumi.plug.

Router. Zigbee2MQTT's library gives it lumi.plug's converters (power from AnalogInput,
the genBasic 0xFF01 heartbeat) with voltage and without power-outage memory. No public
signature was found: the endpoints, the heartbeat layout (voltage in 0.1 V at index 150)
and the Basic versions are inferred from lumi.plug's; no OTA image is published for it.
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
    zigbee_models=("lumi.plug.mitw01",),
    z2m_model="ZNCZ03LM",
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,  # inferred: old Xiaomi node descriptors
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
    date_code="02-28-2017",
    sw_build_id="0.0.0_0092",
    file_version=92,
    behaviours=lambda: [
        Relays({1: "state"}, binary_output=True),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups({1: frozenset({0})}),  # inferred: lumi.plug comes in group 0
        Identify(),
        PowerOutageCounter(exposed=False),
        Metering(
            power_endpoint=2,
            energy_endpoint=3,
            mains_in_power_configuration=True,
            exposes_mains=True,
            hidden=frozenset({"current"}),  # the page shows the voltage only
        ),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.UINT32, metering.decivolts),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(278)),
                (9, DataType.UINT16, constant(0x0400)),
            ),
        ),
    ],
)
