"""QBKG25LM, Aqara smart wall switch D1 (no neutral, triple rocker), ``lumi.switch.l3acn3``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
per-rocker operation mode, mode switch (also heartbeat index 4), power-outage memory, LED
off at night and flipped indicator on 0xFCC0; the heartbeat's relay states 100-102, device
temperature and power outages; event mode written at configure; OTA support); an end device
with a 04:cf:8c address (Zigbee2MQTT log, domoticz-zigbee2mqtt-plugin#376); OTA image type
0x0508 and firmware 27 from the Koenkk/zigbee-OTA index.

Inferred from the with-neutral QBKG26LM's signature, not seen for this model: the
endpoints' clusters (0xFCC0 declared on the relay endpoints); every gesture sent.
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
    setting,
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
    zigbee_models=("lumi.switch.l3acn3",),
    z2m_model="QBKG25LM",
    router=False,  # no neutral: an end device (Zigbee2MQTT log)
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, GROUPS, IDENTIFY, ON_OFF, SCENES, DEVICE_TEMPERATURE, TIME, LUMI_CLUSTER),
            (OTA, TIME, LUMI_CLUSTER),
        ),
        EndpointSpec(2, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
        EndpointSpec(3, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
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
    ieee_oui=bytes.fromhex("04cf8c"),
    zcl_version=1,
    app_version=27,
    hw_version=0,
    sw_build_id="0.0.0_0027",
    file_version=27,
    behaviours=lambda: [
        Relays({1: "state_left", 2: "state_center", 3: "state_right"}),
        Buttons(
            _BUTTONS,
            aliases={"1": "left", "2": "center", "3": "right"},
            gestures=ALL_GESTURES,
            # What Zigbee2MQTT publishes (gesture, then the button of its buttonLookup)
            actions=tuple(
                f"{kind}_{button}" for button in _BUTTONS for kind in ("single", "double")
            ),
            decoupling=True,
            default_event_mode=0,  # Zigbee2MQTT writes mode 1 at configure
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
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(27)),
                (4, DataType.UINT16, setting("mode_switch")),
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (102, DataType.BOOL, relay(3)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x0508),
    ],
)
