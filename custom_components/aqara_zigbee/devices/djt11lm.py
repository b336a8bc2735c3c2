"""Aqara DJT11LM: vibration sensor (``lumi.vibration.aq1``).

Facts: Zigbee2MQTT's definition (lumi_basic heartbeat; lumi_vibration_analog: the DoorLock
cluster's 0x0055 event, 0x0505 strength, 0x0508 axes; the sensitivity written to genBasic
0xFF0D; vibration cleared after vibration_timeout, 90 s); endpoint 1 from ZHA device
signatures (device type 0x000A, in 0000 0003 0019 FFFF 0101); no OTA image is published.
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, vibration
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="DJT11LM",
    model_ids=("lumi.vibration.aq1",),
    vendor="Aqara",
    description="Vibration sensor",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(),
        f.device_temperature(),
        vibration.old_vibration(),
        f.power_outage_count(),
        f.basic_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(endpoint=1, device_type=0x000A, in_clusters=(BASIC, vibration.DOOR_LOCK)),
    ),
)
