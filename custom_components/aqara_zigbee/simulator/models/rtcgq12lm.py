"""RTCGQ12LM, Aqara motion sensor T1, ``lumi.motion.agl02``.

Facts: Zigbee2MQTT's library (a detection is 0xFCC0 0x0112, a uint32 of lux + 65536;
detection_interval 0xFCC0 0x0102; 0xFCC0 0x00F7 heartbeat); OTA image type 0x2088 and
file version 37 from the Koenkk/zigbee-OTA index. Inferred from the high precision T1's
interview: endpoint 1, device type 0x0107, in 0000 0003 0001, out 0003 0019, 0xFCC0 hidden;
the detection interval's default (60 s, Zigbee2MQTT's assumption).
"""

from __future__ import annotations

from ..behaviours.occupancy import Detection, MotionDetector
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ._aqara_motion import (
    BATTERY_POWER_SOURCE,
    detection_interval_setting,
    lumi_heartbeat,
    sensor_behaviours,
)

TWIN = Twin(
    zigbee_models=("lumi.motion.agl02",),
    z2m_model="RTCGQ12LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0107,
            (BASIC, IDENTIFY, POWER_CONFIGURATION),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=37,
    file_version=37,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        MotionDetector(Detection.LUMI_LUX, interval_setting=True),
        detection_interval_setting(60),
        power_cfg=True,
        heartbeat=lumi_heartbeat(),
    ),
)
