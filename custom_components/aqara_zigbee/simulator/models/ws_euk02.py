"""WS-EUK02, Aqara smart wall switch H1 EU (no neutral, double rocker), ``lumi.switch.l2aeu1``.

Facts: the ZHA quirk's first signature of ``lumi.switch.l2aeu1`` (endpoints 1, 2, 41, 42, 51,
242; 0xFCC0 and MultistateInput declared on 1 and 2); zha-device-handlers#2270: an end
device; Zigbee2MQTT's library (exposes, mode_switch in heartbeat index 4).

Inferred from WS-USC02 (the same no-neutral generation): the heartbeat layout; "both"
drives both relays; event mode off until written. Single and double clicks only (the
library's actions). Basic versions unknown: the defaults.
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
    PowerOutageCounter,
    PowerOutageMemory,
    PressKind,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
    setting,
)
from ..clusters import (
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
    (4, DataType.UINT16, setting("mode_switch")),
    (5, DataType.UINT16, power_on_count),
    (154, DataType.UINT8, constant(0)),
    (8, DataType.UINT16, constant(288)),
    (10, DataType.UINT16, parent_nwk),
    (11, DataType.UINT8, constant(0)),
)

TWIN = Twin(
    zigbee_models=("lumi.switch.l2aeu1",),
    z2m_model="WS-EUK02",
    router=False,  # no neutral: an end device
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
        EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
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
        LumiSetting(
            "mode_switch",
            0x0004,
            DataType.UINT16,
            {"anti_flicker_mode": 4, "quick_mode": 1},
            default=4,
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        PreventReset(),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
    ],
)
