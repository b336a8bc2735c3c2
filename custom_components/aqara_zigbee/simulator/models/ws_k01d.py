"""WS-K01D, Aqara smart wall switch H1 20A (with neutral, single rocker), ``lumi.switch.acn061``.

Router. Verified features (zigbee-herdsman-converters#7282): relay, device temperature,
power outages and their memory, decoupled mode, single and double clicks, energy, voltage,
current, power, LED at night, flipped indicator. No interview is public: the endpoints, the
click endpoint (41) and the heartbeat are inferred from the H1 with neutral
(lumi.switch.n2acn1, zigbee2mqtt#15800): endpoint 1 with the meters, AnalogInput power on
21, 0xFCC0 and the button endpoint hidden. No OTA image is published for it.
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
    PowerOutageCounter,
    PowerOutageMemory,
    PressKind,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
    parent_nwk,
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

TWIN = Twin(
    zigbee_models=("lumi.switch.acn061",),
    z2m_model="WS-K01D",
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
        EndpointSpec(21, 0x0000, (ANALOG_INPUT,)),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=27,
    date_code="20230710",
    sw_build_id="0.0.0_0027",
    file_version=27,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons(
            {"main": ButtonSpec(41, (1,))},
            gestures=frozenset(
                {PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}
            ),
            actions=("single", "double"),
            decoupling=True,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOutageMemory(default=True),
        Metering(power_endpoint=21, exposes_mains=True),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        PreventReset(),
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
                (9, DataType.UINT16, constant(0x1502)),
                (10, DataType.UINT16, parent_nwk),
                (12, DataType.UINT8, constant(1)),
            ),
        ),
    ],
)
