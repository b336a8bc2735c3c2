"""Aqara RTCZCGQ11LM: presence sensor FP1 (``lumi.motion.ac01``).

Facts: Zigbee2MQTT's definition (lumi_specific: presence 0x0142 and heartbeat index 101,
presence events 0x0143, monitoring mode 0x0144 / index 103, approach distance 0x0146 /
index 105, motion sensitivity 0x010C, the no-presence reset 0x0157; region events
0x0151 as [region, event] bytes; region configuration 0x0150 (features/fp1_regions.py);
mains powered); OTA image type 8347 (0x209B) from the
Koenkk/zigbee-OTA index. Inferred: a router (mains powered), endpoint 1 serves 0xFCC0.
"""

from __future__ import annotations

from .. import features as f
from ..features import fp1_regions, occupancy, presence
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCZCGQ11LM",
    model_ids=("lumi.motion.ac01",),
    vendor="Aqara",
    description="Presence sensor FP1",
    is_router=True,  # mains powered
    features=(
        presence.fp1_presence(),
        f.device_temperature(),
        f.power_outage_count(),
        presence.fp1_settings(),
        occupancy.motion_sensitivity(
            description="Different sensitivities means different static human body "
            "recognition rate and response speed of occupied"
        ),
        presence.fp1_region_events(),
        fp1_regions.fp1_regions(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x209B),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0107, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
