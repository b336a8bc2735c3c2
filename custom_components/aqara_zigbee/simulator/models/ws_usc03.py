"""WS-USC03, Aqara smart wall switch (with neutral, single rocker), US, ``lumi.switch.b1naus01``.

Facts: the ZHA quirk's signature of ``lumi.switch.b1naus01`` (endpoints 1, 21, 31, 41, 242;
0xFCC0 declared); Zigbee2MQTT's library (exposes, power as AnalogInput presentValue, the
event-mode write at configure); the Koenkk/zigbee-OTA index (image type 0x0114, file version
31 of 2021-12-28).

Inferred: power on endpoint 21 (what Zigbee2MQTT reads), endpoint 31's AnalogInput left
silent (its meaning is unknown); the heartbeat layout of the H1 Pro (QBKG31LM's real one);
single and double clicks only (the library's actions); event mode off until written.
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
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
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
    zigbee_models=("lumi.switch.b1naus01",),
    z2m_model="WS-USC03",
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
                MULTISTATE_INPUT,
                LUMI_CLUSTER,
            ),
            (TIME, OTA),
        ),
        EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
        EndpointSpec(31, 0x0100, (ANALOG_INPUT,)),  # never heard from
        EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=31,
    date_code="12-28-2021",
    sw_build_id="0.0.0_0031",
    file_version=31,
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
        Metering(power_endpoint=21, exposes_mains=True, exposes_current=False),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
        OtaUpdates(0x0114),
    ],
)
