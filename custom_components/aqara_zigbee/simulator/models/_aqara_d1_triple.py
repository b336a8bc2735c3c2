"""The Aqara smart wall switches D1 triple rocker, without (QBKG25LM) and with neutral (QBKG26LM).

Both declare 0xFCC0 on the relay endpoints 1-3, click from hidden endpoints (41-43 one
rocker, 51-53 two, 61 all three: Zigbee2MQTT's buttonLookup) and send the 0xFCC0 heartbeat
(index 8 written as the firmware version for both). With neutral: a router metering its
load, power on AnalogInput 21; without: an end device with a mode switch (heartbeat index
4). What each model's facts are and where they come from is in its own file.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..behaviours import (
    ALL_GESTURES,
    Behaviour,
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
    setting,
)
from ..behaviours.heartbeat import HeartbeatEntry
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


def _heartbeat(neutral: bool, firmware: int) -> tuple[HeartbeatEntry, ...]:
    meters: tuple[HeartbeatEntry, ...] = (
        (152, DataType.FLOAT, metering.power_w),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.FLOAT, metering.decivolts),
        (151, DataType.FLOAT, metering.milliamperes),
    )
    return (
        (3, DataType.INT8, chip_temperature),
        (5, DataType.UINT16, power_on_count),
        (8, DataType.UINT16, constant(firmware)),
        *(meters if neutral else ((4, DataType.UINT16, setting("mode_switch")),)),
        (100, DataType.BOOL, relay(1)),
        (101, DataType.BOOL, relay(2)),
        (102, DataType.BOOL, relay(3)),
        (154, DataType.UINT8, constant(0)),
        (10, DataType.UINT16, parent_nwk),
        (11, DataType.UINT8, constant(0)),
    )


def d1_triple_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    neutral: bool,
    exposes_outage_count: bool,
    ota_image_type: int,
    firmware: int,
) -> Twin:
    """The layout of one D1 triple rocker; ``neutral`` decides router and metering."""

    def behaviours() -> Sequence[Behaviour]:
        if neutral:
            by_wiring: Behaviour = Metering(
                power_endpoint=21, exposes_mains=True, hidden=frozenset({"current"})
            )
        else:
            by_wiring = LumiSetting(
                "mode_switch",
                0x0004,
                DataType.UINT16,
                {"anti_flicker_mode": 4, "quick_mode": 1},
                default=4,
            )
        return [
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
            PowerOutageCounter(exposed=exposes_outage_count),
            PowerOutageMemory(default=True),
            by_wiring,
            LumiSetting(
                "led_disabled_night",
                0x0203,
                DataType.BOOL,
                {True: True, False: False},
                default=False,
            ),
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, _heartbeat(neutral, firmware)
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        router=neutral,
        endpoints=(
            EndpointSpec(
                1,
                0x0100,
                (BASIC, GROUPS, IDENTIFY, ON_OFF, SCENES, DEVICE_TEMPERATURE, TIME, LUMI_CLUSTER),
                (OTA, TIME, LUMI_CLUSTER),
            ),
            EndpointSpec(2, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
            EndpointSpec(3, 0x0100, (BASIC, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER)),
            *((EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),) if neutral else ()),
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
        app_version=firmware,
        hw_version=0,
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
