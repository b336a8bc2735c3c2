"""RTCZCGQ11LM, Aqara presence sensor FP1, ``lumi.motion.ac01``.

Facts: Zigbee2MQTT's library (presence 0x0142, presence events 0x0143, monitoring mode
0x0144, approach distance 0x0146, motion sensitivity 0x010C, region events 0x0151 as
[region, event type: 1 enter, 2 leave, 4 occupied, 8 unoccupied], region configuration
0x0150 (behaviours/fp1_regions.py); the 0xFCC0 heartbeat
with presence at 101, monitoring mode at 103, approach distance at 105; mains powered);
OTA image type 0x209B, file version 58, from the Koenkk/zigbee-OTA index. Inferred: a
router, endpoint 1 with 0xFCC0 hidden, the settings' defaults.
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
    setting,
)
from ..behaviours.fp1_regions import Fp1Regions
from ..behaviours.presence import Fp1Radar, fp1_presence
from ..behaviours.remote_clicks import RemoteClicks, Report
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType

REGION_EVENT = 0x0151
EVENT_TYPES = {"enter": 1, "leave": 2, "occupied": 4, "unoccupied": 8}
SENSITIVITY = {"low": 1, "medium": 2, "high": 3}


def _region_event(region: int, code: int) -> tuple[Report, ...]:
    value = AttributeValue(REGION_EVENT, DataType.OCTET_STRING, bytes((region, code)))
    return (Report(1, LUMI_CLUSTER, (value,), manufacturer=LUMI_MANUFACTURER_CODE),)


TWIN = Twin(
    zigbee_models=("lumi.motion.ac01",),
    z2m_model="RTCZCGQ11LM",
    router=True,
    endpoints=(
        EndpointSpec(
            1, 0x0107, (BASIC, IDENTIFY), (IDENTIFY, OTA), hidden_clusters=(LUMI_CLUSTER,)
        ),
    ),
    app_version=58,
    file_version=58,
    behaviours=lambda: [
        Fp1Radar(),
        Fp1Regions(),
        LumiSetting(
            "monitoring_mode",
            0x0144,
            DataType.UINT8,
            {"undirected": 0, "left_right": 1},
            default=0,
        ),
        LumiSetting(
            "approach_distance",
            0x0146,
            DataType.UINT8,
            {"far": 0, "medium": 1, "near": 2},
            default=1,
        ),
        LumiSetting("motion_sensitivity", 0x010C, DataType.UINT8, SENSITIVITY, default=2),
        RemoteClicks(
            {
                f"region_{region}_{event}": _region_event(region, code)
                for region in range(1, 11)
                for event, code in EVENT_TYPES.items()
            }
        ),
        ChipTemperature(),
        Identify(),
        PowerOutageCounter(exposed=True),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
                (101, DataType.UINT8, fp1_presence),
                (103, DataType.UINT8, setting("monitoring_mode")),
                (105, DataType.UINT8, setting("approach_distance")),
            ),
        ),
    ],
)
