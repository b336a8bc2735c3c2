"""Aqara SJCGQ13LM: water leak sensor E1 (``lumi.flood.acn001``).

Facts: Zigbee2MQTT's definition (water_leak and battery_low from the IAS zone, the leak
also at heartbeat index 100; battery from genPowerCfg batteryVoltage and the heartbeat
voltage, 2850-3000 mV curve; device temperature and power outages from the heartbeat);
endpoint 1 from ZHA's device signature (IAS zone device: 0000 0001 0003 0500, out 0003
0019). Zigbee2MQTT offers OTA, but no image of the model is in the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..devices.model import BOOL, HeartbeatSource
from ..features.battery import COIN_CELL, battery_low, lumi_battery
from ..features.ias_zone import IAS_ZONE, ias_alarm
from ..lumi.const import BASIC, LUMI_CLUSTER, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="SJCGQ13LM",
    model_ids=("lumi.flood.acn001",),
    vendor="Aqara",
    description="Water leak sensor E1",
    is_router=False,
    features=(
        ias_alarm(
            "water_leak",
            device_class="moisture",
            description="Indicates whether the device detected a water leak",
            extra_sources=(HeartbeatSource(index=100, codec=BOOL),),
        ),
        lumi_battery(COIN_CELL, power_cfg=True),
        battery_low(power_cfg=True, ias=True),
        f.device_temperature(),
        f.power_outage_count(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0001, 0x0003, IAS_ZONE, LUMI_CLUSTER),
            out_clusters=(0x0003, OTA),
        ),
    ),
)
