"""ZNCZ11LM, Aqara smart plug (CN), ``lumi.plug.aq1``.

Router. Zigbee2MQTT's library: lumi.plug's converters (power from AnalogInput, the genBasic
0xFF01 heartbeat) plus voltage; power-outage memory, the night LED and auto-off are each
written as one genBasic 0xFFF0 frame; the unit asks the hub for the local time. OTA image
type 0x0101, file version 30 (Koenkk/zigbee-OTA index). No public signature was found: the
endpoints, the heartbeat layout and the factory settings are inferred from lumi.plug and
QBCZ11LM of the same generation.
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
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.basic_frame_settings import BasicFrameSettings
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
    zigbee_models=("lumi.plug.aq1",),
    z2m_model="ZNCZ11LM",
    ieee_oui=bytes.fromhex("00158d"),
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                GROUPS,
                IDENTIFY,
                ON_OFF,
                BINARY_OUTPUT,
                SCENES,
                TIME,
                POWER_CONFIGURATION,
                DEVICE_TEMPERATURE,
            ),
            (OTA, TIME),
        ),
        EndpointSpec(2, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT, GROUPS)),
        EndpointSpec(3, 0x0053, (ANALOG_INPUT,), (ANALOG_INPUT,)),
    ),
    zcl_version=1,
    file_version=30,
    behaviours=lambda: [
        Relays({1: "state"}, binary_output=True),
        Buttons({"main": ButtonSpec(None, (1,))}),  # the plug's button toggles it
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        BasicFrameSettings(
            {
                "power_outage_memory": (
                    bytes.fromhex("aa8005d14700011001"),
                    bytes.fromhex("aa8005d14701011000"),
                    False,
                ),
                # the LED frame carries 0 for "disabled at night"
                "led_disabled_night": (
                    bytes.fromhex("aa8005d14700031000"),
                    bytes.fromhex("aa8005d14701031001"),
                    False,
                ),
                "auto_off": (
                    bytes.fromhex("aa8005d14700021001"),
                    bytes.fromhex("aa8005d14701021000"),
                    False,
                ),
            }
        ),
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
                (8, DataType.UINT16, constant(4446)),
                (9, DataType.UINT16, constant(2817)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
