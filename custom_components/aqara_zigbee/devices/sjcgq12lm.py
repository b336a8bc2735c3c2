"""Aqara SJCGQ12LM: water leak sensor T1 (``lumi.flood.agl02``).

Facts: Zigbee2MQTT's definition (water_leak, battery_low and tamper from the IAS zone;
battery and voltage from the heartbeat, 2850-3000 mV curve); endpoint 1 from ZHA's device
signature (IAS zone device: 0000 0001 0003 0500, out 0019); OTA image type 8712 from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, battery_low, lumi_battery
from ..features.ias_zone import IAS_ZONE, ias_alarm, tamper
from ..lumi.const import BASIC, LUMI_CLUSTER, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="SJCGQ12LM",
    model_ids=("lumi.flood.agl02",),
    vendor="Aqara",
    description="Water leak sensor T1",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        ias_alarm(
            "water_leak",
            device_class="moisture",
            description="Indicates whether the device detected a water leak",
        ),
        battery_low(power_cfg=False, ias=True),
        tamper(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(8712),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0001, 0x0003, IAS_ZONE, LUMI_CLUSTER),
            out_clusters=(OTA,),
        ),
    ),
)
