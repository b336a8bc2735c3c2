"""Aqara CTP-R01: Cube T1 Pro (lumi.remote.cagl02).

Facts: Zigbee2MQTT's definition (gestures as MultistateInput presentValue, sides 1-6;
rotations as AnalogInput presentValue; the side set up in 0xFCC0 0x0149; operation mode
action/scene in 0xFCC0 0x0148, also in heartbeat index 155; the 0xFCC0 heartbeat with
the battery voltage, 2850-3000 mV, and the power-on count, its chip temperature a
constant and not shown); endpoints 1-3 from a ZHA quirk's signature; OTA image type
0x2288 (zigbee-OTA index).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.gestures import cube_operation_mode, cube_t1_pro_gestures
from ..lumi.const import ANALOG_INPUT, BASIC, LUMI_CLUSTER, MULTISTATE_INPUT, ON_OFF, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="CTP-R01",
    model_ids=("lumi.remote.cagl02",),
    vendor="Aqara",
    description="Cube T1 Pro",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        f.power_outage_count(),
        cube_operation_mode(),
        cube_t1_pro_gestures(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x2288),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0103,
            in_clusters=(BASIC, 0x0001, 0x0003, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER),
            out_clusters=(BASIC, 0x0003, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0103, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=3, device_type=0x0103, in_clusters=(ANALOG_INPUT,)),
    ),
)
