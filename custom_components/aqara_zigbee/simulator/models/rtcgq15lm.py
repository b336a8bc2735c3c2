"""RTCGQ15LM, Aqara motion sensor E1, ``lumi.motion.acn001``.

Facts: Zigbee2MQTT's library (the T1's converters: a detection is 0xFCC0 0x0112 with
lux + 65536, detection_interval 0x0102, 0xFCC0 0x00F7 heartbeat). Inferred from the T1:
the endpoint layout, the 60 s default interval. No OTA image is published for it.
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
    zigbee_models=("lumi.motion.acn001",),
    z2m_model="RTCGQ15LM",
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
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        MotionDetector(Detection.LUMI_LUX, interval_setting=True),
        detection_interval_setting(60),
        power_cfg=True,
        heartbeat=lumi_heartbeat(),
    ),
)
