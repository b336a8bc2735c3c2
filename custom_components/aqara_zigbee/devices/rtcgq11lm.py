"""Aqara RTCGQ11LM: motion sensor (``lumi.sensor_motion.aq2``).

Facts: Zigbee2MQTT's definition (lumi_basic heartbeat with the lux at index 11,
occupancy_with_timeout cleared after 90 s, lumi_illuminance: an IlluminanceMeasurement
report comes only with motion, in plain lux, and counts as a detection); endpoint 1's
clusters from ZHA device signatures (device type 0x0107); no OTA image is published.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="RTCGQ11LM",
    model_ids=("lumi.sensor_motion.aq2",),
    vendor="Aqara",
    description="Motion sensor",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(),
        motion.occupancy(with_lux=True),
        f.device_temperature(),
        f.power_outage_count(),
        f.basic_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0107,
            in_clusters=(BASIC, motion.OCCUPANCY_SENSING, motion.ILLUMINANCE_MEASUREMENT),
        ),
    ),
)
