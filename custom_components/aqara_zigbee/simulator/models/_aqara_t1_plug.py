"""The Aqara T1 plugs: smart plug T1 (ZNCZ15LM) and smart wall outlet T1 (QBCZ14LM).

Both written as the ZNCZ04LM generation: power on AnalogInput of endpoint 21; energy,
voltage and current in the 0xFCC0 heartbeat; a button lock held as a setting (0 = locked;
the twin's button still switches the relay while locked); overload protection up to
2500 W. What each model's facts are and where they come from is in its own file.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    PowerOutageMemory,
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
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType


def t1_plug_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    hidden: frozenset[str] = frozenset(),
    ota_image_type: int,
    firmware: int,
) -> Twin:
    """``hidden``: properties the model's page leaves out besides auto_off."""

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays({1: "state"}),
            Buttons({"main": ButtonSpec(None, (1,))}),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            PowerOutageMemory(default=False),
            Metering(
                power_endpoint=21,
                aqara_protections=True,
                exposes_mains=True,
                hidden=frozenset({"auto_off", *hidden}),
                overload_max_w=2500.0,
            ),
            LumiSetting(
                "led_disabled_night",
                0x0203,
                DataType.BOOL,
                {True: True, False: False},
                default=False,
            ),
            LumiSetting("button_lock", 0x0200, DataType.UINT8, {"ON": 0, "OFF": 1}, default=1),
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
                    (8, DataType.UINT16, constant(278)),
                    (9, DataType.UINT16, constant(0x0400)),
                    (11, DataType.UINT8, constant(0)),
                ),
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=(
            EndpointSpec(
                1,
                0x0051,
                (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER),
                (TIME, OTA),
            ),
            EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
            EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
        ),
        app_version=firmware,
        date_code="07-19-2024",
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
