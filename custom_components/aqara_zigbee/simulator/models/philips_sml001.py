"""Philips Hue motion sensor SML001 (Zigbee2MQTT 9290012607): occupancy, illuminance and
temperature on endpoint 2, a ZLL controller endpoint 1.

Signature (both endpoints, device types 0x0850 and 0x0107, manufacturer code 4107) from its
ZHA device signature: https://github.com/zigpy/zha-device-handlers/pull/583; Basic strings
from https://github.com/sprut/Hub/issues/181.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.sensing import ILLUMINANCE_LUX, TEMPERATURE_C, Battery, Measurement, Occupancy
from ..clusters import (
    BASIC,
    COLOR_CONTROL,
    GROUPS,
    IDENTIFY,
    ILLUMINANCE,
    LEVEL_CONTROL,
    OCCUPANCY,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TEMPERATURE,
)
from ..profile import EndpointSpec, Twin

ZLL_PROFILE = 0xC05E

TWIN = Twin(
    zigbee_models=("SML001",),
    z2m_model="9290012607",
    ieee_oui=bytes.fromhex("001788"),
    router=False,
    node_manufacturer_code=0x100B,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0850,
            (BASIC,),
            (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF, LEVEL_CONTROL, COLOR_CONTROL),
            profile=ZLL_PROFILE,
        ),
        EndpointSpec(
            2,
            0x0107,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, ILLUMINANCE, TEMPERATURE, OCCUPANCY),
            (OTA,),
        ),
    ),
    manufacturer="Philips",
    zcl_version=1,
    app_version=2,
    stack_version=1,
    hw_version=1,
    date_code="20160630",
    sw_build_id="6.1.0.18912",
    power_source=0x03,
    join_report=False,
    source="https://github.com/zigpy/zha-device-handlers/pull/583",
    behaviours=lambda: [
        # Zigbee2MQTT names the properties of a second endpoint with its number
        Occupancy(2, delay_s=10, prop="occupancy_2"),
        Measurement(2, ILLUMINANCE_LUX, "illuminance_2", 120.0),
        Measurement(2, TEMPERATURE_C, "temperature_2", 20.5),
        Battery(2, volts=3.0, percent=100, size=0x03, quantity=2),  # two AAA cells
        Identify(),
    ],
)
