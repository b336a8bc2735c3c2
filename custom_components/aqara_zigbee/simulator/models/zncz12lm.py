"""ZNCZ12LM, Aqara smart plug US, ``lumi.plug.maus01``.

Router. Facts: a public signature (zha-device-handlers#218): manufacturer code 4447,
endpoint 1 (device type 0x0051) in 0000, 0004, 0003, 0006, 0010, 0005, 000A, 0001, 0002,
0B04, out 0019, 000A; endpoint 2 (0x0009) and 3 (0x0053) AnalogInput; endpoint 100 (0x0107)
BinaryInput. Zigbee2MQTT's library: power from AnalogInput, the 0xFCC0 settings of
ZNCZ04LM (consumer connected, night LED, auto-off, overload protection) on a cluster the
descriptor hides, power-outage memory written as one genBasic 0xFFF0 frame. OTA image
type 0x0101, file version 17 (Koenkk/zigbee-OTA index). Inferred: the genBasic 0xFF01
heartbeat with lumi.plug's layout plus current (index 151, mA) as ZNCZ04LM sends it.
"""

from __future__ import annotations

from ..behaviours import (
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
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
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

BINARY_INPUT = 0x000F

TWIN = Twin(
    zigbee_models=("lumi.plug.maus01",),
    z2m_model="ZNCZ12LM",
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
                ELECTRICAL_MEASUREMENT,
            ),
            (OTA, TIME),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT, GROUPS)),
        EndpointSpec(3, 0x0053, (ANALOG_INPUT,), (ANALOG_INPUT,)),
        EndpointSpec(100, 0x0107, (BINARY_INPUT,), (BINARY_INPUT, GROUPS)),
    ),
    zcl_version=1,
    date_code="05-02-2018",
    file_version=17,
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
            }
        ),
        Metering(
            power_endpoint=2,
            energy_endpoint=3,
            mains_in_power_configuration=True,
            aqara_protections=True,
            exposes_mains=True,
        ),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
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
                (151, DataType.FLOAT, metering.milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(278)),
                (9, DataType.UINT16, constant(0x0400)),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
