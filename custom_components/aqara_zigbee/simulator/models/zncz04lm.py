"""ZNCZ04LM, Mi power plug ZigBee EU, ``lumi.plug.mmeu01``, and its older firmware layout.

Router. Endpoint 1 carries 0xFCC0 (settings and heartbeat 0x00F7); power on endpoint 21
(reference/devices.md; Zigbee2MQTT lumi.js, ``lumi.plug.mmeu01``). Firmware 24, pulled
from the Zigbee2MQTT OTA index, stops reporting power.
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
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

HEARTBEAT = (
    (100, DataType.BOOL, relay(1)),
    (3, DataType.INT8, chip_temperature),
    (152, DataType.FLOAT, metering.power_w),
    (149, DataType.FLOAT, metering.energy_kwh),
    (150, DataType.FLOAT, metering.decivolts),
    (151, DataType.FLOAT, metering.milliamperes),
    (5, DataType.UINT16, power_on_count),
    (154, DataType.UINT8, constant(0)),
    (8, DataType.UINT16, constant(278)),
    (7, DataType.UINT64, constant(0)),
    (9, DataType.UINT16, constant(0x0400)),
    (11, DataType.UINT8, constant(0)),
    (155, DataType.BOOL, constant(False)),
)


def _behaviours(power: Metering) -> Sequence[Behaviour]:
    return [
        Relays({1: "state"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups({1: frozenset({0})}),  # plugs come in group 0
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=False),
        power,
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        Heartbeat(LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, HEARTBEAT),
        OtaUpdates(0x4018),
    ]


TWIN = Twin(
    zigbee_models=("lumi.plug.mmeu01",),
    z2m_model="ZNCZ04LM",
    seed=2,
    ieee_oui=bytes.fromhex("04cf8c"),
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
    app_version=22,
    date_code="09-18-2019",
    sw_build_id="0.0.0_0022",
    file_version=22,
    behaviours=lambda: _behaviours(
        Metering(
            power_endpoint=21,
            aqara_protections=True,
            exposes_mains=True,
            power_reports_broken_in=frozenset({24}),
        )
    ),
)

VARIANTS = (
    # Older firmware: Metering (0x0702) and ElectricalMeasurement (0x0B04) on endpoint 1
    # instead of AnalogInput on endpoint 21; 0xFCC0 still served. Power, voltage and
    # current are reported raw in ElectricalMeasurement units and energy as the Metering
    # summation; the multipliers/divisors are only answered to reads.
    Twin(
        zigbee_models=TWIN.zigbee_models,
        z2m_model=TWIN.z2m_model,
        variant="ZNCZ04LM-legacy",
        ieee_oui=TWIN.ieee_oui,
        endpoints=(
            EndpointSpec(
                1,
                0x0051,
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
            EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
        ),
        app_version=TWIN.app_version,
        date_code=TWIN.date_code,
        sw_build_id=TWIN.sw_build_id,
        file_version=TWIN.file_version,
        behaviours=lambda: _behaviours(
            Metering(
                electrical_measurement=True,
                aqara_protections=True,
                exposes_mains=True,
                power_reports_broken_in=frozenset({24}),
            )
        ),
    ),
)
