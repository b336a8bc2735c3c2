"""Xiaomi GZCGQ01LM: Mi light sensor (``lumi.sen_ill.mgl01``).

Facts: Zigbee2MQTT's definition (illuminance from msIlluminanceMeasurement, readable, and
heartbeat index 100; battery from genPowerCfg batteryVoltage and the 0xFCC0 heartbeat
voltage, 2850-3000 mV; no OTA); endpoint 1 from ZHA's device signature (light sensor:
0000 0001 0003 0400, out 0003).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.illuminance import ILLUMINANCE_MEASUREMENT, illuminance
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="GZCGQ01LM",
    model_ids=("lumi.sen_ill.mgl01",),
    vendor="Xiaomi",
    description="Mi light sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        illuminance(readable=True, heartbeat_index=100),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0106,
            in_clusters=(BASIC, 0x0001, 0x0003, ILLUMINANCE_MEASUREMENT, LUMI_CLUSTER),
            out_clusters=(0x0003,),
        ),
    ),
)
