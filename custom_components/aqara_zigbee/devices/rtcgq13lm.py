"""Aqara RTCGQ13LM: high precision motion sensor (``lumi.motion.agl04``).

Facts: Zigbee2MQTT's definition (OccupancySensing reports "occupied" only, cleared after
detection_interval + 2 s or the occupancy_timeout option; motion_sensitivity 0xFCC0 0x010C,
also heartbeat index 105; detection_interval 0xFCC0 0x0102); endpoint 1 from a public
interview (device type 0x0107, in 0000 0406 0003 0001, out 0003 0019; 0xFCC0 hidden); OTA
image type 9352 (0x2488) from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCGQ13LM",
    model_ids=("lumi.motion.agl04",),
    vendor="Aqara",
    description="High precision motion sensor",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(power_cfg=True),
        motion.occupancy(interval_default=motion.DETECTION_INTERVAL_DEFAULT),
        motion.motion_sensitivity(heartbeat_index=105),
        motion.detection_interval(),
        f.device_temperature(),
        f.power_outage_count(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2488),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0107,
            in_clusters=(BASIC, motion.OCCUPANCY_SENSING, LUMI_CLUSTER),
        ),
    ),
)
