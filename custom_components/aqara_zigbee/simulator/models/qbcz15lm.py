"""QBCZ15LM, Aqara smart wall outlet H1 (USB), ``lumi.plug.sacn03``.

Router. Facts: a public interview (Koenkk/zigbee2mqtt#8322): endpoints 1, 2, 21, 242;
endpoint 1 (device 0x0051) in 0000, 0002, 0003, 0004, 0005, 0006, 0009, 0702, 0B04, out
000A, 0019, with 0xFCC0 served undeclared (0x0201 = 1, 0x0203 = 1, 0x020B = 100,
0x0226 = 0); endpoint 2 (the USB ports) in 0006, 0000, 0003, 0004, 0005; endpoint 21
serving AnalogInput while declaring nothing; Basic application version 32, date code
06-22-2020; the heartbeat ``100, 101, 3, 152, 149, 150, 151, 5, 154, 8, 9, 11`` with its
types. Zigbee2MQTT lumi.js: power as AnalogInput presentValue; button lock on 0x0200
(0 = locked); button_switch_mode on 0x0226. The Koenkk/zigbee-OTA index: image type
0x1408.

Inferred: the load is measured behind the relay only (USB draws nothing measured); the
button lock is held as a setting, the button still switches while locked.
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
from ..behaviours.button_switch_mode import ButtonSwitchMode
from ..clusters import (
    ALARMS,
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    METERING,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.plug.sacn03",),
    z2m_model="QBCZ15LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                DEVICE_TEMPERATURE,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                ALARMS,
                METERING,
                ELECTRICAL_MEASUREMENT,
            ),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0051, (ON_OFF, BASIC, IDENTIFY, GROUPS, SCENES)),
        EndpointSpec(21, 0x0051, (), hidden_clusters=(ANALOG_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=32,
    date_code="06-22-2020",
    sw_build_id="0.0.0_0032",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state_relay", 2: "state_usb"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=True),
        Metering(
            power_endpoint=21,
            aqara_protections=True,
            exposes_mains=True,
            hidden=frozenset({"auto_off", "consumer_connected"}),
            overload_max_w=2500.0,
        ),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=True
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
                (8, DataType.UINT16, constant(288)),
                (9, DataType.UINT16, constant(0x0700)),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1408),
    ],
)
