"""WP-P01D, Aqara smart wall outlet H2 EU, ``lumi.plug.aeu001``.

Router. Facts: Zigbee2MQTT lumi.js (power_on_behavior on FCC0 0x0517; power as AnalogInput
presentValue; energy, voltage and current in the heartbeat; overload protection
100-3840 W; the LED indicator 0x0203; button lock 0x0200 with 0 = locked; charging
protection 0x0202 with its limit 0x0206); the Koenkk/zigbee-OTA index (image type 0x9B0E,
build 33).

Inferred from the H2 (USB) and H1 outlets, not seen for this model: the endpoints (power
on AnalogInput of endpoint 21), the heartbeat layout, the Basic versions. The button lock
is held as a setting.
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
from ..behaviours.charging_protection import ChargingProtection
from ..behaviours.power_on_behavior import PowerOnBehavior
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
    zigbee_models=("lumi.plug.aeu001",),
    z2m_model="WP-P01D",
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=33,
    date_code="01-09-2026",
    sw_build_id="0.0.0_0033",
    file_version=33,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOnBehavior(),
        Metering(
            power_endpoint=21,
            aqara_protections=True,
            exposes_mains=True,
            hidden=frozenset({"auto_off", "consumer_connected"}),
            overload_max_w=3840.0,
        ),
        LumiSetting(
            "led_indicator", 0x0203, DataType.BOOL, {"ON": True, "OFF": False}, default=True
        ),
        LumiSetting("button_lock", 0x0200, DataType.UINT8, {"ON": 0, "OFF": 1}, default=1),
        ChargingProtection(),
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
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x9B0E),
    ],
)
