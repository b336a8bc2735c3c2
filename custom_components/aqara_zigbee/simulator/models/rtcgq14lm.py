"""RTCGQ14LM, Aqara motion sensor P1, ``lumi.motion.ac02``.

Facts: ZHA device signatures (endpoint 1, device type 0x0107, in 0000 0001 0003 0400 0406
0500 FCC0, out 0003 0019 FCC0); Zigbee2MQTT's library (a detection is 0xFCC0 0x0112 with
lux + 65536; detection_interval 0x0102, motion_sensitivity 0x010C, trigger_indicator 0x0152,
in the heartbeat at 105, 106, 107; no power outage count shown); OTA image type 0x2D08, file
version 10 from the Koenkk/zigbee-OTA index. Inferred: the 30 s default interval
(Zigbee2MQTT's assumption), medium sensitivity, indicator off.
"""

from __future__ import annotations

from ..behaviours import LumiSetting
from ..behaviours.heartbeat import setting
from ..behaviours.occupancy import (
    ILLUMINANCE_MEASUREMENT,
    OCCUPANCY_SENSING,
    Detection,
    MotionDetector,
)
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import (
    BATTERY_POWER_SOURCE,
    detection_interval_setting,
    lumi_heartbeat,
    number_setting,
    sensor_behaviours,
)

SENSITIVITY = {"low": 1, "medium": 2, "high": 3}
INDICATOR = {True: 1, False: 0}

TWIN = Twin(
    zigbee_models=("lumi.motion.ac02",),
    z2m_model="RTCGQ14LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0107,
            (
                BASIC,
                POWER_CONFIGURATION,
                IDENTIFY,
                ILLUMINANCE_MEASUREMENT,
                OCCUPANCY_SENSING,
                0x0500,  # IAS zone, unused by the firmware's reports
                LUMI_CLUSTER,
            ),
            (IDENTIFY, OTA, LUMI_CLUSTER),
        ),
    ),
    app_version=10,
    file_version=10,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: [
        *sensor_behaviours(
            MotionDetector(Detection.LUMI_LUX, interval_setting=True),
            detection_interval_setting(30),
            LumiSetting("motion_sensitivity", 0x010C, DataType.UINT8, SENSITIVITY, default=2),
            LumiSetting("trigger_indicator", 0x0152, DataType.UINT8, INDICATOR, default=0),
            heartbeat=lumi_heartbeat(
                (105, DataType.UINT8, number_setting("detection_interval")),
                (106, DataType.UINT8, setting("motion_sensitivity")),
                (107, DataType.UINT8, setting("trigger_indicator")),
            ),
            outages_exposed=False,
            power_cfg=True,  # counted in the heartbeat, not on the page
        )
    ],
)
