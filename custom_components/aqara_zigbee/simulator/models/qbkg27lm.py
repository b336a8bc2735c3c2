"""QBKG27LM, Aqara smart wall switch H1 (no neutral, single rocker), ``lumi.switch.l1acn1``.

No public signature of this model was found: written as its EU sibling WS-EUK01
(``lumi.switch.l1aeu1``: endpoint 1 without 0xFCC0 declared, clicks from hidden endpoint 41,
Green Power on 242, an end device). Zigbee2MQTT's library: the exposes, mode_switch in
heartbeat index 4. No OTA image in the Koenkk/zigbee-OTA index: no OTA client.

Inferred from WS-USC01 (the same no-neutral generation): the heartbeat layout; event mode
off until written. Single and double clicks only (the library's actions). Basic versions
unknown: the defaults.
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
    ALARMS,
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
    (4, DataType.UINT16, setting("mode_switch")),
    (5, DataType.UINT16, power_on_count),
    (154, DataType.UINT8, constant(0)),
    (8, DataType.UINT16, constant(288)),
    (10, DataType.UINT16, parent_nwk),
    (11, DataType.UINT8, constant(0)),
)

TWIN = Twin(
    zigbee_models=("lumi.switch.l1acn1",),
    z2m_model="QBKG27LM",
    router=False,  # no neutral: an end device
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
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
