"""FP1E, Aqara presence sensor, ``lumi.sensor_occupy.agl1``.

Facts: Zigbee2MQTT's library (the radar's values and commands on 0xFCC0, motion
sensitivity 0x010C, the AI switches 0x015E/0x015D, 0xFCC0 0x00F7 heartbeat with the chip
temperature and boots; USB powered); OTA image type 0x209B, file version 35, from the
Koenkk/zigbee-OTA index. Inferred: a router (mains powered), endpoint 1 with 0xFCC0 hidden,
the settings' defaults (medium, AI switches off, the full 6 m range).
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    chip_temperature,
    parent_nwk,
    power_on_count,
)
from ..behaviours.presence import Radar
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

SENSITIVITY = {"low": 1, "medium": 2, "high": 3}
SWITCH = {"ON": 1, "OFF": 0}

TWIN = Twin(
    zigbee_models=("lumi.sensor_occupy.agl1",),
    z2m_model="FP1E",
    router=True,
    endpoints=(
        EndpointSpec(
            1, 0x0107, (BASIC, IDENTIFY), (IDENTIFY, OTA), hidden_clusters=(LUMI_CLUSTER,)
        ),
    ),
    app_version=35,
    file_version=35,
    behaviours=lambda: [
        Radar(),
        LumiSetting("motion_sensitivity", 0x010C, DataType.UINT8, SENSITIVITY, default=2),
        LumiSetting(
            "ai_interference_source_selfidentification", 0x015E, DataType.UINT8, SWITCH, default=0
        ),
        LumiSetting("ai_sensitivity_adaptive", 0x015D, DataType.UINT8, SWITCH, default=0),
        ChipTemperature(),
        Identify(exposed=True),
        PowerOutageCounter(exposed=True),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
            ),
        ),
    ],
)
