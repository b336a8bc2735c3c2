"""Xiaomi/Aqara MFKZQ01LM: cube (lumi.sensor_cube, lumi.sensor_cube.aqgl01).

Facts: Zigbee2MQTT's definition (gestures as MultistateInput presentValue of endpoint 2,
rotations as AnalogInput presentValue of endpoint 3, see features.gestures; battery,
chip temperature and power-on count in the genBasic 0xFF01 heartbeat, 2850-3000 mV);
endpoints 1-3 from ZHA's signature of lumi.sensor_cube.aqgl01.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.gestures import mi_cube_gestures
from ..lumi.const import ANALOG_INPUT, BASIC, MULTISTATE_INPUT, OTA
from .model import Definition, EndpointDecl

IDENTIFY = 0x0003

DEFINITION = Definition(
    model="MFKZQ01LM",
    model_ids=("lumi.sensor_cube", "lumi.sensor_cube.aqgl01"),
    vendor="Aqara",
    description="Cube",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        f.device_temperature(),
        f.power_outage_count(),
        mi_cube_gestures(),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x5F01,
            in_clusters=(BASIC, IDENTIFY, OTA, MULTISTATE_INPUT),
            out_clusters=(BASIC, 0x0004, IDENTIFY, 0x0005, OTA, MULTISTATE_INPUT),
        ),
        EndpointDecl(endpoint=2, device_type=0x5F02, in_clusters=(IDENTIFY, MULTISTATE_INPUT)),
        EndpointDecl(endpoint=3, device_type=0x5F03, in_clusters=(IDENTIFY, ANALOG_INPUT)),
    ),
)
