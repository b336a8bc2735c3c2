"""IKEA FYRTUR block-out roller blind (Zigbee2MQTT E1757): a battery window-covering motor.

Signature (device type 0x0202, clusters) from SmartThings' fingerprint of it
(https://github.com/SmartThingsCommunity/SmartThingsPublic/pull/11283, "raw description");
Basic strings and Window Covering attributes (type 0 roller shade, ConfigStatus 3, limits)
from https://github.com/sprut/Hub/issues/1241.
"""

from __future__ import annotations

from ..behaviours import Groups, Identify
from ..behaviours.closures import WindowCovering
from ..behaviours.sensing import Battery
from ..clusters import (
    BASIC,
    GROUPS,
    IDENTIFY,
    OTA,
    POLL_CONTROL,
    POWER_CONFIGURATION,
    SCENES,
    TOUCHLINK,
    WINDOW_COVERING,
)
from ..profile import EndpointSpec, Twin

TWIN = Twin(
    zigbee_models=("FYRTUR block-out roller blind",),
    z2m_model="E1757",
    ieee_oui=bytes.fromhex("680ae2"),
    router=False,
    node_manufacturer_code=0x117C,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0202,
            (
                BASIC,
                POWER_CONFIGURATION,
                IDENTIFY,
                GROUPS,
                SCENES,
                POLL_CONTROL,
                WINDOW_COVERING,
                TOUCHLINK,
                0xFC7C,
            ),
            (OTA, TOUCHLINK),
        ),
    ),
    manufacturer="IKEA of Sweden",
    zcl_version=3,
    app_version=33,
    stack_version=99,
    hw_version=1,
    sw_build_id="2.3.088",
    power_source=0x03,
    join_report=False,
    source="https://github.com/SmartThingsCommunity/SmartThingsPublic/pull/11283",
    behaviours=lambda: [
        WindowCovering(1, covering_type=0, lift_travel_s=30.0),
        Battery(1, volts=8.3, percent=100, size=0xFF, quantity=1),
        Groups({1: frozenset()}),
        Identify(),
    ],
)
