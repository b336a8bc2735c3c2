"""Aqara FP1E: presence sensor (``lumi.sensor_occupy.agl1``).

Facts: Zigbee2MQTT's definition (lumi_specific heartbeat; the fp1e* extends on 0xFCC0:
presence, movement, target distance, detection range, spatial learning and restart
commands, AI switches; motion_sensitivity 0x010C read at pairing; USB powered); OTA image
type 8347 (0x209B) from the Koenkk/zigbee-OTA index. Inferred: a router (mains powered),
endpoint 1 serves 0xFCC0.
"""

from __future__ import annotations

from .. import features as f
from ..features import identify, occupancy, presence
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="FP1E",
    model_ids=("lumi.sensor_occupy.agl1",),
    vendor="Aqara",
    description="Presence sensor",
    is_router=True,  # USB powered
    features=(
        f.device_temperature(),
        f.power_outage_count(),
        occupancy.motion_sensitivity(description="Select motion sensitivity to use.", config=True),
        presence.presence(),
        presence.movement(),
        presence.target_distance(),
        presence.detection_range(),
        presence.spatial_learning(),
        presence.restart_device(),
        identify.identify(),
        presence.ai_interference_identification(),
        presence.ai_adaptive_sensitivity(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x209B),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0107, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
