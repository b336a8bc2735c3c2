"""IKEA INSPELNING Smart plug (Zigbee2MQTT E22xx): an on/off plug metering its load.

Signature (device type 0x010A on/off plug-in unit, endpoint 1 with Level Control, Metering
and Electrical Measurement, endpoint 242) and the metering multipliers/divisors from its
Zigbee2MQTT database entry: https://github.com/Koenkk/zigbee2mqtt/issues/30433.
"""

from __future__ import annotations

from ..behaviours import Groups, Identify
from ..behaviours.energy import ElectricalMeasurement, Metering
from ..behaviours.lighting import LevelControlServer, OnOffServer
from ..clusters import (
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LEVEL_CONTROL,
    METERING,
    ON_OFF,
    OTA,
    SCENES,
    TOUCHLINK,
)
from ..profile import EndpointSpec, Twin

IKEA_MANUFACTURER_CODE = 0x117C

TWIN = Twin(
    zigbee_models=("INSPELNING Smart plug",),
    z2m_model="E22xx",
    ieee_oui=bytes.fromhex("20a716"),
    node_manufacturer_code=IKEA_MANUFACTURER_CODE,
    endpoints=(
        EndpointSpec(
            1,
            0x010A,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                LEVEL_CONTROL,
                METERING,
                ELECTRICAL_MEASUREMENT,
                TOUCHLINK,
                0xFC7C,
                0xFC85,
            ),
            (OTA,),
        ),
        EndpointSpec(242, 0x0061, (GREEN_POWER,), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    manufacturer="IKEA of Sweden",
    zcl_version=8,
    power_source=0x01,
    join_report=False,
    source="https://github.com/Koenkk/zigbee2mqtt/issues/30433",
    behaviours=lambda: [
        OnOffServer(1),
        LevelControlServer(1),
        ElectricalMeasurement(1),
        Metering(1),
        Groups({1: frozenset()}),
        Identify(),
    ],
)
