"""QBKG33LM, Aqara smart wall switch T1 (no neutral, triple rocker), ``lumi.switch.b3l01``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
power-outage memory, per-rocker operation mode, LED off at night and flipped indicator on
0xFCC0; the heartbeat's relay states 100-102, device temperature and power outages; OTA
support); OTA image type 0x1088 and firmware 33 from the Koenkk/zigbee-OTA index.

Inferred from the WS-USC no-neutral switches, not seen for this model: an end device; the
endpoints' clusters; every gesture sent; event mode off until written.
"""

from __future__ import annotations

from ..behaviours import (
    ALL_GESTURES,
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    OtaUpdates,
    PowerOutageCounter,
    PowerOutageMemory,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..clusters import (
    BASIC,
    DEVICE_TEMPERATURE,
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

#: each button's event endpoint and the relays it drives (Zigbee2MQTT's buttonLookup)
_BUTTONS = {
    "left": ButtonSpec(41, (1,)),
    "center": ButtonSpec(42, (2,)),
    "right": ButtonSpec(43, (3,)),
    "left_center": ButtonSpec(51, (1, 2)),
    "left_right": ButtonSpec(52, (1, 3)),
    "center_right": ButtonSpec(53, (2, 3)),
    "all": ButtonSpec(61, (1, 2, 3)),
}

TWIN = Twin(
    zigbee_models=("lumi.switch.b3l01",),
    z2m_model="QBKG33LM",
    router=False,  # inferred: no neutral
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)),
        EndpointSpec(3, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)),
        *(
            EndpointSpec(
                spec.event_endpoint or 0,
                0x0000,
                declared=False,
                hidden_clusters=(MULTISTATE_INPUT,),
            )
            for spec in _BUTTONS.values()
        ),
    ),
    app_version=33,
    sw_build_id="0.0.0_0033",
    file_version=33,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_center", 3: "state_right"}),
        Buttons(
            _BUTTONS,
            aliases={"1": "left", "2": "center", "3": "right"},
            gestures=ALL_GESTURES,
            # What Zigbee2MQTT publishes (gesture, then the button of its buttonLookup)
            actions=tuple(
                f"{kind}_{button}" for kind in ("single", "double") for button in _BUTTONS
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
                (101, DataType.BOOL, relay(2)),
                (102, DataType.BOOL, relay(3)),
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(288)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1088),
    ],
)
