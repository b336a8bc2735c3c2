"""ZNQBCZ11LM, Aqara smart wall outlet H2 (USB), ``lumi.plug.acn005``.

Router. Facts: Zigbee2MQTT lumi.js (relay on endpoint 1, USB ports on 2; power_on_behavior
on FCC0 0x0517; power as AnalogInput presentValue; energy, voltage and current in the
heartbeat; overload protection 100-3840 W; led_disabled_night 0x0203; button lock 0x0200
with 0 = locked; button_switch_mode 0x0226); the Koenkk/zigbee-OTA index (image type
0x9B0E, build 32).

Inferred from the H1 outlet QBCZ15LM, not seen for this model: the endpoints (power on
AnalogInput of endpoint 21), the heartbeat layout, the Basic versions; the load is
measured behind the relay only. The button lock is held as a setting.
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
from ..behaviours.button_switch_mode import ButtonSwitchMode
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
    zigbee_models=("lumi.plug.acn005",),
    z2m_model="ZNQBCZ11LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0051, (GROUPS, SCENES, ON_OFF)),
        EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=32,
    date_code="06-11-2025",
    sw_build_id="0.0.0_0032",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state_relay", 2: "state_usb"}),
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
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        LumiSetting("button_lock", 0x0200, DataType.UINT8, {"ON": 0, "OFF": 1}, default=1),
        ButtonSwitchMode(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
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
