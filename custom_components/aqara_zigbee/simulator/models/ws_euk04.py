"""WS-EUK04, Aqara smart wall switch H1 EU (with neutral, double rocker), ``lumi.switch.n2aeu1``.

Facts: the ZHA quirk's first signature of ``lumi.switch.n2aeu1`` (WS-USC04's: endpoints 1, 2,
21, 31, 41, 42, 51, 242); Zigbee2MQTT's library (exposes, left = 1, right = 2, clicks from
41/42/51, power as AnalogInput presentValue); the Koenkk/zigbee-OTA index (image type 0x159C,
file version 25 of 2024-07-25).

Inferred: power on endpoint 21 metering both circuits; the heartbeat layout of the H1 Pro
(QBKG31LM's real one); "both" drives both relays; single and double clicks only (the
library's actions); event mode off until written.
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
    (101, DataType.BOOL, relay(2)),
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
    zigbee_models=("lumi.switch.n2aeu1",),
    z2m_model="WS-EUK04",
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
        EndpointSpec(
            2, 0x0100, (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER)
        ),
        EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
        EndpointSpec(31, 0x0100, (ANALOG_INPUT,)),  # never heard from
        EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=25,
    date_code="07-25-2024",
    sw_build_id="0.0.0_0025",
    file_version=25,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_right"}),
        Buttons(
            {
                "left": ButtonSpec(41, (1,)),
                "right": ButtonSpec(42, (2,)),
                "both": ButtonSpec(51, (1, 2)),
            },
            aliases={},
            gestures=CLICKS,
            actions=tuple(
                f"{kind}_{button}"
                for button in ("left", "right", "both")
                for kind in ("single", "double")
            ),
            decoupling=True,
            default_event_mode=0,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOutageMemory(default=True),
        Metering(power_endpoint=21, load_relays=(1, 2)),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
        OtaUpdates(0x159C),
    ],
)
