"""QBKG26LM, Aqara smart wall switch D1 (with neutral, triple rocker), ``lumi.switch.n3acn3``.

Facts: Zigbee2MQTT lumi.js (relays on endpoints 1 left, 2 center, 3 right; clicks single
and double from endpoints 41-43 for each rocker, 51-53 for pairs and 61 for all three;
per-rocker operation mode, power-outage memory, LED off at night and flipped indicator on
0xFCC0; power as AnalogInput presentValue; energy, voltage, device temperature and relay
states from the heartbeat; event mode written at configure; OTA support); a router whose
descriptors declare 0xFCC0 on endpoints 1-3 (zigbee2mqtt#19470, com.xiaomi-mi-zigbee#299);
OTA image type 0x048C and firmware 33 from the Koenkk/zigbee-OTA index.

Inferred, not seen for this model: AnalogInput on endpoint 21 (its endpoint list has 21,
as the plugs that meter there); endpoint 31, of unknown clusters, left out; the load
metered behind the left relay; every gesture sent.
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
    Metering,
    OtaUpdates,
    PowerOutageCounter,
    PowerOutageMemory,
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
    ANALOG_INPUT,
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
    zigbee_models=("lumi.switch.n3acn3",),
    z2m_model="QBKG26LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, GROUPS, IDENTIFY, ON_OFF, SCENES, DEVICE_TEMPERATURE, TIME, LUMI_CLUSTER),
            (OTA, TIME, LUMI_CLUSTER),
        ),
        EndpointSpec(2, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
        EndpointSpec(3, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
        EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
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
    app_version=33,
    hw_version=0,
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
                f"{kind}_{button}" for button in _BUTTONS for kind in ("single", "double")
            ),
            decoupling=True,
            default_event_mode=0,  # Zigbee2MQTT writes mode 1 at configure
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=True),
        Metering(power_endpoint=21, exposes_mains=True, hidden=frozenset({"current"})),
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
                (8, DataType.UINT16, constant(33)),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, metering.milliamperes),
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (102, DataType.BOOL, relay(3)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x048C),
    ],
)
