"""Philips Hue LCT010 (Zigbee2MQTT 9290012573A): an extended-colour (RGB + white) bulb.

Signature (ZLL profile, device type 0x0210, endpoint 11 clusters, Green Power endpoint 242,
Signify's manufacturer code 4107) from its ZHA device signature:
https://github.com/zigpy/zha-device-handlers/issues/1543. Colour capabilities (hue and
saturation, enhanced hue, xy, colour temperature 153..500 mireds) as Hue colour bulbs of
that generation report them.
"""

from __future__ import annotations

from ..behaviours import Groups, Identify
from ..behaviours.lighting import (
    CAP_COLOR_TEMPERATURE,
    CAP_ENHANCED_HUE,
    CAP_HUE_SATURATION,
    CAP_XY,
    ColorControlServer,
    LevelControlServer,
    OnOffServer,
)
from ..clusters import (
    BASIC,
    COLOR_CONTROL,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LEVEL_CONTROL,
    ON_OFF,
    OTA,
    SCENES,
    TOUCHLINK,
)
from ..profile import EndpointSpec, Twin

ZLL_PROFILE = 0xC05E
SIGNIFY_MANUFACTURER_CODE = 0x100B
HUE_CAPABILITIES = CAP_HUE_SATURATION | CAP_ENHANCED_HUE | CAP_XY | CAP_COLOR_TEMPERATURE

TWIN = Twin(
    zigbee_models=("LCT010",),
    z2m_model="9290012573A",
    ieee_oui=bytes.fromhex("001788"),
    node_manufacturer_code=SIGNIFY_MANUFACTURER_CODE,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            11,
            0x0210,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                LEVEL_CONTROL,
                COLOR_CONTROL,
                TOUCHLINK,
                0xFC01,
                0xFC03,
            ),
            (OTA,),
            profile=ZLL_PROFILE,
        ),
        EndpointSpec(242, 0x0061, (GREEN_POWER,), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    manufacturer="Philips",
    zcl_version=1,
    app_version=2,
    stack_version=1,
    hw_version=1,
    power_source=0x01,
    join_report=False,
    source="https://github.com/zigpy/zha-device-handlers/issues/1543",
    behaviours=lambda: [
        OnOffServer(11),
        LevelControlServer(11),
        ColorControlServer(
            11, capabilities=HUE_CAPABILITIES, mireds=(153, 500), initial_mireds=366
        ),
        Groups({11: frozenset()}),
        Identify(),
    ],
)
