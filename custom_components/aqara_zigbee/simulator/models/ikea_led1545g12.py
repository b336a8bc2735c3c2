"""IKEA TRADFRI LED1545G12, ``TRADFRI bulb E27 WS opal 980lm``: a colour-temperature bulb.

Signature (ZLL profile, device type 0x0220, clusters, Basic strings) from a Zigbee2MQTT
database entry: https://github.com/stas-demydiuk/domoticz-zigbee2mqtt-plugin/issues/10;
ColorCapabilities 16 (colour temperature only) and the 250 mired minimum as its siblings
report them: https://github.com/sprut/Hub/issues/178; 454 mireds warmest (Zigbee2MQTT's range).
"""

from __future__ import annotations

from ..behaviours import Groups, Identify
from ..behaviours.lighting import (
    CAP_COLOR_TEMPERATURE,
    ColorControlServer,
    LevelControlServer,
    OnOffServer,
)
from ..clusters import (
    BASIC,
    COLOR_CONTROL,
    DIAGNOSTICS,
    GROUPS,
    IDENTIFY,
    LEVEL_CONTROL,
    ON_OFF,
    OTA,
    POLL_CONTROL,
    SCENES,
    TOUCHLINK,
)
from ..profile import EndpointSpec, Twin

ZLL_PROFILE = 0xC05E
IKEA_MANUFACTURER_CODE = 0x117C

TWIN = Twin(
    zigbee_models=("TRADFRI bulb E27 WS opal 980lm",),
    z2m_model="LED1545G12",
    ieee_oui=bytes.fromhex("d0cf5e"),
    node_manufacturer_code=IKEA_MANUFACTURER_CODE,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0220,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                LEVEL_CONTROL,
                COLOR_CONTROL,
                DIAGNOSTICS,
                TOUCHLINK,
            ),
            (SCENES, OTA, POLL_CONTROL, TOUCHLINK),
            profile=ZLL_PROFILE,
        ),
    ),
    manufacturer="IKEA of Sweden",
    zcl_version=1,
    app_version=17,
    stack_version=87,
    hw_version=1,
    date_code="20170331",
    power_source=0x01,
    join_report=False,
    source="https://github.com/stas-demydiuk/domoticz-zigbee2mqtt-plugin/issues/10",
    behaviours=lambda: [
        OnOffServer(1),
        LevelControlServer(1),
        ColorControlServer(1, capabilities=CAP_COLOR_TEMPERATURE, mireds=(250, 454)),
        Groups({1: frozenset()}),
        Identify(),
    ],
)
