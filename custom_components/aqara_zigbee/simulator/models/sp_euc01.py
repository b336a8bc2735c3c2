"""SP-EUC01, Aqara smart plug EU, ``lumi.plug.maeu01``.

Router. Facts: Zigbee2MQTT issues and pull requests: ElectricalMeasurement on endpoint 1
answers acPowerMultiplier 1 / acPowerDivisor 10 (zigbee-herdsman-converters#1470) and
refuses to report activePower by configuration; Metering answers multiplier 1 / divisor
1000 (zigbee2mqtt#6861); rmsVoltage and rmsCurrent are unsupported and the 0xFCC0
heartbeat carries voltage, current and consumer_connected once event mode (0xFCC0 0x0009)
is 1, which the factory leaves at 0 (zigbee-herdsman-converters#13018); application
version 32, date code 09-22-2020 (zigbee2mqtt#14874). Zigbee2MQTT's library: the 0xFCC0
settings (power-outage memory, night LED, auto-off, overload protection, button lock on
0x0200 with 0 = locked). OTA image type 0x0018, file version 45 (Koenkk/zigbee-OTA index).

Inferred from ZNCZ04LM's older layout (the same ZHA quirk serves both): the endpoint 1
clusters, the green-power endpoint, the heartbeat layout. The twin sends the heartbeat's
mains values whatever the event mode (a simplification).
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

TWIN = Twin(
    zigbee_models=("lumi.plug.maeu01",),
    z2m_model="SP-EUC01",
    ieee_oui=bytes.fromhex("04cf8c"),
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
    app_version=32,
    date_code="09-22-2020",
    sw_build_id="0.0.0_0032",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state"}),
        # No button events: the endpoint only holds the event mode Zigbee2MQTT writes
        Buttons({"main": ButtonSpec(None, (1,))}, default_event_mode=0),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=False),
        Metering(
            electrical_measurement=True,
            rms_in_electrical_measurement=False,
            aqara_protections=True,
            exposes_mains=True,
        ),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
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
                (155, DataType.BOOL, constant(False)),
            ),
        ),
        OtaUpdates(0x0018),
    ],
)
