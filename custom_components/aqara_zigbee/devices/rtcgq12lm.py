"""Aqara RTCGQ12LM: motion sensor T1 (``lumi.motion.agl02``).

Facts: Zigbee2MQTT's definition (a detection is 0xFCC0 0x0112 carrying lux + 65536; the
occupancy clears after detection_interval + 2 s, or the occupancy_timeout option;
detection_interval is 0xFCC0 0x0102); 0xFCC0 is hidden from the simple descriptor
(inferred from the high precision T1's interview); OTA image type 8328 (0x2088) from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCGQ12LM",
    model_ids=("lumi.motion.agl02",),
    vendor="Aqara",
    description="Motion sensor T1",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(power_cfg=True),
        motion.occupancy_illuminance(),
        motion.detection_interval(),
        f.device_temperature(),
        f.power_outage_count(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2088),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0107, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
