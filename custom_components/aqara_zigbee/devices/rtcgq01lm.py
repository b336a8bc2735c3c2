"""Xiaomi RTCGQ01LM: Mi motion sensor (the first generation, ``lumi.sensor_motion``).

Facts: Zigbee2MQTT's definition (lumi_basic heartbeat, occupancy_with_timeout: only
"occupied" is ever sent, cleared after 90 s); OccupancySensing 0x0406 on endpoint 1 is not
in the unit's simple descriptor (ZHA's quirk declares it); no OTA image is published.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCGQ01LM",
    model_ids=("lumi.sensor_motion",),
    vendor="Xiaomi",
    description="Mi motion sensor",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(),
        motion.occupancy(),
        f.power_outage_count(),
        f.basic_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(endpoint=1, device_type=0x0104, in_clusters=(BASIC, motion.OCCUPANCY_SENSING)),
    ),
)
