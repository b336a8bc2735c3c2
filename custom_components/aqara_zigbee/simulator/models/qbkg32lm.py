"""QBKG32LM, Aqara smart wall switch H1 Pro (with neutral, triple rocker), ``lumi.switch.n3acn1``.

Written as its double-rocker sibling QBKG31LM (a real unit, Koenkk/zigbee2mqtt#15800) with a
third rocker: endpoints 1-3, 21, the button endpoints, the heartbeat layout (relays in
indexes 100-102) and firmware 51 of 2022-02-17 are inferred from it. Zigbee2MQTT's library:
the exposes; clicks from 41/42/43 (one rocker), 51/52/53 (two) and 61 (all three); power as
AnalogInput presentValue. The Koenkk/zigbee-OTA index: image type 0x0B0C (a newer image, 59,
is offered).

Inferred: power on endpoint 21 metering every circuit; a press of several rockers drives
each of their relays; single and double clicks only (the library's actions); event mode off
until written.
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
    (102, DataType.BOOL, relay(3)),
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
    zigbee_models=("lumi.switch.n3acn1",),
    z2m_model="QBKG32LM",
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
        EndpointSpec(
            2, 0x0100, (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)
        ),
        EndpointSpec(
            3, 0x0100, (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)
        ),
        EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
        EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(43, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(52, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(53, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(61, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=51,
    date_code="02-17-2022",
    sw_build_id="0.0.0_0051",
    file_version=51,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_center", 3: "state_right"}),
        Buttons(
            {
                "left": ButtonSpec(41, (1,)),
                "center": ButtonSpec(42, (2,)),
                "right": ButtonSpec(43, (3,)),
                "left_center": ButtonSpec(51, (1, 2)),
                "left_right": ButtonSpec(52, (1, 3)),
                "center_right": ButtonSpec(53, (2, 3)),
                "all": ButtonSpec(61, (1, 2, 3)),
            },
            aliases={},
            gestures=CLICKS,
            actions=tuple(
                f"{kind}_{button}"
                for button in (
                    "left",
                    "center",
                    "right",
                    "left_center",
                    "left_right",
                    "center_right",
                    "all",
                )
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
        Metering(
            power_endpoint=21, exposes_mains=True, exposes_current=False, load_relays=(1, 2, 3)
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
        OtaUpdates(0x0B0C),
    ],
)
