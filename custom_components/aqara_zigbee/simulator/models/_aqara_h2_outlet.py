"""The Aqara smart wall outlets H2: EU (WP-P01D) and CN with USB (ZNQBCZ11LM).

Routers: endpoint 1 hides 0xFCC0; the USB ports (ZNQBCZ11LM) switch on endpoint 2; power
on AnalogInput of endpoint 21; energy, voltage and current in the 0xFCC0 heartbeat;
power_on_behavior on 0xFCC0 0x0517; overload protection up to 3840 W; a button lock held as
a setting (0 = locked); OTA image type 0x9B0E. What each model's facts are and where they
come from is in its own file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..behaviours import (
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
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.power_on_behavior import PowerOnBehavior
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
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType


def _led_setting(led_indicator: bool) -> LumiSetting:
    if led_indicator:
        return LumiSetting(
            "led_indicator", 0x0203, DataType.BOOL, {"ON": True, "OFF": False}, default=True
        )
    return LumiSetting(
        "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
    )


def h2_outlet_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    led_indicator: bool,
    own_setting: Callable[[], Behaviour],
    firmware: int,
    date_code: str,
) -> Twin:
    """``led_indicator``: 0x0203 exposed as the LED's state (else as led_disabled_night);
    ``own_setting`` builds the model's own feature on 0xFCC0."""

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            Buttons({"main": ButtonSpec(None, (1,))}),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=True),
            PowerOnBehavior(),
            Metering(
                power_endpoint=21,
                aqara_protections=True,
                exposes_mains=True,
                hidden=frozenset({"auto_off", "consumer_connected"}),
                overload_max_w=3840.0,
            ),
            _led_setting(led_indicator),
            LumiSetting("button_lock", 0x0200, DataType.UINT8, {"ON": 0, "OFF": 1}, default=1),
            own_setting(),
            Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                (
                    *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
                    (3, DataType.INT8, chip_temperature),
                    (152, DataType.FLOAT, metering.power_w),
                    (149, DataType.FLOAT, metering.energy_kwh),
                    (150, DataType.FLOAT, metering.decivolts),
                    (151, DataType.FLOAT, metering.milliamperes),
                    (5, DataType.UINT16, power_on_count),
                    (154, DataType.UINT8, constant(0)),
                    (11, DataType.UINT8, constant(0)),
                ),
            ),
            OtaUpdates(0x9B0E),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=(
            EndpointSpec(
                1,
                0x0051,
                (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF),
                (TIME, OTA),
                hidden_clusters=(LUMI_CLUSTER,),
            ),
            *(EndpointSpec(ep, 0x0051, (GROUPS, SCENES, ON_OFF)) for ep in relays if ep != 1),
            EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
            EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
        ),
        app_version=firmware,
        date_code=date_code,
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
