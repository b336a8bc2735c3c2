"""ZNCZ15LM, Aqara smart plug T1 (CN), ``lumi.plug.macn01``.

Router. Facts: Zigbee2MQTT lumi.js (power as AnalogInput presentValue; energy, voltage
and current in the heartbeat; consumer_connected, led_disabled_night, button lock on FCC0
0x0200 with 0 = locked, overload protection 100-2500 W); the Koenkk/zigbee-OTA index
(image type 0x000C, build 36).

Inferred from its sibling ZNCZ04LM, not seen for this model: the endpoints (power on
AnalogInput of endpoint 21), the heartbeat layout, the Basic versions. The button lock is
held as a setting; the twin's button still switches the relay while locked.
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
    PowerOutageMemory,
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
    DEVICE_TEMPERATURE,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.plug.macn01",),
    z2m_model="ZNCZ15LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER),
            (TIME, OTA),
        ),
        EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=36,
    date_code="07-19-2024",
    sw_build_id="0.0.0_0036",
    file_version=36,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=False),
        Metering(
            power_endpoint=21,
            aqara_protections=True,
            exposes_mains=True,
            hidden=frozenset({"auto_off"}),
            overload_max_w=2500.0,
        ),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        LumiSetting("button_lock", 0x0200, DataType.UINT8, {"ON": 0, "OFF": 1}, default=1),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, metering.milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(278)),
                (9, DataType.UINT16, constant(0x0400)),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x000C),
    ],
)
