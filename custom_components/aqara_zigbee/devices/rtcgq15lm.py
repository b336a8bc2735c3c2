"""Aqara RTCGQ15LM: motion sensor E1 (``lumi.motion.acn001``).

Facts: Zigbee2MQTT's definition (the T1's converters: a detection is 0xFCC0 0x0112 with
lux + 65536, detection_interval 0x0102); endpoint layout inferred from the T1; the
Koenkk/zigbee-OTA index has no image of the model, so no OTA is offered.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCGQ15LM",
    model_ids=("lumi.motion.acn001",),
    vendor="Aqara",
    description="Motion sensor E1",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(power_cfg=True),
        motion.occupancy_illuminance(),
        motion.detection_interval(),
        f.device_temperature(),
        f.power_outage_count(),
        f.lumi_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0107, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
