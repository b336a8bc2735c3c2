"""The single switch modules T1: with neutral (SSM-U01, DLKZMK11LM), without (SSM-U02, DLKZMK12LM).

The CN editions share their global sibling's layout (zha-device-handlers' switch_t1 quirk
matches both with one signature). The facts and where they come from are in SSM-U01's and
SSM-U02's model files. Both: the wired wall switch toggles the relay and sends no click the
hub sees.
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
    parent_nwk,
    power_on_count,
    relay,
)
from ..clusters import (
    ALARMS,
    ANALOG_INPUT,
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
from ..zcl_server import AttrTable, lumi_attr


class PressedFlag(Behaviour):
    """FCC0 0x00FC: whether the wired switch is held (always released here)."""

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {0x00FC: lumi_attr(DataType.BOOL, lambda: False)}
        return {}


def _switch_type() -> LumiSetting:
    return LumiSetting(
        "switch_type", 0x000A, DataType.UINT8, {"toggle": 1, "momentary": 2}, default=1
    )


def t1_neutral_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    exposes_outage_count: bool,
    led_disabled_night: bool,
    ota_image_type: int,
) -> Twin:
    """A router metering its load, power on AnalogInput 21."""

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays({1: "state"}),
            Buttons({"main": ButtonSpec(None, (1,))}),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=exposes_outage_count),
            PowerOutageMemory(default=True),
            Metering(power_endpoint=21, exposes_mains=True),
            *(
                [
                    LumiSetting(
                        "led_disabled_night",
                        0x0203,
                        DataType.BOOL,
                        {True: True, False: False},
                        default=False,
                    )
                ]
                if led_disabled_night
                else []
            ),
            _switch_type(),
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
                    (11, DataType.UINT8, constant(0)),
                    (8, DataType.UINT16, constant(277)),
                    (9, DataType.UINT16, constant(4096)),
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
                0x0100,
                (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ALARMS, TIME, LUMI_CLUSTER),
                (OTA,),
                hidden_clusters=(ON_OFF,),
            ),
            EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
            EndpointSpec(31, 0x0100, (ANALOG_INPUT,)),
            EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
            EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
        ),
        app_version=21,
        stack_version=0,
        date_code="Aug  8 2020",
        power_source=0x00,
        file_version=21,
        behaviours=behaviours,
    )


def t1_no_neutral_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    seed: int | None = None,
    exposes_chip_temperature: bool,
    exposes_outage_count: bool,
) -> Twin:
    """An end device; its heartbeat still carries temperature and outage count when unexposed."""

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays({1: "state"}),
            Buttons({"main": ButtonSpec(None, (1,))}),
            ChipTemperature(exposed=exposes_chip_temperature),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=exposes_outage_count),
            PowerOutageMemory(default=True),
            _switch_type(),
            PressedFlag(),
            Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                (
                    (3, DataType.INT8, chip_temperature),
                    (100, DataType.BOOL, relay(1)),
                    (5, DataType.UINT16, power_on_count),
                    (8, DataType.UINT16, constant(278)),
                    (154, DataType.UINT8, constant(0)),
                    (10, DataType.UINT16, parent_nwk),
                    (11, DataType.UINT8, constant(0)),
                ),
            ),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        seed=seed,
        router=False,
        endpoints=(
            EndpointSpec(
                1,
                0x0100,
                (
                    BASIC,
                    LUMI_CLUSTER,
                    DEVICE_TEMPERATURE,
                    MULTISTATE_INPUT,
                    IDENTIFY,
                    GROUPS,
                    SCENES,
                    ON_OFF,
                ),
                (OTA,),
            ),
        ),
        app_version=25,
        date_code="12-23-2020",
        sw_build_id="0.0.0_0025",
        behaviours=behaviours,
    )
