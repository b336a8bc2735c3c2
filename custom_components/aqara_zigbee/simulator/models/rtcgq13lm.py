"""RTCGQ13LM, Aqara high precision motion sensor, ``lumi.motion.agl04``.

Facts: a public interview (endpoint 1, device type 0x0107, in 0000 0406 0003 0001, out
0003 0019); Zigbee2MQTT's library (OccupancySensing "occupied" only; motion_sensitivity
0xFCC0 0x010C 1-3, also heartbeat index 105; detection_interval 0x0102); OTA image type
0x2488, file version 27 from the Koenkk/zigbee-OTA index. Inferred: 0xFCC0 served though
undeclared (the family's habit), the 60 s default interval and medium sensitivity.
"""

from __future__ import annotations

from ..behaviours import LumiSetting
from ..behaviours.heartbeat import setting
from ..behaviours.occupancy import OCCUPANCY_SENSING, Detection, MotionDetector
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import (
    BATTERY_POWER_SOURCE,
    detection_interval_setting,
    lumi_heartbeat,
    sensor_behaviours,
)

SENSITIVITY = {"low": 1, "medium": 2, "high": 3}

TWIN = Twin(
    zigbee_models=("lumi.motion.agl04",),
    z2m_model="RTCGQ13LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0107,
            (BASIC, OCCUPANCY_SENSING, IDENTIFY, POWER_CONFIGURATION),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=27,
    file_version=27,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        MotionDetector(Detection.OCCUPANCY, interval_setting=True),
        detection_interval_setting(60),
        LumiSetting("motion_sensitivity", 0x010C, DataType.UINT8, SENSITIVITY, default=2),
        power_cfg=True,
        heartbeat=lumi_heartbeat((105, DataType.UINT8, setting("motion_sensitivity"))),
    ),
)
