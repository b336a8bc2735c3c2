"""Aqara GZCGQ11LM: light sensor T1 (``lumi.sen_ill.agl01``).

Facts: Zigbee2MQTT's definition (illuminance from msIlluminanceMeasurement, readable;
detection period 0xFCC0 0x0000 (also heartbeat index 0), 1-59 s; battery from genPowerCfg
batteryVoltage and the heartbeat voltage, 2850-3000 mV; identify for a sleepy device);
endpoint 1 from ZHA's device signature (shared with the Mi light sensor: light sensor,
0000 0001 0003 0400, out 0003); OTA image type 9096 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.identify import identify
from ..features.illuminance import ILLUMINANCE_MEASUREMENT, illuminance
from ..features.sensor_settings import detection_period
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="GZCGQ11LM",
    model_ids=("lumi.sen_ill.agl01",),
    vendor="Aqara",
    description="Light sensor T1",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        detection_period(),
        illuminance(readable=True),
        identify(sleepy=True),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(9096),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0106,
            in_clusters=(BASIC, 0x0001, 0x0003, ILLUMINANCE_MEASUREMENT, LUMI_CLUSTER),
            out_clusters=(0x0003, 0x0019),
        ),
    ),
)
