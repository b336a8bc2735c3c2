"""Aqara RTCGQ14LM: motion sensor P1 (``lumi.motion.ac02``).

Facts: Zigbee2MQTT's definition (a detection is 0xFCC0 0x0112 with lux + 65536, cleared
after detection_interval + 2 s, 30 s assumed until known; detection_interval 0x0102,
motion_sensitivity 0x010C, trigger_indicator 0x0152, also heartbeat indexes 105, 106 and
107); endpoint 1 from ZHA device signatures (device type 0x0107, 0xFCC0 declared); OTA
image type 11528 (0x2D08) from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, occupancy as motion
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

_PRESS_FIRST = " Press pairing button right before changing this otherwise it will fail."

DEFINITION = Definition(
    model="RTCGQ14LM",
    model_ids=("lumi.motion.ac02",),
    vendor="Aqara",
    description="Motion sensor P1",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(power_cfg=True),
        motion.occupancy_illuminance(interval_default=30.0),
        motion.motion_sensitivity(
            heartbeat_index=106,
            description="Select motion sensitivity to use." + _PRESS_FIRST,
            config=True,
        ),
        motion.detection_interval(
            heartbeat_index=105,
            description="Time interval between action detection." + _PRESS_FIRST,
            config=True,
        ),
        motion.trigger_indicator(heartbeat_index=107),
        f.device_temperature(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2D08),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0107, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
