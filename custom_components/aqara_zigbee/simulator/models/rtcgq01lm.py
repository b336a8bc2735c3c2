"""RTCGQ01LM, Mi motion sensor, ``lumi.sensor_motion``.

Facts: Zigbee2MQTT's library (OccupancySensing "occupied" only, genBasic 0xFF01 heartbeat
with voltage and boots, no chip temperature shown); ZHA's signature of the unit: endpoint 1,
device type 0x0104, in 0000 FFFF 0019, out 0000 0004 0003 0006 0008 0005 0019, with
0x0406 served but not declared; Xiaomi's old OUI 00:15:8d and manufacturer code 0x1037.
The 60 s blind time after a detection is the hardware's (not configurable).
"""

from __future__ import annotations

from ..behaviours.occupancy import OCCUPANCY_SENSING, Detection, MotionDetector
from ..clusters import BASIC, GROUPS, IDENTIFY, ON_OFF, OTA, SCENES
from ..profile import EndpointSpec, Twin
from ._aqara_motion import BATTERY_POWER_SOURCE, old_heartbeat, sensor_behaviours

TWIN = Twin(
    zigbee_models=("lumi.sensor_motion",),
    z2m_model="RTCGQ01LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    endpoints=(
        EndpointSpec(
            1,
            0x0104,
            (BASIC, 0xFFFF, OTA),
            (BASIC, GROUPS, IDENTIFY, ON_OFF, 0x0008, SCENES, OTA),  # 0x0008: level control
            hidden_clusters=(OCCUPANCY_SENSING,),
        ),
    ),
    manufacturer="LUMI",
    app_version=11,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        MotionDetector(Detection.OCCUPANCY),
        heartbeat=old_heartbeat(),
        temperature_exposed=False,
    ),
)
