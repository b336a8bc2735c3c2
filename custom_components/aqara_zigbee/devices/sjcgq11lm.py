"""Aqara SJCGQ11LM: water leak sensor (``lumi.sensor_wleak.aq1``).

Facts: Zigbee2MQTT's definition (water_leak and battery_low from the IAS zone; battery,
voltage, device temperature, power outages and trigger count from the genBasic 0xFF01
heartbeat, 2850-3000 mV curve; its index 100 is ignored as unreliable); endpoint 1 from
ZHA's device signature (device type 0x0402: 0000 0003 0001, out 0019; the IAS zone
cluster is served but undeclared).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, battery_low, lumi_battery
from ..features.ias_zone import IAS_ZONE, ias_alarm
from ..features.sensor_settings import trigger_count
from ..lumi.const import BASIC, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="SJCGQ11LM",
    model_ids=("lumi.sensor_wleak.aq1",),
    vendor="Aqara",
    description="Water leak sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        f.device_temperature(),
        f.power_outage_count(),
        trigger_count(),
        ias_alarm(
            "water_leak",
            device_class="moisture",
            description="Indicates whether the device detected a water leak",
        ),
        battery_low(power_cfg=False, ias=True),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0003, 0x0001, IAS_ZONE),
            out_clusters=(OTA,),
        ),
    ),
)
