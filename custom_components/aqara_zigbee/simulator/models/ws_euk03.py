"""WS-EUK03, Aqara smart wall switch H1 EU (with neutral, single rocker), ``lumi.switch.n1aeu1``.

Facts: the ZHA quirk's second signature of ``lumi.switch.n1aeu1`` (endpoint 1 with Alarms,
Metering and ElectricalMeasurement, 0xFCC0 undeclared; Green Power on 242); Zigbee2MQTT's
library (exposes, power from ElectricalMeasurement); the Koenkk/zigbee-OTA index (image type
0x151C, file version 25 of 2024-07-25).

Inferred: ElectricalMeasurement and Metering scaled like the older Aqara plugs'; clicks from
hidden endpoint 41 (the first signature's); the heartbeat layout of the H1 Pro (QBKG31LM's
real one); single and double clicks only (the library's actions); event mode off until
written.
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
    PressKind,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..clusters import (
    ALARMS,
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
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

CLICKS = frozenset({PressKind.SINGLE, PressKind.DOUBLE})
HEARTBEAT = (
    (100, DataType.BOOL, relay(1)),
    (3, DataType.INT8, chip_temperature),
    (152, DataType.FLOAT, metering.power_w),
    (149, DataType.FLOAT, metering.energy_kwh),
    (150, DataType.FLOAT, metering.decivolts),
    (151, DataType.FLOAT, metering.milliamperes),
    (5, DataType.UINT16, power_on_count),
    (154, DataType.UINT8, constant(0)),
    (9, DataType.UINT16, constant(0x1502)),
    (13, DataType.UINT32, constant(3891)),
    (14, DataType.UINT32, constant(0)),
    (10, DataType.UINT16, constant(0)),
    (12, DataType.UINT8, constant(1)),
    (17, DataType.UINT32, constant(1)),
)

TWIN = Twin(
    zigbee_models=("lumi.switch.n1aeu1",),
    z2m_model="WS-EUK03",
    router=True,  # with neutral
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
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
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=25,
    date_code="07-25-2024",
    sw_build_id="0.0.0_0025",
    file_version=25,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons(
            {"main": ButtonSpec(41, (1,))},
            gestures=CLICKS,
            actions=("single", "double"),
            decoupling=True,
            default_event_mode=0,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOutageMemory(default=True),
        Metering(electrical_measurement=True),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
        OtaUpdates(0x151C),
    ],
)
